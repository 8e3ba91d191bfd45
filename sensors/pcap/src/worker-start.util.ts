import { availableParallelism } from 'node:os';
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
 * Whether V8 should compile a worker's hot code on the worker's own thread (it stops to compile)
 * rather than on a background thread (it runs slower code until the compiled code is ready).
 * When the sensor's threads take every core, a background compile waits for a core while the
 * engine keeps running its slowest code: with 2 workers on 2 cores, compiling on the worker's
 * thread took the benchmark capture from 0.92-1.03 s to 0.87-0.92 s in a busy hour (6 alternated
 * runs; no difference on a quiet host) and V8's background threads from 0.4 s of CPU to 0.03 s.
 * With a core to spare (one worker on 2 cores), background compiling is better: 1.09 s against
 * 1.15 s.
 */
export function compilesInline(threads: number, cores = availableParallelism()): boolean {
  return threads >= cores;
}

/**
 * One of the `threads` sensor worker threads of a run. With `workerData` (a WorkerInit) it serves
 * that shard at once; without, it loads its modules and waits for an `init` message
 * (startWorkersEarly).
 */
export function spawnSensorWorker(threads: number, workerData?: object): Worker {
  // V8 takes these flags when it creates an isolate: they hold for the worker's heap, not this
  // thread's. The young generation starts at its full size: growing from 1 MiB took twice the
  // scavenges, a tenth of a worker's time.
  setFlagsFromString(`--min-semi-space-size=${YOUNG_SEMI_SPACE_MB}`);
  setFlagsFromString(
    compilesInline(threads) ? '--no-concurrent-recompilation' : '--concurrent-recompilation',
  );
  return new Worker(WORKER_BOOTSTRAP, {
    eval: true,
    workerData: { ...workerData, entry: WORKER_ENTRY, modules: compileWorkerModules(WORKER_ENTRY) },
    // a larger young generation: per-exchange objects die young, fewer scavenges (~10% CPU)
    resourceLimits: { maxYoungGenerationSizeMb: 48 },
  });
}

/**
 * Starts the worker threads of a run of `engines` engines (one each) before the rest of the sensor
 * is loaded, so that their start-up (a V8 heap, Node's own modules, then the engine's: ~0.1 s each,
 * measured from thread start to first packet) runs beside the reading thread's instead of after
 * it. The pool adopts them (takeEarlyWorker); until then they do not keep the process alive, so a
 * run that fails before reading exits as usual.
 */
export function startWorkersEarly(engines: number): void {
  for (let i = 0; i < engines; i++) {
    const entry: EarlyWorker = { worker: spawnSensorWorker(engines), error: undefined };
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
