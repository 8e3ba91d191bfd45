import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CORPUS_DIR } from './peer-comparison/corpus-index.util';
import { runThroughPool, singleEngineEvents } from './testing/pool-run.util';
import { compilesInline, startWorkersEarly, takeEarlyWorker } from './worker-start.util';

const CAPTURE = `${CORPUS_DIR}/zeek/scripts.base.protocols.http.http-methods/methods.pcap`;

describe('workers started before the sensor is loaded', () => {
  it('are adopted by the pool and serve their shard like workers started by it', async () => {
    const data = readFileSync(CAPTURE);
    startWorkersEarly(1);
    let left: unknown = 'not asked';
    const run = await runThroughPool(data, 1, false, () => (left = takeEarlyWorker({})));
    // the pool took the early worker: none was left for another
    expect(left).toBeUndefined();
    expect(run.events).toEqual(singleEngineEvents(data));
    expect(run.events).toHaveLength(25);
  });

  it('do not keep the process alive when nothing adopts them (a run that fails before reading)', () => {
    const root = join(__dirname, '..', '..', '..');
    const run = spawnSync(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        '-e',
        "require('./sensors/pcap/src/worker-start.util.ts').startWorkersEarly(3); console.log('done')",
      ],
      {
        cwd: root,
        env: { ...process.env, SWC_NODE_PROJECT: join(root, 'apps', 'cli', 'tsconfig.runtime.json') },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(run.status).toBe(0); // null if the timeout had to kill it
    expect(run.stdout.trim()).toBe('done');
  });

  it.each([
    [1, 2, false], // a core to spare: V8 compiles on a background thread
    [2, 2, true], // every core busy with an engine: the engine compiles its own code
    [3, 2, true],
    [4, 8, false],
    [8, 8, true],
  ])('compile inline with %i threads on %i cores: %s', (threads, cores, inline) => {
    expect(compilesInline(threads, cores)).toBe(inline);
  });
});
