import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';

export const CORRECTION_ACTIONS = ['pin', 'split', 'merge'] as const;

export class TemplateCorrectionDto {
  @ApiProperty({
    enum: CORRECTION_ACTIONS,
    description:
      'pin: the template is right; merge: every value at its parameters is one endpoint; split: its last parameter was wrong (values stay literal)',
  })
  @IsIn(CORRECTION_ACTIONS)
  action!: (typeof CORRECTION_ACTIONS)[number];

  @ApiProperty({ example: '/users/{username}' })
  @IsString()
  @MaxLength(2048)
  @Matches(/^\/[^\s?#]*$/, { message: 'template must be a path template starting with /' })
  template!: string;
}

export class TemplateCorrectionResponseDto extends TemplateCorrectionDto {
  @ApiProperty({ example: 'api.example.com' }) service!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class TemplateCorrectionListDto {
  @ApiProperty({ type: [TemplateCorrectionResponseDto] }) corrections!: TemplateCorrectionResponseDto[];
}
