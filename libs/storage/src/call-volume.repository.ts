import { type ClickHouseStore } from './clickhouse-store';

export const CALL_VOLUME_INTERVALS = ['hour', 'day'] as const;
export type CallVolumeInterval = (typeof CALL_VOLUME_INTERVALS)[number];

/** Bucket expressions per interval: constants, the only SQL that varies with the request. */
const BUCKET: Record<CallVolumeInterval, string> = {
  hour: 'toUnixTimestamp(toStartOfHour(ts)) * 1000',
  day: 'toUnixTimestamp(toStartOfDay(ts)) * 1000',
};

export interface CallVolumeQuery {
  interval: CallVolumeInterval;
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  service?: string;
  /** One endpoint: method and template (with `service`). */
  method?: string;
  pathTemplate?: string;
  /** Keyset cursor: rows after this (bucket, service). */
  after?: { bucket: number; service: string };
  limit: number;
}

/** Calls of one service in one time bucket. */
export interface CallVolume {
  service: string;
  /** Start of the bucket, epoch ms. */
  bucket: number;
  calls: number;
  /** 4xx answers. */
  clientErrors: number;
  /** 5xx answers. */
  serverErrors: number;
  /** Requests that got no response. */
  unanswered: number;
}

/** Call counts over time from the raw calls table. */
export class CallVolumeRepository {
  constructor(private readonly store: ClickHouseStore) {}

  async list(q: CallVolumeQuery): Promise<CallVolume[]> {
    const where = [
      `ts >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')`,
      `ts < fromUnixTimestamp64Milli({to:Int64}, 'UTC')`,
    ];
    const params: Record<string, unknown> = { from: q.from, to: q.to, limit: q.limit };
    const filter = (column: string, name: string, value: string | undefined) => {
      if (value === undefined) return;
      where.push(`${column} = {${name}:String}`);
      params[name] = value;
    };
    filter('service', 'service', q.service);
    filter('method', 'method', q.method);
    filter('path_template', 'pathTemplate', q.pathTemplate);
    let having = '';
    if (q.after) {
      having = 'HAVING (bucket, service) > ({afterBucket:Int64}, {afterService:String})';
      Object.assign(params, { afterBucket: q.after.bucket, afterService: q.after.service });
    }
    const rows = await this.store.select<{
      service: string;
      bucket: number | string;
      calls: number | string;
      client_errors: number | string;
      server_errors: number | string;
      unanswered: number | string;
    }>(
      `SELECT service, ${BUCKET[q.interval]} AS bucket, count() AS calls,
              countIf(status >= 400 AND status < 500) AS client_errors, countIf(status >= 500) AS server_errors,
              countIf(status = 0) AS unanswered
       FROM ${this.store.table('calls')}
       WHERE ${where.join(' AND ')}
       GROUP BY service, bucket
       ${having}
       ORDER BY bucket, service
       LIMIT {limit:UInt32}`,
      params,
    );
    return rows.map((r) => ({
      service: r.service,
      bucket: Number(r.bucket),
      calls: Number(r.calls),
      clientErrors: Number(r.client_errors),
      serverErrors: Number(r.server_errors),
      unanswered: Number(r.unanswered),
    }));
  }
}
