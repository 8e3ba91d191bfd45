import { Inject, Injectable } from '@nestjs/common';

import { type ApiKeyListItem, ApiKeyRepository } from '@apiscope/storage';

import { ApiKeyUsageService } from '../auth/api-key-usage.service';
import { type Page, pageSize, readCursor, toPage } from '../pagination/paginate.util';
import { type ApiKeyDto } from './api-key.dto';
import { toApiKeyDto } from './api-key-view.util';
import { type ListApiKeysQueryDto } from './list-api-keys-query.dto';

/** Keys newest first, one page at a time, with their last use (stored or not yet flushed). */
@Injectable()
export class ListApiKeysUseCase {
  constructor(
    @Inject(ApiKeyRepository) private readonly keys: ApiKeyRepository,
    @Inject(ApiKeyUsageService) private readonly usage: ApiKeyUsageService,
  ) {}

  async execute(q: ListApiKeysQueryDto & { id?: string }, now = Date.now()): Promise<Page<ApiKeyDto>> {
    const limit = pageSize(q.limit);
    const after = readCursor(q.cursor, ['number', 'string']);
    const rows = await this.keys.list({
      now,
      limit: limit + 1,
      ...(q.id !== undefined && { id: q.id }),
      ...(q.role !== undefined && { role: q.role }),
      ...(q.status !== undefined && { status: q.status }),
      ...(after && { after: { createdAt: Number(after[0]), id: String(after[1]) } }),
    });
    return toPage(
      rows,
      limit,
      (row) => toApiKeyDto(this.withPendingUse(row), now),
      (row) => [row.createdAt, row.id],
    );
  }

  private withPendingUse(row: ApiKeyListItem): ApiKeyListItem {
    const pending = this.usage.pendingUse(row.id);
    return pending === undefined || (row.lastUsedAt ?? 0) >= pending ? row : { ...row, lastUsedAt: pending };
  }
}
