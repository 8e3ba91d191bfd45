import { type CaptureStats, HttpCaptureParser } from '@apiscope/capture';

import { readFrames } from './frame-batch.util';
import { type NdjsonBlock, NdjsonBuffer } from './ndjson-buffer.util';

export interface CaptureShardOptions {
  sensorId: string;
  maxBodyBytes: number;
  /** Bounds of this shard's engine (the sensor's totals divided by the number of shards). */
  maxFlows?: number;
  memoryLimitBytes?: number;
  shardIndex: number;
  shardCount: number;
}

/** One engine and the NDJSON it produced since the last take (runs inside a worker thread). */
export class CaptureShard {
  private readonly engine: HttpCaptureParser;
  private readonly out = new NdjsonBuffer();

  constructor(options: CaptureShardOptions) {
    this.engine = new HttpCaptureParser({
      sensorId: options.sensorId,
      maxBodyBytes: options.maxBodyBytes,
      maxFlows: options.maxFlows,
      memoryLimitBytes: options.memoryLimitBytes,
      shardIndex: options.shardIndex,
      shardCount: options.shardCount,
      onCall: (call) => this.out.addCall(call),
    });
  }

  /** Capture bytes (every shard reads them all and keeps its own connections). */
  push(chunk: Buffer): void {
    this.engine.push(chunk);
  }

  /** A batch of frames routed to this shard (frame-batch.util.ts). */
  pushFrames(batch: Buffer, length: number): void {
    readFrames(batch, length, this.engine);
  }

  /** One routed frame that came alone. */
  pushFrame(frame: Buffer, linkType: number, tsMs: number, everyShard: boolean): void {
    this.engine.routedFrame(linkType, frame, 0, frame.length, tsMs, everyShard);
  }

  get failed(): boolean {
    return this.engine.failed;
  }

  /** NDJSON blocks worth sending now (a megabyte or more), or everything when `all`. */
  take(all: boolean): NdjsonBlock[] {
    return all || this.out.size >= 1024 * 1024 ? this.out.take() : [];
  }

  /** The memory of a block `take` returned, once its bytes are written. */
  recycle(block: ArrayBuffer): void {
    this.out.recycle(Buffer.from(block));
  }

  finish(): CaptureStats {
    return this.engine.finish();
  }
}
