import { Inject, Injectable, NotFoundException } from '@nestjs/common';

import { ApiKeyRepository } from '@apiscope/storage';

import { AuditService } from '../audit/audit.service';
import { type RequestOrigin } from '../audit/request-origin.type';
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
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async execute(id: string, actor: Principal, origin: RequestOrigin, now = Date.now()): Promise<ApiKeyDto> {
    const record = await this.keys.findById(id);
    if (!record) {
      await this.audit.record({
        action: 'key.revoke',
        outcome: 'failure',
        actor,
        origin,
        target: `key ${id}`,
        detail: 'no such key',
      });
      throw new NotFoundException('no API key with this id');
    }
    const already = record.revokedAt !== null;
    if (!already) {
      await this.keys.save({
        ...record,
        revokedAt: now,
        revokedBy: actor.keyId,
        // a strictly higher version, even within the millisecond of the creation
        version: Math.max(record.version + 1, now),
      });
    }
    this.auth.invalidate(id);
    await this.audit.record({
      action: 'key.revoke',
      outcome: 'success',
      actor,
      origin,
      target: `key ${id}`,
      detail: `name ${record.name}; role ${record.role}${already ? '; was already revoked' : ''}`,
    });
    const page = await this.list.execute({ id, limit: 1 }, now);
    const key = page.items[0];
    if (!key) throw new NotFoundException('no API key with this id');
    return key;
  }
}
