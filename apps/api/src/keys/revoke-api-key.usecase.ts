import { Inject, Injectable, NotFoundException } from '@nestjs/common';

import { ApiKeyRepository } from '@apiscope/storage';

import { ApiKeyAuthService } from '../auth/api-key-auth.service';
import { type Principal } from '../auth/principal.type';
import { type ApiKeyDto } from './api-key.dto';
import { ListApiKeysUseCase } from './list-api-keys.usecase';

/** Revokes a key for good: the row stays (lists and the audit log refer to it), the key stops working. */
@Injectable()
export class RevokeApiKeyUseCase {
  constructor(
    @Inject(ApiKeyRepository) private readonly keys: ApiKeyRepository,
    @Inject(ApiKeyAuthService) private readonly auth: ApiKeyAuthService,
    @Inject(ListApiKeysUseCase) private readonly list: ListApiKeysUseCase,
  ) {}

  async execute(id: string, actor: Principal, now = Date.now()): Promise<ApiKeyDto> {
    const record = await this.keys.findById(id);
    if (!record) throw new NotFoundException('no API key with this id');
    if (record.revokedAt === null) {
      await this.keys.save({
        ...record,
        revokedAt: now,
        revokedBy: actor.keyId,
        // a strictly higher version, even within the millisecond of the creation
        version: Math.max(record.version + 1, now),
      });
    }
    this.auth.invalidate(id);
    const page = await this.list.execute({ id, limit: 1 }, now);
    const key = page.items[0];
    if (!key) throw new NotFoundException('no API key with this id');
    return key;
  }
}
