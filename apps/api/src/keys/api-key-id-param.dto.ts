import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class ApiKeyIdParamDto {
  @ApiProperty({ example: '3f9a1c2b7d4e', pattern: '^[0-9a-f]{12}$' })
  @Matches(/^[0-9a-f]{12}$/, { message: 'id must be a key id (12 hex digits)' })
  id!: string;
}
