import { readFileSync } from 'node:fs';

import { CaptureShard } from './capture-shard.util';
import { CORPUS_DIR } from './peer-comparison/corpus-index.util';
import { inThreadShard } from './shard-thread.util';
import { SlotRing } from './slot-ring.util';
import { type FromWorker, type WorkerInit } from './worker-protocol.type';
import { WorkerPool } from './worker-pool.util';

// 25 exchanges over many connections, so that both shards get some
const CAPTURE = `${CORPUS_DIR}/zeek/scripts.base.protocols.http.http-methods/methods.pcap`;
const options = { sensorId: 'spec', maxBodyBytes: 64 * 1024 };

/** The events of one engine reading the whole capture, sorted. */
function expected(data: Buffer): string[] {
  const shard = new CaptureShard({ ...options, shardIndex: 0, shardCount: 1 });
  shard.push(data);
  shard.finish();
  return lines(shard.take(true).map((b) => b.data));
}

function lines(blocks: Buffer[]): string[] {
  return blocks
    .flatMap((b) => b.toString('utf8').split('\n'))
    .filter((l) => l !== '')
    .sort();
}

/** Runs a WorkerPool over `data` (as the sensor service does) and returns its events and figures. */
async function runPool(data: Buffer, workers: number, routed: boolean) {
  const blocks: Buffer[] = [];
  const shardsSeen = new Set<number>();
  const pool = new WorkerPool(
    workers,
    options,
    (block, _count, written, shard) => {
      blocks.push(Buffer.from(block));
      shardsSeen.add(shard);
      written();
    },
    routed,
  );
  for (let at = 0; at < data.length;) {
    const { slot, view } = await pool.acquire();
    const length = Math.min(view.length, data.length - at);
    data.copy(view, 0, at, at + length);
    at += length;
    pool.dispatch(slot, view, length, false);
  }
  const stats = await pool.finish();
  return { events: lines(blocks), stats, shardsSeen };
}

describe('shards on the reading thread and in workers', () => {
  const data = readFileSync(CAPTURE);

  it('gives the events of a single engine with shard 0 on this thread and shard 1 in a worker', async () => {
    const want = expected(data);
    expect(want.length).toBe(25);
    const run = await runPool(data, 2, true);
    expect(run.events).toEqual(want);
    expect(run.stats).toHaveLength(2);
    expect(run.stats.reduce((n, s) => n + s.calls, 0)).toBe(want.length);
    expect([...run.shardsSeen].sort()).toEqual([0, 1]);
  });

  it('keeps a single worker thread for --workers 1 (no routing)', async () => {
    const run = await runPool(data, 1, false);
    expect(run.events).toEqual(expected(data));
  });

  it('hands an exception of the in-thread shard to the pool instead of throwing it uncaught', async () => {
    const ring = new SlotRing(1024, 2);
    const init: WorkerInit = { ...options, ring: ring.buffer, slotSize: 1024, shardIndex: 0, shardCount: 1 };
    const failures: Error[] = [];
    const messages: FromWorker[] = [];
    const shard = inThreadShard(init, { message: (m) => messages.push(m), fail: (e) => failures.push(e) });
    // a slot past the end of the ring: reading it throws a RangeError inside the shard
    shard.post({ type: 'chunk', slot: 9, length: 1024, live: false });
    shard.post({ type: 'end' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await shard.terminate();
    expect(failures).toHaveLength(1);
    expect(failures[0].message).toMatch(/outside of buffer bounds/);
    // the shard still answers after the failure: its figures arrive
    expect(messages.map((m) => m.type)).toEqual(['stats']);
  });
});
