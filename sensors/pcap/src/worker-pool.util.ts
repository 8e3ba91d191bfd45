import { type Worker } from 'node:worker_threads';

import { type CaptureStats } from '@apiscope/capture';

import { PcapSensorException, PcapSensorExceptionCode } from './pcap-sensor.exception';
import { ShardRouter } from './shard-router.util';
import { SlotRing } from './slot-ring.util';
import { type FromWorker, type ToWorker, type WorkerInit } from './worker-protocol.type';
import { spawnSensorWorker, takeEarlyWorker } from './worker-start.util';

const CHUNK_SIZE = 4 * 1024 * 1024;
const CHUNKS = 4;

/**
 * N engine workers over a shared ring of capture chunks, fed in one of two ways. Unrouted: every
 * worker reads every chunk whole and keeps its own connections; right for one worker, which then
 * reads the records itself. Routed: `router` reads the records here and lists for each worker the
 * frames of its connections, so that N workers split the decoding too.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly ring: SlotRing;
  readonly router: ShardRouter | undefined;
  /** By shard index: merging needs to know shard 0. */
  private readonly stats: CaptureStats[] = [];
  private reported = 0;
  private statsDone: (() => void) | undefined;
  private onFailure: ((error: Error) => void) | undefined;
  private failure: Error | undefined;
  private readFailed = false;

  constructor(
    count: number,
    shard: Omit<WorkerInit, 'ring' | 'slotSize' | 'shardIndex' | 'shardCount' | 'routed'>,
    /**
     * `written` is called once the bytes of `data` are no longer needed (their memory is reused);
     * `shard` is the index of the worker that sent them.
     */
    private readonly onCalls: (data: Buffer, count: number, written: () => void, shard: number) => void,
    routed: boolean,
  ) {
    const failure = () => this.failure;
    if (routed) {
      this.router = new ShardRouter(count, (w, message) => this.workers[w].postMessage(message), failure);
      this.ring = this.router.ring;
    } else this.ring = new SlotRing(CHUNK_SIZE, CHUNKS);
    for (let i = 0; i < count; i++) {
      const index = this.router?.indexes[i];
      const init: WorkerInit = {
        ...shard,
        ring: this.ring.buffer,
        slotSize: this.ring.slotSize,
        shardIndex: i,
        shardCount: count,
      };
      if (index !== undefined)
        init.index = { buffer: index.buffer, capacity: index.capacity, slots: this.ring.slots };
      // one started early (worker-start.util.ts) if any, else a new one
      const early = takeEarlyWorker(init);
      const worker = early?.worker ?? spawnSensorWorker(count, init);
      const earlyError = early?.error;
      if (earlyError !== undefined) queueMicrotask(() => this.fail(earlyError));
      worker.on('message', (message: FromWorker) => this.receive(message, i));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0 && this.reported < count) this.fail(new Error(`worker ${i} exited with code ${code}`));
      });
      this.workers.push(worker);
    }
  }

  /** A free slot's index and a view of it, waiting while all slots are in flight. */
  async acquire(): Promise<{ slot: number; view: Buffer }> {
    if (this.router !== undefined) return this.router.acquire();
    const slot = await this.ring.acquire(() => this.failure);
    return { slot, view: this.ring.view(slot) };
  }

  /** Hands a filled slot to the workers; `live` asks them to send their events right away. */
  dispatch(slot: number, view: Buffer, length: number, live: boolean): void {
    if (this.router !== undefined) return this.router.dispatch(slot, view, length, live);
    this.ring.hold(slot, this.workers.length);
    const message: ToWorker = { type: 'chunk', slot, length, live };
    for (const worker of this.workers) worker.postMessage(message);
    this.ring.release(slot);
  }

  /** True once the input is known to be unreadable (no point in reading further). */
  get inputFailed(): boolean {
    return this.readFailed || this.router?.router.failed === true;
  }

  /** Ends the input: every worker flushes its connections and reports its figures. */
  async finish(): Promise<CaptureStats[]> {
    try {
      await new Promise<void>((resolve, reject) => {
        this.statsDone = resolve;
        this.onFailure = reject;
        if (this.failure !== undefined) return reject(this.failure);
        for (const worker of this.workers) worker.postMessage({ type: 'end' } satisfies ToWorker);
      });
    } finally {
      await this.terminate();
    }
    return this.stats;
  }

  async terminate(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private receive(message: FromWorker, index: number): void {
    const worker = this.workers[index];
    switch (message.type) {
      case 'calls': {
        const block = message.data.buffer as SharedArrayBuffer;
        this.onCalls(
          Buffer.from(block, message.data.byteOffset, message.data.byteLength),
          message.count,
          () => worker.postMessage({ type: 'recycle', block } satisfies ToWorker),
          index,
        );
        return;
      }
      case 'released':
        if (message.failed) this.readFailed = true;
        this.ring.release(message.slot);
        return;
      case 'frameReleased':
        this.router?.spillReleased(message.bytes);
        return;
      case 'stats':
        this.stats[index] = message.stats;
        if (++this.reported === this.workers.length) this.statsDone?.();
        return;
    }
  }

  private fail(error: Error): void {
    this.failure ??= new PcapSensorException(
      PcapSensorExceptionCode.WORKER_FAILED,
      `sensor worker failed: ${error.message}`,
    );
    this.onFailure?.(this.failure);
    this.ring.wake();
    this.router?.wake();
  }
}
