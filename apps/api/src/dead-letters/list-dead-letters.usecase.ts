import { Inject, Injectable } from '@nestjs/common';

import { DeadLetterRepository } from '@apiscope/storage';

import { type Page, pageSize, readCursor, toPage } from '../pagination/paginate.util';
import { type DeadLetterDto } from './dead-letter.dto';
import { type ListDeadLettersQueryDto } from './list-dead-letters-query.dto';
import { redactCredentials } from './redact-credentials.util';

@Injectable()
export class ListDeadLettersUseCase {
  constructor(@Inject(DeadLetterRepository) private readonly letters: DeadLetterRepository) {}

  async execute(q: ListDeadLettersQueryDto): Promise<Page<DeadLetterDto>> {
    const limit = pageSize(q.limit);
    const before = readCursor(q.cursor, ['number', 'string']);
    const rows = await this.letters.page({
      limit: limit + 1,
      ...(q.source !== undefined && { source: q.source }),
      ...(q.sensorId !== undefined && { sensorId: q.sensorId }),
      ...(q.since !== undefined && { since: Date.parse(q.since) }),
      ...(q.until !== undefined && { until: Date.parse(q.until) }),
      ...(before && { before: { ts: Number(before[0]), key: String(before[1]) } }),
    });
    return toPage(
      rows,
      limit,
      (l) => ({
        ts: new Date(l.ts).toISOString(),
        source: l.source,
        eventId: l.eventId,
        sensorId: l.sensorId,
        reason: redactCredentials(l.reason),
        excerpt: redactCredentials(l.excerpt),
      }),
      (l) => [l.ts, l.key],
    );
  }
}
