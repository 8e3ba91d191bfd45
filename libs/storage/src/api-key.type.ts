/** Roles of apiscope's own API keys, least privilege first (DESIGN.md, issue 10). */
export const API_KEY_ROLES = ['viewer', 'ingest', 'admin'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

/** One API key as stored: never the key, only its salted hash. Times are epoch milliseconds. */
export interface ApiKeyRecord {
  /** Public id, also the lookup prefix the key carries in clear. */
  id: string;
  name: string;
  role: ApiKeyRole;
  /** `scrypt$N$r$p$salt$hash`. */
  secretHash: string;
  createdAt: number;
  /** Id of the key that created this one. */
  createdBy: string;
  expiresAt: number | null;
  revokedAt: number | null;
  revokedBy: string;
  /** Row version (ReplacingMergeTree): a change is written as a new row with a higher version. */
  version: number;
}

export type ApiKeyStatus = 'active' | 'expired' | 'revoked';

export interface ApiKeyListQuery {
  id?: string;
  role?: ApiKeyRole;
  status?: ApiKeyStatus;
  /** The clock for `status`, epoch ms. */
  now: number;
  /** Keyset cursor: keys strictly after this one in (createdAt desc, id desc) order. */
  after?: { createdAt: number; id: string };
  limit: number;
}

export interface ApiKeyListItem extends Omit<ApiKeyRecord, 'secretHash' | 'version'> {
  lastUsedAt: number | null;
}
