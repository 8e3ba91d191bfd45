import { type ClickHouseStore } from './clickhouse-store';

export interface DeadLetter {
  source: string;
  eventId: string;
  sensorId: string;
  reason: string;
  excerpt: string;
}

/** A stored dead letter: `key` orders letters of one millisecond (a hash of the row, stable). */
export interface StoredDeadLetter extends DeadLetter {
  ts: number;
  key: string;
}

export interface DeadLetterQuery {
  source?: string;
  sensorId?: string;
  /** Epoch ms, inclusive. */
  since?: number;
  /** Epoch ms, exclusive. */
  until?: number;
  /** Keyset cursor: letters strictly before this one in (ts desc, key desc) order. */
  before?: { ts: number; key: string };
  limit: number;
}

/** Longest excerpt kept of a refused event: enough to recognise the producer, bounded for floods. */
export const DEAD_LETTER_EXCERPT_BYTES = 1024;

export class DeadLetterRepository {
  constructor(private readonly store: ClickHouseStore) {}

  /** `dedupToken` as for calls: a redelivered batch does not record its refusals twice. */
  async insert(letters: readonly DeadLetter[], dedupToken?: string): Promise<void> {
    await this.store.insert(
      'dead_letters',
      letters.map((l) => ({
        source: l.source,
        event_id: l.eventId.slice(0, 256),
        sensor_id: l.sensorId.slice(0, 128),
        reason: l.reason.slice(0, 4096),
        excerpt: l.excerpt.slice(0, DEAD_LETTER_EXCERPT_BYTES),
      })),
      'storing dead letters failed',
      dedupToken === undefined ? undefined : `${dedupToken}:dead_letters`,
    );
  }

  async count(): Promise<number> {
    const rows = await this.store.client
      .query({ query: `SELECT count() AS n FROM ${this.store.table('dead_letters')}`, format: 'JSONEachRow' })
      .then((r) => r.json<{ n: number | string }>())
      .catch((cause: unknown) => {
        throw this.store.failure(cause);
      });
    return Number(rows[0]?.n ?? 0);
  }

  /** Newest first, filtered, one page at a time. */
  async page(q: DeadLetterQuery): Promise<StoredDeadLetter[]> {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: q.limit };
    if (q.source !== undefined) {
      where.push('source = {source:String}');
      params['source'] = q.source;
    }
    if (q.sensorId !== undefined) {
      where.push('sensor_id = {sensorId:String}');
      params['sensorId'] = q.sensorId;
    }
    if (q.since !== undefined) {
      where.push(`ts >= fromUnixTimestamp64Milli({since:Int64}, 'UTC')`);
      params['since'] = q.since;
    }
    if (q.until !== undefined) {
      where.push(`ts < fromUnixTimestamp64Milli({until:Int64}, 'UTC')`);
      params['until'] = q.until;
    }
    if (q.before) {
      where.push(`(ts, row_key) < (fromUnixTimestamp64Milli({beforeTs:Int64}, 'UTC'), {beforeKey:UInt64})`);
      Object.assign(params, { beforeTs: q.before.ts, beforeKey: q.before.key });
    }
    const rows = await this.store.select<{
      ts_ms: number | string;
      row_key_text: string;
      source: string;
      event_id: string;
      sensor_id: string;
      reason: string;
      excerpt: string;
    }>(
      `SELECT toUnixTimestamp64Milli(ts) AS ts_ms, sipHash64(source, event_id, sensor_id, reason, excerpt) AS row_key,
              -- as text: a UInt64 does not survive JSON numbers (chdb writes 64-bit integers unquoted)
              toString(row_key) AS row_key_text, source, event_id, sensor_id, reason, excerpt
       FROM ${this.store.table('dead_letters')}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ts DESC, row_key DESC
       LIMIT {limit:UInt32}`,
      params,
    );
    return rows.map((r) => ({
      ts: Number(r.ts_ms),
      key: r.row_key_text,
      source: r.source,
      eventId: r.event_id,
      sensorId: r.sensor_id,
      reason: r.reason,
      excerpt: r.excerpt,
    }));
  }

  async recent(limit: number): Promise<Array<DeadLetter & { ts: number }>> {
    const rows = await this.store.client
      .query({
        query: `SELECT toUnixTimestamp64Milli(ts) AS ts, source, event_id, sensor_id, reason, excerpt FROM ${this.store.table('dead_letters')} ORDER BY ts DESC LIMIT {limit:UInt32}`,
        query_params: { limit },
        format: 'JSONEachRow',
      })
      .then((r) =>
        r.json<{
          ts: number | string;
          source: string;
          event_id: string;
          sensor_id: string;
          reason: string;
          excerpt: string;
        }>(),
      )
      .catch((cause: unknown) => {
        throw this.store.failure(cause);
      });
    return rows.map((r) => ({
      ts: Number(r.ts),
      source: r.source,
      eventId: r.event_id,
      sensorId: r.sensor_id,
      reason: r.reason,
      excerpt: r.excerpt,
    }));
  }
}
