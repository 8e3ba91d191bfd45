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

/** Services as traffic shows them: derived from endpoint aggregates, so never out of step with them. */
export class ServiceRepository {
  constructor(private readonly store: ClickHouseStore) {}

  async list(): Promise<ServiceSummary[]> {
    const query = `
      SELECT service AS name, uniqExact(method, path_template) AS endpoints, sum(calls) AS calls,
             toUnixTimestamp64Milli(min(first_seen)) AS first_seen_ms, toUnixTimestamp64Milli(max(last_seen)) AS last_seen_ms
      FROM ${this.store.table('endpoint_stats')}
      GROUP BY service
      ORDER BY service`;
    const rows = await this.store.select<ServiceRow>(query);
    return rows.map((r) => ({
      name: r.name,
      endpoints: Number(r.endpoints),
      calls: Number(r.calls),
      firstSeen: Number(r.first_seen_ms),
      lastSeen: Number(r.last_seen_ms),
    }));
  }
}
