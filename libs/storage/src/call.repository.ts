import { type CallRecord } from '@apiscope/inventory';

import { type ClickHouseStore } from './clickhouse-store';

/** One stored call as the read API shows it (raw addresses: the caller masks them). */
export interface StoredCall {
  ts: string;
  status: number;
  durationMs: number | null;
  srcIp: string;
  sensorKind: string;
  credentials: 'present' | 'absent' | 'unknown';
  authSchemes: string[];
  requestSize: number;
  responseSize: number;
  incomplete: boolean;
  path: string;
}

interface StoredCallRow {
  ts_ms: number | string;
  status: number;
  duration_ms: number | null;
  src_ip: string;
  sensor_kind: string;
  credentials: 'present' | 'absent' | 'unknown';
  auth_schemes: string[];
  request_size: number | string;
  response_size: number | string;
  incomplete: number;
  path: string;
}

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

  /**
   * The newest calls of one endpoint of a service and method, whose calls sit under any of
   * `pathTemplates` (the stored keys resolving to it); the sort key (service, method, path_template,
   * ts) keeps this a range read.
   */
  async recent(
    service: string,
    method: string,
    pathTemplates: readonly string[],
    limit: number,
  ): Promise<StoredCall[]> {
    if (pathTemplates.length === 0 || limit <= 0) return [];
    const rows = await this.store.client
      .query({
        query: `SELECT toUnixTimestamp64Milli(ts) AS ts_ms, status, duration_ms, src_ip,
                       sensor_kind, toString(credentials) AS credentials, auth_schemes, request_size,
                       response_size, incomplete, path
                FROM ${this.store.table('calls')}
                WHERE service = {service:String} AND method = {method:String}
                  AND path_template IN {templates:Array(String)}
                ORDER BY ts DESC, call_id DESC
                LIMIT {limit:UInt32}`,
        query_params: { service, method, templates: [...pathTemplates], limit },
        format: 'JSONEachRow',
      })
      .then((r) => r.json<StoredCallRow>())
      .catch((cause: unknown) => {
        throw this.store.failure(cause);
      });
    return rows.map((r) => ({
      ts: new Date(Number(r.ts_ms)).toISOString(),
      status: Number(r.status),
      durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
      srcIp: r.src_ip,
      sensorKind: r.sensor_kind,
      credentials: r.credentials,
      authSchemes: r.auth_schemes,
      requestSize: Number(r.request_size),
      responseSize: Number(r.response_size),
      incomplete: Number(r.incomplete) === 1,
      path: r.path,
    }));
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
