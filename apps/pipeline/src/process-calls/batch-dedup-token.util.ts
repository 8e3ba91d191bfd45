import { createHash } from 'node:crypto';

/**
 * The ClickHouse insert-deduplication token of a batch: a digest of its call ids in order. The same
 * batch delivered twice (a sensor retry, a Kafka redelivery of the same range) gets the same token.
 */
export function batchDedupToken(callIds: readonly string[]): string {
  const hash = createHash('sha256');
  for (const id of callIds) hash.update(id).update('\u0000');
  return hash.digest('hex').slice(0, 32);
}
