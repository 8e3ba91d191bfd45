import { readFileSync } from 'node:fs';

import { CORPUS_DIR } from './peer-comparison/corpus-index.util';
import { runThroughPool, singleEngineEvents } from './testing/pool-run.util';

// 25 exchanges over many connections, so that both shards get some
const CAPTURE = `${CORPUS_DIR}/zeek/scripts.base.protocols.http.http-methods/methods.pcap`;

describe('WorkerPool', () => {
  const data = readFileSync(CAPTURE);

  it('gives the events of a single engine with two shards in two workers', async () => {
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
});
