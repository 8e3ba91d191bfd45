import { MessageChannel } from 'node:worker_threads';

import { serveShard } from './shard-server.util';
import { spawnSensorWorker, takeEarlyWorker } from './worker-start.util';
import { type FromWorker, type ToWorker, type WorkerInit } from './worker-protocol.type';

/** One engine shard as the worker pool sees it, whether it runs in a worker thread or on this one. */
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
  const worker = started?.worker ?? spawnSensorWorker(init);
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

/**
 * A shard on the reading thread, behind a message channel so that the pool treats it like the
 * others. With N shards on N cores, N worker threads beside the reading thread meant one more V8
 * heap than cores: that isolate's start-up and its own compilation of the whole hot path cost a
 * third of a second of CPU on the benchmark capture, more than the reading thread's idle time.
 */
export function inThreadShard(init: WorkerInit, events: ShardEvents): ShardThread {
  const channel = new MessageChannel();
  serveShard(channel.port2, init, (error) => events.fail(error));
  channel.port1.on('message', (message: FromWorker) => events.message(message));
  return {
    post: (message) => channel.port1.postMessage(message),
    terminate: () => {
      channel.port1.close();
      channel.port2.close();
      return Promise.resolve();
    },
  };
}
