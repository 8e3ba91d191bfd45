import { type AuditAction, type AuditEntry, type AuditOutcome, type AuditQuery } from './audit.type';
import { type ClickHouseStore } from './clickhouse-store';

interface AuditRow {
  id: string;
  ts_ms: number | string;
  actor_id: string;
  actor_name: string;
  actor_role: string;
  action: AuditAction;
  outcome: AuditOutcome;
  target: string;
  client_ip: string;
  method: string;
  path: string;
  detail: string;
}

/** Field bounds: an attacker controls paths and names, the log must not grow by their length. */
const MAX = { name: 128, target: 256, path: 512, detail: 1024 } as const;

/** The append-only audit log: insert and read, nothing else. */
export class AuditRepository {
  constructor(private readonly store: ClickHouseStore) {}

  async append(entries: readonly AuditEntry[]): Promise<void> {
    await this.store.insert(
      'audit_log',
      entries.map((e) => ({
        ts: e.ts,
        id: e.id,
        actor_id: e.actorId.slice(0, MAX.name),
        actor_name: e.actorName.slice(0, MAX.name),
        actor_role: e.actorRole.slice(0, 16),
        action: e.action,
        outcome: e.outcome,
        target: e.target.slice(0, MAX.target),
        client_ip: e.clientIp.slice(0, 64),
        method: e.method.slice(0, 16),
        path: e.path.slice(0, MAX.path),
        detail: e.detail.slice(0, MAX.detail),
      })),
      'writing the audit log failed',
    );
  }

  /** Newest first, filtered, one page. */
  async list(q: AuditQuery): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: q.limit };
    const filter = (column: string, name: string, type: string, value: unknown) => {
      if (value === undefined) return;
      where.push(`${column} = {${name}:${type}}`);
      params[name] = value;
    };
    filter('action', 'action', 'String', q.action);
    filter('actor_id', 'actorId', 'String', q.actorId);
    filter('outcome', 'outcome', 'String', q.outcome);
    // fromUnixTimestamp64Milli on the bound value keeps the primary-key index usable on ts
    if (q.since !== undefined) {
      where.push(`ts >= fromUnixTimestamp64Milli({since:Int64}, 'UTC')`);
      params['since'] = q.since;
    }
    if (q.until !== undefined) {
      where.push(`ts < fromUnixTimestamp64Milli({until:Int64}, 'UTC')`);
      params['until'] = q.until;
    }
    if (q.before) {
      where.push(`(ts, id) < (fromUnixTimestamp64Milli({beforeTs:Int64}, 'UTC'), {beforeId:String})`);
      Object.assign(params, { beforeTs: q.before.ts, beforeId: q.before.id });
    }
    const rows = await this.store.select<AuditRow>(
      `SELECT id, toUnixTimestamp64Milli(ts) AS ts_ms, actor_id, actor_name, actor_role, action, outcome,
              target, client_ip, method, path, detail
       FROM ${this.store.table('audit_log')}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ts DESC, id DESC
       LIMIT {limit:UInt32}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      ts: Number(r.ts_ms),
      actorId: r.actor_id,
      actorName: r.actor_name,
      actorRole: r.actor_role,
      action: r.action,
      outcome: r.outcome,
      target: r.target,
      clientIp: r.client_ip,
      method: r.method,
      path: r.path,
      detail: r.detail,
    }));
  }
}
