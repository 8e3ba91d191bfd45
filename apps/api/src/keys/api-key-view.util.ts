import { type ApiKeyListItem, type ApiKeyStatus } from '@apiscope/storage';

import { apiKeyPrefix } from '../auth/api-key-secret.util';
import { type ApiKeyDto } from './api-key.dto';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function apiKeyStatusOf(
  key: Pick<ApiKeyListItem, 'revokedAt' | 'expiresAt'>,
  now: number,
): ApiKeyStatus {
  if (key.revokedAt !== null) return 'revoked';
  return key.expiresAt !== null && key.expiresAt <= now ? 'expired' : 'active';
}

export function toApiKeyDto(key: ApiKeyListItem, now: number): ApiKeyDto {
  return {
    id: key.id,
    prefix: apiKeyPrefix(key.id),
    name: key.name,
    role: key.role,
    status: apiKeyStatusOf(key, now),
    createdAt: new Date(key.createdAt).toISOString(),
    createdBy: key.createdBy,
    expiresAt: iso(key.expiresAt),
    revokedAt: iso(key.revokedAt),
    lastUsedAt: iso(key.lastUsedAt),
  };
}
