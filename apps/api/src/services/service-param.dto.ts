import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class ServiceParamDto {
  @ApiProperty({ example: 'api.example.com' })
  @IsString()
  @MaxLength(255)
  @Matches(/^[^\s\u0000-\u001f/]+$/, { message: 'service must be a host name or ip:port' })
  service!: string;
}
