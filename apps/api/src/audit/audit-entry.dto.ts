import { ApiProperty } from '@nestjs/swagger';

import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from '@apiscope/storage';

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) ts!: string;
  @ApiProperty({ description: 'key id of the actor; empty for a failed authentication' }) actorId!: string;
  @ApiProperty() actorName!: string;
  @ApiProperty({ description: 'role of the actor; empty for a failed authentication' }) actorRole!: string;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action!: string;
  @ApiProperty({ enum: AUDIT_OUTCOMES }) outcome!: string;
  @ApiProperty({ example: 'key 3f9a1c2b7d4e' }) target!: string;
  @ApiProperty({ example: '10.0.0.5' }) clientIp!: string;
  @ApiProperty({ example: 'POST' }) method!: string;
  @ApiProperty({ example: '/api/v1/keys' }) path!: string;
  @ApiProperty({ example: 'name edge-sensor-1; role ingest; expires never' }) detail!: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'cursor of the next page; null on the last' })
  nextCursor!: string | null;
}
