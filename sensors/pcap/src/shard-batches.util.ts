import { type RoutedFrameSink } from '@apiscope/capture';

import { FRAME_HEADER, writeFrame } from './frame-batch.util';
import { SlotRing } from './slot-ring.util';
import { type ToWorker } from './worker-protocol.type';

const SLOT_SIZE = 1024 * 1024;
const SLOTS = 4;
/** Frames in flight outside the slots (larger than a slot's free room) before the reader waits. */
const MAX_OVERFLOW_BYTES = 32 * 1024 * 1024;

interface Open {
  slot: number;
  view: Buffer;
  used: number;
}

/**
 * The reading thread's side of routed sharding: each worker has its own ring of slots, and the
 * frames a FrameRouter sends to a worker are packed into that worker's open slot (a copy of the
 * frame, no allocation). `reserve` is awaited before each piece of input, so the synchronous
 * routing never finds a slot full; a frame that still does not fit (a record larger than a slot)
 * travels alone in a transferred buffer, counted against its own bound.
 */
export class ShardBatches implements RoutedFrameSink {
  readonly rings: SlotRing[];
  private readonly open: Array<Open | undefined>;
  private overflowBytes = 0;
  private overflowWake: (() => void) | undefined;

  constructor(
    workers: number,
    private readonly post: (worker: number, message: ToWorker, transfer?: ArrayBuffer[]) => void,
    private readonly failure: () => Error | undefined,
  ) {
    this.rings = Array.from({ length: workers }, () => new SlotRing(SLOT_SIZE, SLOTS));
    this.open = new Array<Open | undefined>(workers).fill(undefined);
  }

  /** Makes sure every worker's open slot has `room` free bytes (or is empty), and little overflow is pending. */
  async reserve(room: number): Promise<void> {
    while (this.overflowBytes > MAX_OVERFLOW_BYTES) {
      const error = this.failure();
      if (error !== undefined) throw error;
      await new Promise<void>((resolve) => (this.overflowWake = resolve));
    }
    for (let w = 0; w < this.open.length; w++) {
      let open = this.open[w];
      if (open !== undefined && open.used > 0 && SLOT_SIZE - open.used < room) {
        this.send(w, open, false);
        open = undefined;
      }
      if (open === undefined) {
        const slot = await this.rings[w].acquire(this.failure);
        this.open[w] = { slot, view: this.rings[w].view(slot), used: 0 };
      }
    }
  }

  routed(shard: number, linkType: number, buf: Buffer, offset: number, length: number, tsMs: number): void {
    if (shard >= 0) return this.add(shard, linkType, buf, offset, length, tsMs, false);
    for (let w = 0; w < this.open.length; w++) this.add(w, linkType, buf, offset, length, tsMs, true);
  }

  /** Sends every open slot that holds frames (`live`: the workers send their events at once). */
  flush(live: boolean): void {
    for (let w = 0; w < this.open.length; w++) {
      const open = this.open[w];
      if (open !== undefined && open.used > 0) this.send(w, open, live);
    }
  }

  /** Wakes whatever waits for room (to see a failure). */
  wake(): void {
    for (const ring of this.rings) ring.wake();
    this.overflowReleased(0);
  }

  overflowReleased(bytes: number): void {
    this.overflowBytes -= bytes;
    this.overflowWake?.();
    this.overflowWake = undefined;
  }

  private add(
    w: number,
    linkType: number,
    buf: Buffer,
    offset: number,
    length: number,
    tsMs: number,
    everyShard: boolean,
  ): void {
    const open = this.open[w];
    if (open !== undefined && open.used + FRAME_HEADER + length <= SLOT_SIZE) {
      open.used = writeFrame(open.view, open.used, linkType, buf, offset, length, tsMs, everyShard);
      return;
    }
    // after what is already packed for this worker, so that it sees its frames in capture order
    if (open !== undefined && open.used > 0) this.send(w, open, false);
    const data = new Uint8Array(length);
    data.set(buf.subarray(offset, offset + length));
    this.overflowBytes += length;
    this.post(w, { type: 'frame', data, linkType, tsMs, everyShard }, [data.buffer]);
  }

  private send(w: number, open: Open, live: boolean): void {
    this.rings[w].hold(open.slot, 1);
    this.post(w, { type: 'chunk', slot: open.slot, length: open.used, live });
    this.open[w] = undefined;
  }
}
