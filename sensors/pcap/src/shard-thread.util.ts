import { spawnSensorWorker, takeEarlyWorker } from './worker-start.util';
import { type FromWorker, type ToWorker, type WorkerInit } from './worker-protocol.type';

/** One engine shard in its worker thread, as the worker pool sees it. */
export interface ShardThread {
  post(message: ToWorker): void;
  terminate(): Promise<void>;
}

export interface ShardEvents {
  message(message: FromWorker): void;
  fail(error: Error): void;
}

/** A shard in its own worker thread: one started early (worker-start.util.ts) if any, else a new one. */
export function workerShard(init: WorkerInit, events: ShardEvents): ShardThread {
  const started = takeEarlyWorker(init);
  const worker = started?.worker ?? spawnSensorWorker(init.shardCount, init);
  if (started?.error !== undefined) queueMicrotask(() => events.fail(started.error as Error));
  let ended = false;
  worker.on('message', (message: FromWorker) => {
    if (message.type === 'stats') ended = true;
    events.message(message);
  });
  worker.on('error', (error) => events.fail(error));
  worker.on('exit', (code) => {
    if (code !== 0 && !ended) events.fail(new Error(`worker ${init.shardIndex} exited with code ${code}`));
  });
  return {
    post: (message) => worker.postMessage(message),
    terminate: async () => {
      await worker.terminate();
    },
  };
}
