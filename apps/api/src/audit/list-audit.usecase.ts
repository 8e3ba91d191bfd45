import { Inject, Injectable } from '@nestjs/common';

import { AuditRepository } from '@apiscope/storage';

import { type Page, pageSize, readCursor, toPage } from '../pagination/paginate.util';
import { type AuditEntryDto } from './audit-entry.dto';
import { type ListAuditQueryDto } from './list-audit-query.dto';

/** The audit log newest first, filtered, one page at a time. */
@Injectable()
export class ListAuditUseCase {
  constructor(@Inject(AuditRepository) private readonly audit: AuditRepository) {}

  async execute(q: ListAuditQueryDto): Promise<Page<AuditEntryDto>> {
    const limit = pageSize(q.limit);
    const before = readCursor(q.cursor, ['number', 'string']);
    const rows = await this.audit.list({
      limit: limit + 1,
      ...(q.action !== undefined && { action: q.action }),
      ...(q.outcome !== undefined && { outcome: q.outcome }),
      ...(q.actorId !== undefined && { actorId: q.actorId }),
      ...(q.since !== undefined && { since: Date.parse(q.since) }),
      ...(q.until !== undefined && { until: Date.parse(q.until) }),
      ...(before && { before: { ts: Number(before[0]), id: String(before[1]) } }),
    });
    return toPage(
      rows,
      limit,
      (e) => ({ ...e, ts: new Date(e.ts).toISOString() }),
      (e) => [e.ts, e.id],
    );
  }
}
