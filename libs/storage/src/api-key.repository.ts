import {
  type ApiKeyListItem,
  type ApiKeyListQuery,
  type ApiKeyRecord,
  type ApiKeyRole,
  type ApiKeyStatus,
} from './api-key.type';
import { type ClickHouseStore } from './clickhouse-store';

interface KeyRow {
  id: string;
  name: string;
  role: ApiKeyRole;
  secret_hash: string;
  created_ms: number | string;
  created_by: string;
  expires_ms: number | string | null;
  revoked_ms: number | string | null;
  revoked_by: string;
  version: number | string;
}

/** What lists read: everything but the hash, which only the authentication lookup needs. */
const LIST_COLUMNS = `id, name, role, toUnixTimestamp64Milli(created_at) AS created_ms, created_by,
  toUnixTimestamp64Milli(expires_at) AS expires_ms, toUnixTimestamp64Milli(revoked_at) AS revoked_ms, revoked_by`;

const STATUS_CONDITION: Record<ApiKeyStatus, string> = {
  active: 'revoked_at IS NULL AND (expires_at IS NULL OR toUnixTimestamp64Milli(expires_at) > {now:Int64})',
  expired: 'revoked_at IS NULL AND toUnixTimestamp64Milli(expires_at) <= {now:Int64}',
  revoked: 'revoked_at IS NOT NULL',
};

const msOrNull = (v: number | string | null): number | null => (v === null ? null : Number(v));

function toRecord(r: KeyRow): ApiKeyRecord {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    secretHash: r.secret_hash,
    createdAt: Number(r.created_ms),
    createdBy: r.created_by,
    expiresAt: msOrNull(r.expires_ms),
    revokedAt: msOrNull(r.revoked_ms),
    revokedBy: r.revoked_by,
    version: Number(r.version),
  };
}

/** API keys (hashes only) and their last use. */
export class ApiKeyRepository {
  constructor(private readonly store: ClickHouseStore) {}

  /** Writes a key or a new version of one (a revocation). */
  async save(record: ApiKeyRecord): Promise<void> {
    await this.store.insert(
      'api_keys',
      [
        {
          id: record.id,
          name: record.name,
          role: record.role,
          secret_hash: record.secretHash,
          // DateTime64(3) reads a JSON integer as milliseconds
          created_at: record.createdAt,
          created_by: record.createdBy,
          expires_at: record.expiresAt,
          revoked_at: record.revokedAt,
          revoked_by: record.revokedBy,
          version: record.version,
        },
      ],
      'storing the API key failed',
    );
  }

  async findById(id: string): Promise<ApiKeyRecord | undefined> {
    const rows = await this.store.select<KeyRow>(
      `SELECT ${LIST_COLUMNS}, secret_hash, version FROM ${this.store.table('api_keys')} FINAL WHERE id = {id:String} LIMIT 1`,
      { id },
    );
    return rows[0] && toRecord(rows[0]);
  }

  /** Newest first, filtered, one page; never the hash. */
  async list(q: ApiKeyListQuery): Promise<ApiKeyListItem[]> {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: q.limit, now: q.now };
    if (q.id !== undefined) {
      where.push('id = {id:String}');
      params['id'] = q.id;
    }
    if (q.role !== undefined) {
      where.push('role = {role:String}');
      params['role'] = q.role;
    }
    if (q.status !== undefined) where.push(STATUS_CONDITION[q.status]);
    if (q.after) {
      where.push('(toUnixTimestamp64Milli(created_at), id) < ({afterCreated:Int64}, {afterId:String})');
      Object.assign(params, { afterCreated: q.after.createdAt, afterId: q.after.id });
    }
    const rows = await this.store.select<
      Omit<KeyRow, 'secret_hash' | 'version'> & { last_used_ms: number | string }
    >(
      `SELECT k.*, u.last_used_ms
       FROM (
         SELECT ${LIST_COLUMNS} FROM ${this.store.table('api_keys')} FINAL
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY created_ms DESC, id DESC
         LIMIT {limit:UInt32}
       ) AS k
       LEFT JOIN (
         SELECT key_id, toUnixTimestamp64Milli(max(last_used_at)) AS last_used_ms
         FROM ${this.store.table('api_key_usage')} GROUP BY key_id
       ) AS u ON u.key_id = k.id
       ORDER BY k.created_ms DESC, k.id DESC`,
      params,
    );
    return rows.map((r) => {
      const lastUsed = Number(r.last_used_ms);
      return {
        id: r.id,
        name: r.name,
        role: r.role,
        createdAt: Number(r.created_ms),
        createdBy: r.created_by,
        expiresAt: msOrNull(r.expires_ms),
        revokedAt: msOrNull(r.revoked_ms),
        revokedBy: r.revoked_by,
        // LEFT JOIN fills a key never used with 0
        lastUsedAt: lastUsed > 0 ? lastUsed : null,
      };
    });
  }

  /** Last-use times, merged by max(): writing an older time than the stored one changes nothing. */
  async recordUsage(uses: ReadonlyArray<{ keyId: string; lastUsedAt: number }>): Promise<void> {
    await this.store.insert(
      'api_key_usage',
      uses.map((u) => ({ key_id: u.keyId, last_used_at: u.lastUsedAt })),
      'storing API key usage failed',
    );
  }
}
