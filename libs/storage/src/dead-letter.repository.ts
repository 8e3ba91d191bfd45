import { type ClickHouseStore } from './clickhouse-store';

export interface DeadLetter {
  source: string;
  eventId: string;
  sensorId: string;
  reason: string;
  excerpt: string;
}

/** Longest excerpt kept of a refused event: enough to recognise the producer, bounded for floods. */
export const DEAD_LETTER_EXCERPT_BYTES = 1024;

export class DeadLetterRepository {
  constructor(private readonly store: ClickHouseStore) {}

  /** `dedupToken` as for calls: a redelivered batch does not record its refusals twice. */
  async insert(letters: readonly DeadLetter[], dedupToken?: string): Promise<void> {
    if (letters.length === 0) return;
    await this.store.client
      .insert({
        table: this.store.table('dead_letters'),
        format: 'JSONEachRow',
        values: letters.map((l) => ({
          source: l.source,
          event_id: l.eventId.slice(0, 256),
          sensor_id: l.sensorId.slice(0, 128),
          reason: l.reason.slice(0, 4096),
          excerpt: l.excerpt.slice(0, DEAD_LETTER_EXCERPT_BYTES),
        })),
        ...(dedupToken !== undefined && {
          clickhouse_settings: { insert_deduplication_token: `${dedupToken}:dead_letters` },
        }),
      })
      .catch((cause: unknown) => {
        throw this.store.failure(cause, 'storing dead letters failed');
      });
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
