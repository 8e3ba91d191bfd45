import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';

import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditAction, type AuditOutcome } from '@apiscope/storage';

import { PageQueryDto } from '../pagination/page-query.dto';

/** Audit entries, newest first. */
export class ListAuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ enum: AUDIT_OUTCOMES })
  @IsOptional()
  @IsIn(AUDIT_OUTCOMES)
  outcome?: AuditOutcome;

  @ApiPropertyOptional({
    description: 'entries by this key (a key id, or `bootstrap`)',
    example: '3f9a1c2b7d4e',
  })
  @IsOptional()
  @Matches(/^([0-9a-f]{12}|bootstrap)$/, { message: 'actorId must be a key id or bootstrap' })
  actorId?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'entries at or after this instant' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  since?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'entries before this instant' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  until?: string;
}
