import { readFileSync } from 'node:fs';

import { CORPUS_DIR } from './peer-comparison/corpus-index.util';
import { inThreadShard } from './shard-thread.util';
import { SlotRing } from './slot-ring.util';
import { runThroughPool, singleEngineEvents } from './testing/pool-run.util';
import { type FromWorker, type WorkerInit } from './worker-protocol.type';

// 25 exchanges over many connections, so that both shards get some
const CAPTURE = `${CORPUS_DIR}/zeek/scripts.base.protocols.http.http-methods/methods.pcap`;

describe('shards on the reading thread and in workers', () => {
  const data = readFileSync(CAPTURE);

  it('gives the events of a single engine with shard 0 on this thread and shard 1 in a worker', async () => {
    const want = singleEngineEvents(data);
    expect(want.length).toBe(25);
    const run = await runThroughPool(data, 2, true);
    expect(run.events).toEqual(want);
    expect(run.stats).toHaveLength(2);
    expect(run.stats.reduce((n, s) => n + s.calls, 0)).toBe(want.length);
    expect([...run.shardsSeen].sort()).toEqual([0, 1]);
  });

  it('keeps a single worker thread for --workers 1 (no routing)', async () => {
    const run = await runThroughPool(data, 1, false);
    expect(run.events).toEqual(singleEngineEvents(data));
  });

  it('hands an exception of the in-thread shard to the pool instead of throwing it uncaught', async () => {
    const ring = new SlotRing(1024, 2);
    const init: WorkerInit = {
      sensorId: 'spec',
      maxBodyBytes: 64 * 1024,
      ring: ring.buffer,
      slotSize: 1024,
      shardIndex: 0,
      shardCount: 1,
    };
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
