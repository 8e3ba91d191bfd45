import { type CaptureStats, HttpCaptureParser } from '@apiscope/capture';

import { EVERY_SHARD, type FrameIndex } from './frame-index.util';
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
      // events only become NDJSON here: body text goes from bytes to JSON without a string
      textBodiesAsBytes: true,
      onCall: (call, texts) => this.out.addCall(call, texts),
    });
  }

  /** Capture bytes (every shard reads them all and keeps its own connections). */
  push(chunk: Buffer): void {
    this.engine.push(chunk);
  }

  /** The `count` frames listed for this shard in `index` for the ring chunk `slot`, read in place. */
  pushIndexed(chunk: Buffer, index: FrameIndex, slot: number, count: number): void {
    for (let i = 0; i < count; i++) {
      const meta = index.meta(slot, i);
      this.engine.routedFrame(
        meta & 0xffff,
        chunk,
        index.offset(slot, i),
        index.length(slot, i),
        index.tsMs(slot, i),
        (meta & EVERY_SHARD) !== 0,
      );
    }
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
  recycle(block: SharedArrayBuffer): void {
    this.out.recycle(Buffer.from(block));
  }

  finish(): CaptureStats {
    return this.engine.finish();
  }
}
