import { type EndpointKey, type EndpointStats } from '@apiscope/inventory';

import { type ClickHouseStore } from './clickhouse-store';

/** A read of merged endpoints in key order: optionally one service, a keyset page at a time. */
export interface EndpointQuery {
  service?: string;
  /** Keyset cursor: endpoints strictly after this key. */
  after?: EndpointKey;
  limit: number;
}

interface StatsRow {
  service: string;
  method: string;
  path_template: string;
  calls: number | string;
  first_seen_ms: number | string;
  last_seen_ms: number | string;
  status_codes: Record<string, number | string>;
  auth_schemes: string[];
  credentialed_calls: number | string;
  uncredentialed_calls: number | string;
  unauthenticated_successes: number | string;
  uncredentialed_status_codes: Record<string, number | string>;
  timed_calls: number | string;
  duration_ms_sum: number | string;
  duration_ms_max: number | string;
}

const MERGED_COLUMNS = `
  service, method, path_template,
  sum(calls) AS calls,
  toUnixTimestamp64Milli(min(first_seen)) AS first_seen_ms,
  toUnixTimestamp64Milli(max(last_seen)) AS last_seen_ms,
  sumMap(status_codes) AS status_codes,
  arraySort(groupUniqArrayArray(auth_schemes)) AS auth_schemes,
  sum(credentialed_calls) AS credentialed_calls,
  sum(uncredentialed_calls) AS uncredentialed_calls,
  sum(unauthenticated_successes) AS unauthenticated_successes,
  sumMap(uncredentialed_status_codes) AS uncredentialed_status_codes,
  sum(timed_calls) AS timed_calls,
  sum(duration_ms_sum) AS duration_ms_sum,
  max(duration_ms_max) AS duration_ms_max`;

function toStats(row: StatsRow): EndpointStats {
  const counts = (map: Record<string, number | string> | undefined) => {
    const out: Record<string, number> = {};
    for (const [code, n] of Object.entries(map ?? {})) out[code] = Number(n);
    return out;
  };
  const statusCodes = counts(row.status_codes);
  return {
    service: row.service,
    method: row.method,
    pathTemplate: row.path_template,
    calls: Number(row.calls),
    firstSeen: Number(row.first_seen_ms),
    lastSeen: Number(row.last_seen_ms),
    statusCodes,
    authSchemes: row.auth_schemes,
    credentialedCalls: Number(row.credentialed_calls),
    uncredentialedCalls: Number(row.uncredentialed_calls),
    unauthenticatedSuccesses: Number(row.unauthenticated_successes),
    uncredentialedStatusCodes: counts(row.uncredentialed_status_codes),
    timedCalls: Number(row.timed_calls),
    durationMsSum: Number(row.duration_ms_sum),
    durationMsMax: Number(row.duration_ms_max),
  };
}

/** Per-endpoint aggregates: written as per-batch deltas, read merged. */
export class EndpointRepository {
  constructor(private readonly store: ClickHouseStore) {}

  async insertStats(stats: readonly EndpointStats[], dedupToken: string): Promise<void> {
    if (stats.length === 0) return;
    await this.store.client
      .insert({
        table: this.store.table('endpoint_stats'),
        format: 'JSONEachRow',
        values: stats.map((s) => ({
          service: s.service,
          method: s.method,
          path_template: s.pathTemplate,
          calls: s.calls,
          // DateTime64(3) reads a JSON integer as milliseconds
          first_seen: Math.round(s.firstSeen),
          last_seen: Math.round(s.lastSeen),
          status_codes: s.statusCodes,
          auth_schemes: s.authSchemes,
          credentialed_calls: s.credentialedCalls,
          uncredentialed_calls: s.uncredentialedCalls,
          unauthenticated_successes: s.unauthenticatedSuccesses,
          uncredentialed_status_codes: s.uncredentialedStatusCodes,
          timed_calls: s.timedCalls,
          duration_ms_sum: s.durationMsSum,
          duration_ms_max: s.durationMsMax,
        })),
        clickhouse_settings: { insert_deduplication_token: `${dedupToken}:endpoint_stats` },
      })
      .catch((cause: unknown) => {
        throw this.store.failure(cause, 'storing endpoint stats failed');
      });
  }

  /**
   * Merged endpoints in (service, method, template) order, one page at a time. The GROUP BY follows
   * the table's sort key: ClickHouse aggregates in order and stops after LIMIT groups, so a page
   * costs its own rows, not the whole table.
   */
  async list(q: EndpointQuery): Promise<EndpointStats[]> {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: q.limit };
    if (q.service !== undefined) {
      where.push('service = {service:String}');
      params['service'] = q.service;
    }
    if (q.after) {
      where.push(
        '(service, method, path_template) > ({afterService:String}, {afterMethod:String}, {afterTemplate:String})',
      );
      Object.assign(params, {
        afterService: q.after.service,
        afterMethod: q.after.method,
        afterTemplate: q.after.pathTemplate,
      });
    }
    const query = `
      SELECT ${MERGED_COLUMNS}
      FROM ${this.store.table('endpoint_stats')}
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      GROUP BY service, method, path_template
      ORDER BY service, method, path_template
      LIMIT {limit:UInt32}`;
    const rows = await this.store.select<StatsRow>(query, params, { optimize_aggregation_in_order: 1 });
    return rows.map(toStats);
  }

  /** Every endpoint, read page by page so one huge service does not make one huge result. */
  async all(filter: Pick<EndpointQuery, 'service'> = {}, pageSize = 5000): Promise<EndpointStats[]> {
    const out: EndpointStats[] = [];
    let after: EndpointKey | undefined;
    for (;;) {
      const page = await this.list({ ...filter, ...(after && { after }), limit: pageSize });
      out.push(...page);
      if (page.length < pageSize) return out;
      const last = page[page.length - 1];
      after = { service: last.service, method: last.method, pathTemplate: last.pathTemplate };
    }
  }
}
