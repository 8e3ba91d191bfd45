import { ApiProperty } from '@nestjs/swagger';

export class SpecVersionDto {
  @ApiProperty() service!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) importedAt!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: '3.1.0' }) openapiVersion!: string;
  @ApiProperty({ description: 'operations in this version' }) operations!: number;
}

export class SpecVersionListDto {
  @ApiProperty({ type: [SpecVersionDto] }) specs!: SpecVersionDto[];
}
