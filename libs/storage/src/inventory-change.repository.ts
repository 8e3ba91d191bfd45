import { createHash } from 'node:crypto';

import { type EndpointWatchState, type InventoryChange } from '@apiscope/inventory';

import { type ClickHouseStore } from './clickhouse-store';

interface ChangeRow {
  ts_ms: number | string;
  kind: InventoryChange['kind'];
  service: string;
  method: string;
  path: string;
  subject: string;
}

/** What `list` narrows the feed to; `endpoint` needs `service` too. */
export interface InventoryChangeFilter {
  service?: string;
  kind?: InventoryChange['kind'];
  /** The endpoint's own changes plus its service's service-wide ones. */
  endpoint?: { method: string; path: string };
}

/** The change feed and the tracker's memory of each endpoint. */
export class InventoryChangeRepository {
  constructor(private readonly store: ClickHouseStore) {}

  /** Appends changes; a repeated look that found the same changes at the same instant is dropped. */
  async append(changes: readonly InventoryChange[]): Promise<void> {
    if (changes.length === 0) return;
    const token = createHash('sha256').update(JSON.stringify(changes)).digest('hex').slice(0, 32);
    await this.store.client
      .insert({
        table: this.store.table('inventory_changes'),
        format: 'JSONEachRow',
        values: changes.map((c) => ({
          ts: Math.round(c.ts),
          kind: c.kind,
          service: c.service,
          method: c.method,
          path: c.path,
          subject: c.subject,
        })),
        clickhouse_settings: { insert_deduplication_token: token },
      })
      .catch((cause: unknown) => {
        throw this.store.failure(cause, 'storing changes failed');
      });
  }

  /**
   * Changes at or after `since`, oldest first; `after` skips what a previous page returned. The
   * filter narrows the feed in the query, so one endpoint's history never reads the whole feed.
   */
  async list(
    since: number,
    limit: number,
    after?: { ts: number; key: string },
    filter: InventoryChangeFilter = {},
  ): Promise<InventoryChange[]> {
    const where = [
      'ts >= fromUnixTimestamp64Milli({since:Int64})',
      ...(after
        ? [
            '(ts, concat(service, method, path, kind, subject)) > (fromUnixTimestamp64Milli({afterTs:Int64}), {afterKey:String})',
          ]
        : []),
      ...(filter.service !== undefined ? ['service = {service:String}'] : []),
      ...(filter.kind !== undefined ? ['kind = {kind:String}'] : []),
      // a service-wide change (no path) belongs to every endpoint's history of that service
      ...(filter.endpoint ? ["((method = {method:String} AND path = {path:String}) OR path = '')"] : []),
    ];
    const rows = await this.store.client
      .query({
        query: `SELECT toUnixTimestamp64Milli(ts) AS ts_ms, kind, service, method, path, subject
                FROM ${this.store.table('inventory_changes')}
                WHERE ${where.join(' AND ')}
                ORDER BY ts, concat(service, method, path, kind, subject)
                LIMIT {limit:UInt32}`,
        query_params: {
          since,
          limit,
          ...(after && { afterTs: after.ts, afterKey: after.key }),
          ...(filter.service !== undefined && { service: filter.service }),
          ...(filter.kind !== undefined && { kind: filter.kind }),
          ...(filter.endpoint && { method: filter.endpoint.method, path: filter.endpoint.path }),
        },
        format: 'JSONEachRow',
      })
      .then((r) => r.json<ChangeRow>())
      .catch((cause: unknown) => {
        throw this.store.failure(cause);
      });
    return rows.map((r) => ({
      ts: Number(r.ts_ms),
      kind: r.kind,
      service: r.service,
      method: r.method,
      path: r.path,
      subject: r.subject,
    }));
  }

  async states(): Promise<EndpointWatchState[]> {
    const rows = await this.store.client
      .query({
        query: `SELECT service, method, path, argMax(flags, updated_at) AS flags, argMax(classes, updated_at) AS classes,
                       argMax(fields, updated_at) AS fields, argMax(quiet, updated_at) AS quiet,
                       argMax(findings, updated_at) AS findings, argMax(findings_tracked, updated_at) AS findings_tracked
                FROM ${this.store.table('endpoint_watch_state')} GROUP BY service, method, path`,
        format: 'JSONEachRow',
      })
      .then((r) =>
        r.json<
          Omit<EndpointWatchState, 'quiet' | 'findings'> & {
            quiet: number | string;
            findings: string[];
            findings_tracked: number | string;
          }
        >(),
      )
      .catch((cause: unknown) => {
        throw this.store.failure(cause);
      });
    return rows.map(({ findings, findings_tracked, ...r }) => ({
      ...r,
      quiet: Number(r.quiet) === 1,
      ...(Number(findings_tracked) === 1 && { findings }),
    }));
  }

  async saveStates(states: readonly EndpointWatchState[]): Promise<void> {
    if (states.length === 0) return;
    await this.store.client
      .insert({
        table: this.store.table('endpoint_watch_state'),
        format: 'JSONEachRow',
        values: states.map(({ findings, ...s }) => ({
          ...s,
          quiet: s.quiet ? 1 : 0,
          findings: findings ?? [],
          findings_tracked: findings === undefined ? 0 : 1,
        })),
      })
      .catch((cause: unknown) => {
        throw this.store.failure(cause, 'storing watch state failed');
      });
  }
}
