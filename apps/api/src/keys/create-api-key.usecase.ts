import { Inject, Injectable } from '@nestjs/common';

import { ApiKeyRepository } from '@apiscope/storage';

import { AuditService } from '../audit/audit.service';
import { type RequestOrigin } from '../audit/request-origin.type';
import { generateApiKey, hashApiKeySecret } from '../auth/api-key-secret.util';
import { type Principal } from '../auth/principal.type';
import { RequestValidationException } from '../problem/validation.exception';
import { type CreatedApiKeyDto } from './api-key.dto';
import { toApiKeyDto } from './api-key-view.util';
import { type CreateApiKeyDto } from './create-api-key.dto';

const MAX_LIFETIME_MS = 5 * 366 * 24 * 3600 * 1000;

/** Creates a key and returns it once; only the salted hash is stored. */
@Injectable()
export class CreateApiKeyUseCase {
  constructor(
    @Inject(ApiKeyRepository) private readonly keys: ApiKeyRepository,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async execute(
    input: CreateApiKeyDto,
    actor: Principal,
    origin: RequestOrigin,
    now = Date.now(),
  ): Promise<CreatedApiKeyDto> {
    const expiresAt = input.expiresAt === undefined ? null : Date.parse(input.expiresAt);
    if (expiresAt !== null && (!(expiresAt > now) || expiresAt - now > MAX_LIFETIME_MS))
      throw new RequestValidationException([
        { field: 'expiresAt', problem: 'expiresAt must be in the future and at most 5 years ahead' },
      ]);
    let generated = generateApiKey();
    // 48-bit ids collide only among millions of keys; an id is never reused all the same
    for (let attempt = 0; (await this.keys.findById(generated.id)) && attempt < 3; attempt++)
      generated = generateApiKey();
    const record = {
      id: generated.id,
      name: input.name,
      role: input.role,
      secretHash: await hashApiKeySecret(generated.secret),
      createdAt: now,
      createdBy: actor.keyId,
      expiresAt,
      revokedAt: null,
      revokedBy: '',
      version: now,
    };
    await this.keys.save(record);
    await this.audit.record({
      action: 'key.create',
      outcome: 'success',
      actor,
      origin,
      target: `key ${record.id}`,
      detail: `name ${record.name}; role ${record.role}; expires ${expiresAt === null ? 'never' : new Date(expiresAt).toISOString()}`,
    });
    return { ...toApiKeyDto({ ...record, lastUsedAt: null }, now), key: generated.key };
  }
}
