import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CaptureShard } from './capture-shard.util';
import { CORPUS_DIR } from './peer-comparison/corpus-index.util';
import { startWorkersEarly, takeEarlyWorker } from './worker-start.util';
import { WorkerPool } from './worker-pool.util';

const CAPTURE = `${CORPUS_DIR}/zeek/scripts.base.protocols.http.http-methods/methods.pcap`;
const options = { sensorId: 'spec', maxBodyBytes: 64 * 1024 };

function sortedLines(blocks: Buffer[]): string[] {
  return blocks
    .flatMap((b) => b.toString('utf8').split('\n'))
    .filter((l) => l !== '')
    .sort();
}

describe('workers started before the sensor is loaded', () => {
  it('are adopted by the pool and serve their shard like workers started by it', async () => {
    const data = readFileSync(CAPTURE);
    const alone = new CaptureShard({ ...options, shardIndex: 0, shardCount: 1 });
    alone.push(data);
    alone.finish();
    const want = sortedLines(alone.take(true).map((b) => b.data));

    startWorkersEarly(1);
    const blocks: Buffer[] = [];
    const pool = new WorkerPool(
      1,
      options,
      (block, _count, written) => {
        blocks.push(Buffer.from(block));
        written();
      },
      false,
    );
    // the pool took the early worker: none is left for another
    expect(takeEarlyWorker({})).toBeUndefined();
    for (let at = 0; at < data.length;) {
      const { slot, view } = await pool.acquire();
      const length = Math.min(view.length, data.length - at);
      data.copy(view, 0, at, at + length);
      at += length;
      pool.dispatch(slot, view, length, false);
    }
    await pool.finish();
    expect(sortedLines(blocks)).toEqual(want);
    expect(want).toHaveLength(25);
  });

  it('do not keep the process alive when nothing adopts them (a run that fails before reading)', () => {
    const root = join(__dirname, '..', '..', '..');
    const started = Date.now();
    const run = spawnSync(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        '-e',
        "require('./sensors/pcap/src/worker-start.util.ts').startWorkersEarly(2); console.log('done')",
      ],
      {
        cwd: root,
        env: { ...process.env, SWC_NODE_PROJECT: join(root, 'apps', 'cli', 'tsconfig.runtime.json') },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('done');
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
