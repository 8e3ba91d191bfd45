import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

import { API_KEY_ROLES, type ApiKeyRole } from '@apiscope/storage';

export class CreateApiKeyDto {
  @ApiProperty({
    description: 'what the key is for (shown in lists and the audit log)',
    example: 'edge-sensor-1',
    maxLength: 64,
  })
  @IsString()
  @MaxLength(64)
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} ._@:/+-]*$/u, {
    message: 'name must start with a letter or digit and hold letters, digits, spaces and ._@:/+-',
  })
  name!: string;

  @ApiProperty({
    enum: API_KEY_ROLES,
    description: 'viewer: read the inventory; ingest: only POST /api/v1/ingest; admin: everything',
  })
  @IsIn(API_KEY_ROLES)
  role!: ApiKeyRole;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'when the key stops working (in the future, at most 5 years ahead); none: never',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  expiresAt?: string;
}
