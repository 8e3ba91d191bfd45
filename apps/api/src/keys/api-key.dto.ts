import { ApiProperty } from '@nestjs/swagger';

import { API_KEY_ROLES, type ApiKeyRole, type ApiKeyStatus } from '@apiscope/storage';

export const API_KEY_STATUSES: readonly ApiKeyStatus[] = ['active', 'expired', 'revoked'];

/** A key as lists show it: never the key, never its hash. */
export class ApiKeyDto {
  @ApiProperty({ example: '3f9a1c2b7d4e', description: 'public id; also the lookup prefix of the key' })
  id!: string;
  @ApiProperty({ example: 'aps_3f9a1c2b7d4e_', description: 'the non-secret start of the key' })
  prefix!: string;
  @ApiProperty({ example: 'edge-sensor-1' }) name!: string;
  @ApiProperty({ enum: API_KEY_ROLES }) role!: ApiKeyRole;
  @ApiProperty({ enum: API_KEY_STATUSES }) status!: ApiKeyStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'id of the key that created this one' }) createdBy!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt!: string | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  // The example shows the format without being one: a well-formed example key in a public document
  // is what secret scanners (apiscope's own among them) rightly flag.
  @ApiProperty({
    example: 'aps_3f9a1c2b7d4e_<43 characters of base64url>',
    description:
      'the key itself, `aps_<id>_<secret>`: shown in this answer only, stored only as a salted hash',
  })
  key!: string;
}

export class ApiKeyPageDto {
  @ApiProperty({ type: [ApiKeyDto] }) items!: ApiKeyDto[];
  @ApiProperty({ type: String, nullable: true, description: 'cursor of the next page; null on the last' })
  nextCursor!: string | null;
}
