import { type ClickHouseStore } from './clickhouse-store';

export interface ServiceSummary {
  name: string;
  endpoints: number;
  calls: number;
  firstSeen: number;
  lastSeen: number;
}

interface ServiceRow {
  name: string;
  endpoints: number | string;
  calls: number | string;
  first_seen_ms: number | string;
  last_seen_ms: number | string;
}

export interface ServiceQuery {
  /** Keyset cursor: services after this name. */
  after?: string;
  /** Name prefix. */
  prefix?: string;
  /** None: every service. */
  limit?: number;
}

/** Services as traffic shows them: derived from endpoint aggregates, so never out of step with them. */
export class ServiceRepository {
  constructor(private readonly store: ClickHouseStore) {}

  /** Services by name, one page at a time (all of them without a limit). */
  async list(q: ServiceQuery = {}): Promise<ServiceSummary[]> {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (q.after !== undefined) {
      where.push('service > {after:String}');
      params['after'] = q.after;
    }
    if (q.prefix !== undefined) {
      where.push('startsWith(service, {prefix:String})');
      params['prefix'] = q.prefix;
    }
    if (q.limit !== undefined) params['limit'] = q.limit;
    const query = `
      SELECT service AS name, uniqExact(method, path_template) AS endpoints, sum(calls) AS calls,
             toUnixTimestamp64Milli(min(first_seen)) AS first_seen_ms, toUnixTimestamp64Milli(max(last_seen)) AS last_seen_ms
      FROM ${this.store.table('endpoint_stats')}
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      GROUP BY service
      ORDER BY service
      ${q.limit !== undefined ? 'LIMIT {limit:UInt32}' : ''}`;
    // GROUP BY service follows the table's sort key: aggregate in order, stop after LIMIT services
    const rows = await this.store.select<ServiceRow>(query, params, { optimize_aggregation_in_order: 1 });
    return rows.map((r) => ({
      name: r.name,
      endpoints: Number(r.endpoints),
      calls: Number(r.calls),
      firstSeen: Number(r.first_seen_ms),
      lastSeen: Number(r.last_seen_ms),
    }));
  }
}
