import { type CaptureStats } from '@apiscope/capture';

import { CaptureShard } from '../capture-shard.util';
import { WorkerPool } from '../worker-pool.util';

const OPTIONS = { sensorId: 'spec', maxBodyBytes: 64 * 1024 };

/** NDJSON blocks as their event lines, sorted (shards interleave their output). */
export function sortedNdjson(blocks: Buffer[]): string[] {
  return blocks
    .flatMap((b) => b.toString('utf8').split('\n'))
    .filter((l) => l !== '')
    .sort();
}

/** The events of one engine reading the whole capture in this thread, sorted. */
export function singleEngineEvents(data: Buffer): string[] {
  const shard = new CaptureShard({ ...OPTIONS, shardIndex: 0, shardCount: 1 });
  shard.push(data);
  shard.finish();
  return sortedNdjson(shard.take(true).map((b) => b.data));
}

/**
 * A WorkerPool over `data`, fed as the sensor service feeds it (spec support); `beforeReading` runs
 * once the pool exists. Returns the events (sorted), each shard's figures and the shards that sent.
 */
export async function runThroughPool(
  data: Buffer,
  workers: number,
  routed: boolean,
  beforeReading?: () => void,
): Promise<{ events: string[]; stats: CaptureStats[]; shardsSeen: Set<number> }> {
  const blocks: Buffer[] = [];
  const shardsSeen = new Set<number>();
  const pool = new WorkerPool(
    workers,
    OPTIONS,
    (block, _count, written, shard) => {
      blocks.push(Buffer.from(block));
      shardsSeen.add(shard);
      written();
    },
    routed,
  );
  beforeReading?.();
  for (let at = 0; at < data.length;) {
    const { slot, view } = await pool.acquire();
    const length = Math.min(view.length, data.length - at);
    data.copy(view, 0, at, at + length);
    at += length;
    pool.dispatch(slot, view, length, false);
  }
  const stats = await pool.finish();
  return { events: sortedNdjson(blocks), stats, shardsSeen };
}
