import { type CallRecord } from '@apiscope/inventory';

import { type ClickHouseStore } from './clickhouse-store';

/** Raw call metadata; one insert per pipeline batch. */
export class CallRepository {
  constructor(private readonly store: ClickHouseStore) {}

  /**
   * `dedupToken` identifies the batch: re-inserting the same batch (a retry after a timeout whose
   * first attempt did land) is dropped by ClickHouse instead of counted twice.
   */
  async insert(records: readonly CallRecord[], dedupToken: string): Promise<void> {
    if (records.length === 0) return;
    await this.store.client
      .insert({
        table: this.store.table('calls'),
        format: 'JSONEachRow',
        values: records.map((r) => ({
          // DateTime64(3) reads a JSON integer as milliseconds
          ts: Math.round(r.ts),
          call_id: r.callId,
          sensor_id: r.sensorId,
          sensor_kind: r.sensorKind,
          service: r.service,
          method: r.method,
          path: r.path,
          path_template: r.pathTemplate,
          status: r.status,
          duration_ms: r.durationMs,
          src_ip: r.srcIp,
          dst_ip: r.dstIp,
          dst_port: r.dstPort,
          auth_schemes: r.authSchemes,
          credentials: r.credentials,
          request_size: r.requestSize,
          response_size: r.responseSize,
          incomplete: r.incomplete ? 1 : 0,
        })),
        clickhouse_settings: { insert_deduplication_token: `${dedupToken}:calls` },
      })
      .catch((cause: unknown) => {
        throw this.store.failure(cause, 'storing calls failed');
      });
  }

  async count(): Promise<number> {
    const rows = await this.store.client
      .query({ query: `SELECT count() AS n FROM ${this.store.table('calls')}`, format: 'JSONEachRow' })
      .then((r) => r.json<{ n: number | string }>())
      .catch((cause: unknown) => {
        throw this.store.failure(cause);
      });
    return Number(rows[0]?.n ?? 0);
  }
}
