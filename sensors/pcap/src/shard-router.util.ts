import { FrameRouter, type RoutedFrameSink } from '@apiscope/capture';

import { EVERY_SHARD, FrameIndex } from './frame-index.util';
import { SlotRing } from './slot-ring.util';
import { type ToWorker } from './worker-protocol.type';

export const CHUNK_SIZE = 1024 * 1024;
const CHUNKS = 6;
/**
 * Frames listed per worker and chunk: 48 bytes a frame on average (a bare TCP ACK takes 70 with its
 * pcap record header). Past it, the worker's next frames of that chunk travel alone (spill), so a
 * capture of tiny frames costs more but stays bounded; the index takes 20 bytes an entry.
 */
const MAX_FRAMES = Math.floor(CHUNK_SIZE / 48);
/** Bytes of frames sent outside the ring (records split across chunks) in flight before reading waits. */
const MAX_SPILL_BYTES = 32 * 1024 * 1024;

/**
 * The reading thread's side of routed sharding. Capture bytes are read into a shared ring of
 * chunks; a FrameRouter finds each frame's shard, and the frame goes into that worker's index for
 * the chunk (where it lies, not its bytes). Each worker then decodes only its own frames, reading
 * them in place. A frame that is not inside the chunk (a record split across two reads, which the
 * reader put together in its own buffer) travels alone in a shared copy, ahead of the chunk.
 */
export class ShardRouter implements RoutedFrameSink {
  readonly ring = new SlotRing(CHUNK_SIZE, CHUNKS);
  readonly indexes: FrameIndex[];
  readonly router: FrameRouter;
  private readonly counts: number[];
  /** Workers whose frames of the current chunk travel alone from now on (index full). */
  private readonly spilling: boolean[];
  private live = false;
  private slot = -1;
  private view: Buffer | undefined;
  private spillBytes = 0;
  private spillWake: (() => void) | undefined;

  constructor(
    private readonly workers: number,
    private readonly post: (worker: number, message: ToWorker) => void,
    private readonly failure: () => Error | undefined,
    private readonly maxFrames = MAX_FRAMES,
  ) {
    this.indexes = Array.from({ length: workers }, () => new FrameIndex(maxFrames, CHUNKS));
    this.counts = new Array<number>(workers).fill(0);
    this.spilling = new Array<boolean>(workers).fill(false);
    this.router = new FrameRouter(workers, this);
  }

  /** A free chunk of the ring to read into (waits while all are in flight or too much spilled). */
  async acquire(): Promise<{ slot: number; view: Buffer }> {
    while (this.spillBytes > MAX_SPILL_BYTES) {
      const error = this.failure();
      if (error !== undefined) throw error;
      await new Promise<void>((resolve) => (this.spillWake = resolve));
    }
    const slot = await this.ring.acquire(this.failure);
    return { slot, view: this.ring.view(slot) };
  }

  /** Routes the frames of a filled chunk and hands every worker its index of them. */
  dispatch(slot: number, view: Buffer, length: number, live: boolean): void {
    this.slot = slot;
    this.view = view;
    this.live = live;
    this.counts.fill(0);
    this.spilling.fill(false);
    this.router.push(view.subarray(0, length));
    this.view = undefined;
    for (let w = 0; w < this.workers; w++) if (!this.spilling[w]) this.send(w);
    this.ring.release(slot);
  }

  routed(shard: number, linkType: number, buf: Buffer, offset: number, length: number, tsMs: number): void {
    const view = this.view;
    const start = view === undefined ? -1 : buf.byteOffset + offset - view.byteOffset;
    const inPlace =
      view !== undefined && buf.buffer === view.buffer && start >= 0 && start + length <= view.length;
    const first = shard < 0 ? 0 : shard;
    const last = shard < 0 ? this.workers - 1 : shard;
    const meta = shard < 0 ? linkType | EVERY_SHARD : linkType;
    // a frame that travels alone is copied once, into shared memory every worker reads it from
    let alone: Uint8Array | undefined;
    for (let w = first; w <= last; w++) {
      if (inPlace && !this.spilling[w] && this.counts[w] < this.maxFrames) {
        this.indexes[w].set(this.slot, this.counts[w]++, start, length, meta, tsMs);
        continue;
      }
      if (!this.spilling[w] && this.counts[w] > 0) {
        // what is listed so far goes first and the rest of the chunk follows it alone, so that
        // the worker keeps the capture's order (a record split across reads comes first: no need)
        this.send(w);
        this.spilling[w] = true;
      }
      alone ??= sharedCopy(buf, offset, length);
      this.spill(w, alone, linkType, tsMs, shard < 0);
    }
  }

  spillReleased(bytes: number): void {
    this.spillBytes -= bytes;
    this.wake();
  }

  /** Wakes whatever waits for room (to see a failure). */
  wake(): void {
    this.ring.wake();
    this.spillWake?.();
    this.spillWake = undefined;
  }

  /** Sends worker `w` its listed frames of the current chunk, if any. */
  private send(w: number): void {
    if (this.counts[w] === 0) return;
    this.ring.hold(this.slot, 1);
    this.post(w, { type: 'chunk', slot: this.slot, length: this.counts[w], live: this.live });
  }

  /** Sends worker `w` a frame on its own; its bytes count until that worker releases them. */
  private spill(w: number, data: Uint8Array, linkType: number, tsMs: number, everyShard: boolean): void {
    this.spillBytes += data.length;
    this.post(w, { type: 'frame', data, linkType, tsMs, everyShard });
  }
}

function sharedCopy(buf: Buffer, offset: number, length: number): Uint8Array {
  const data = new Uint8Array(new SharedArrayBuffer(length));
  data.set(buf.subarray(offset, offset + length));
  return data;
}
