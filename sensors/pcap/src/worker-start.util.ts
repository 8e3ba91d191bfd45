import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';

import { compileWorkerModules, WORKER_BOOTSTRAP } from './worker-modules.util';

/** The worker thread's entry module. */
export const WORKER_ENTRY = join(__dirname, 'pcap.worker.ts');
/** A third of the young generation (two semi-spaces and a new large-object space): 48 MiB. */
const YOUNG_SEMI_SPACE_MB = 16;

/** A worker started before its shard was known, and what went wrong with it meanwhile, if anything. */
interface EarlyWorker {
  worker: Worker;
  error: Error | undefined;
}

const early: EarlyWorker[] = [];

/**
 * A sensor worker thread. With `workerData` (a WorkerInit) it serves that shard at once; without,
 * it loads its modules and waits for an `init` message (startWorkersEarly).
 */
export function spawnSensorWorker(workerData?: object): Worker {
  // the young generation starts at its full size in the workers' heaps (created after this):
  // growing from 1 MiB took twice the scavenges, a tenth of a worker's time
  setFlagsFromString(`--min-semi-space-size=${YOUNG_SEMI_SPACE_MB}`);
  return new Worker(WORKER_BOOTSTRAP, {
    eval: true,
    workerData: { ...workerData, entry: WORKER_ENTRY, modules: compileWorkerModules(WORKER_ENTRY) },
    // a larger young generation: per-exchange objects die young, fewer scavenges (~10% CPU)
    resourceLimits: { maxYoungGenerationSizeMb: 48 },
  });
}

/**
 * Starts the worker threads a run of `engines` engines will use (one for a single engine; with
 * more, the reading thread runs shard 0 itself: shard-thread.util.ts) before the rest of the sensor
 * is loaded, so that their start-up (a V8 heap, Node's own modules, then the engine's: ~0.1 s each,
 * measured from thread start to first packet) runs beside the reading thread's instead of after
 * it. The pool adopts them (takeEarlyWorker); until then they do not keep the process alive, so a
 * run that fails before reading exits as usual.
 */
export function startWorkersEarly(engines: number): void {
  const threads = engines === 1 ? 1 : engines - 1;
  for (let i = 0; i < threads; i++) {
    const entry: EarlyWorker = { worker: spawnSensorWorker(), error: undefined };
    entry.worker.on('error', (error) => (entry.error ??= error));
    // gone before it got its shard: messages to it would be lost and the pool would wait forever
    entry.worker.on(
      'exit',
      (code) => (entry.error ??= new Error(`worker exited with code ${code} before it started`)),
    );
    entry.worker.unref();
    early.push(entry);
  }
}

/** A worker startWorkersEarly started, handed its shard through `init`; undefined when none is left. */
export function takeEarlyWorker(init: object): { worker: Worker; error: Error | undefined } | undefined {
  const entry = early.shift();
  if (entry === undefined) return undefined;
  entry.worker.ref();
  entry.worker.postMessage({ type: 'init', init });
  return entry;
}
