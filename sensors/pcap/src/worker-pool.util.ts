import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

import { type CaptureStats } from '@apiscope/capture';

import { PcapSensorException, PcapSensorExceptionCode } from './pcap-sensor.exception';
import { compileWorkerModules, WORKER_BOOTSTRAP } from './worker-modules.util';
import { type FromWorker, type ToWorker, type WorkerInit } from './worker-protocol.type';

const SLOT_SIZE = 4 * 1024 * 1024;
const SLOTS = 4;

const ENTRY = join(__dirname, 'pcap.worker.ts');

/**
 * N workers over a ring of shared 4 MiB slots: the reader fills a free slot, every worker reads it
 * (each keeps its own shard of connections), and the slot is free again once all have released
 * it. At most SLOTS chunks are in flight, which bounds memory and paces the reader.
 */
export class WorkerPool {
  private readonly ring = new SharedArrayBuffer(SLOT_SIZE * SLOTS);
  private readonly workers: Worker[] = [];
  private readonly holders = new Array<number>(SLOTS).fill(0);
  private waiting: Array<() => void> = [];
  private readonly stats: CaptureStats[] = [];
  private statsDone: (() => void) | undefined;
  private onFailure: ((error: Error) => void) | undefined;
  private failure: Error | undefined;
  inputFailed = false;

  constructor(
    count: number,
    shard: Omit<WorkerInit, 'ring' | 'slotSize' | 'shardIndex' | 'shardCount'>,
    /**
     * `written` is called once the bytes of `data` are no longer needed (their memory is reused);
     * `shard` is the index of the worker that sent them.
     */
    private readonly onCalls: (data: Buffer, count: number, written: () => void, shard: number) => void,
  ) {
    const modules = compileWorkerModules(ENTRY);
    for (let i = 0; i < count; i++) {
      const init: WorkerInit = {
        ...shard,
        ring: this.ring,
        slotSize: SLOT_SIZE,
        shardIndex: i,
        shardCount: count,
      };
      const worker = new Worker(WORKER_BOOTSTRAP, {
        eval: true,
        workerData: { ...init, entry: ENTRY, modules },
        // a larger young generation: per-exchange objects die young, fewer scavenges (~10% CPU)
        resourceLimits: { maxYoungGenerationSizeMb: 48 },
      });
      worker.on('message', (message: FromWorker) => this.receive(message, worker, i));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0 && this.stats.length < count)
          this.fail(new Error(`worker ${i} exited with code ${code}`));
      });
      this.workers.push(worker);
    }
  }

  /** A free slot's index and a view of it, waiting while all slots are in flight. */
  async acquire(): Promise<{ slot: number; view: Buffer }> {
    for (;;) {
      if (this.failure !== undefined) throw this.failure;
      const slot = this.holders.indexOf(0);
      if (slot !== -1) return { slot, view: Buffer.from(this.ring, slot * SLOT_SIZE, SLOT_SIZE) };
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /** Hands a filled slot to every worker; `live` asks them to send their events right away. */
  dispatch(slot: number, length: number, live: boolean): void {
    this.holders[slot] = this.workers.length;
    const message: ToWorker = { type: 'chunk', slot, length, live };
    for (const worker of this.workers) worker.postMessage(message);
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

  private receive(message: FromWorker, worker: Worker, shard: number): void {
    switch (message.type) {
      case 'calls': {
        const block = message.data.buffer as ArrayBuffer;
        this.onCalls(
          Buffer.from(block, message.data.byteOffset, message.data.byteLength),
          message.count,
          () => worker.postMessage({ type: 'recycle', block } satisfies ToWorker, [block]),
          shard,
        );
        return;
      }
      case 'released':
        if (message.failed) this.inputFailed = true;
        if (--this.holders[message.slot] === 0) this.wake();
        return;
      case 'stats':
        this.stats.push(message.stats);
        if (this.stats.length === this.workers.length) this.statsDone?.();
        return;
    }
  }

  private fail(error: Error): void {
    this.failure ??= new PcapSensorException(
      PcapSensorExceptionCode.WORKER_FAILED,
      `sensor worker failed: ${error.message}`,
    );
    this.onFailure?.(this.failure);
    this.wake();
  }

  private wake(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}
