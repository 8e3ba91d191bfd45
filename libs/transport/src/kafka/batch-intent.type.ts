/**
 * The range of offsets a consumer is about to store as one batch, recorded before it stores it.
 * After a crash between storing and committing, the next owner of the partition replays exactly
 * that range as one batch: same calls, same insert-deduplication token, so nothing counts twice.
 */
export interface BatchIntent {
  group: string;
  topic: string;
  partition: number;
  firstOffset: string;
  lastOffset: string;
}

export interface BatchIntentStore {
  last(group: string, topic: string, partition: number): Promise<BatchIntent | undefined>;
  record(intent: BatchIntent): Promise<void>;
}
