import { type ClickHouseStore } from './clickhouse-store';

export interface ConsumerIntent {
  group: string;
  topic: string;
  partition: number;
  firstOffset: string;
  lastOffset: string;
}

/** Write-ahead record of the batch a Kafka consumer is storing (see migration 004). */
export class ConsumerIntentRepository {
  constructor(private readonly store: ClickHouseStore) {}

  async record(intent: ConsumerIntent): Promise<void> {
    await this.store.client
      .insert({
        table: this.store.table('consumer_intents'),
        format: 'JSONEachRow',
        values: [
          {
            consumer_group: intent.group,
            topic: intent.topic,
            partition: intent.partition,
            first_offset: intent.firstOffset,
            last_offset: intent.lastOffset,
          },
        ],
        // an intent must always land, even when identical to an earlier one
        clickhouse_settings: { insert_deduplicate: 0 },
      })
      .catch((cause: unknown) => {
        throw this.store.failure(cause, 'recording consumer intent failed');
      });
  }

  async last(group: string, topic: string, partition: number): Promise<ConsumerIntent | undefined> {
    const rows = await this.store.client
      .query({
        query: `SELECT argMax(first_offset, recorded_at) AS first_offset, argMax(last_offset, recorded_at) AS last_offset
                FROM ${this.store.table('consumer_intents')}
                WHERE consumer_group = {group:String} AND topic = {topic:String} AND partition = {partition:UInt32}
                HAVING count() > 0`,
        query_params: { group, topic, partition },
        format: 'JSONEachRow',
      })
      .then((r) => r.json<{ first_offset: string; last_offset: string }>())
      .catch((cause: unknown) => {
        throw this.store.failure(cause);
      });
    const row = rows[0];
    return row
      ? { group, topic, partition, firstOffset: row.first_offset, lastOffset: row.last_offset }
      : undefined;
  }
}
