/**
 * Where a worker's frames lie in a chunk of the shared input ring: per frame its offset, length
 * and link type (with a bit for "sent to every shard") as Int32, and its timestamp as Float64,
 * one region per ring slot. Writing an entry costs four stores; the frame bytes are not copied.
 */
export class FrameIndex {
  readonly buffer: SharedArrayBuffer;
  private readonly ints: Int32Array;
  private readonly times: Float64Array;

  /** Room for `capacity` frames in each of `slots` slots. */
  constructor(
    readonly capacity: number,
    slots: number,
    buffer?: SharedArrayBuffer,
  ) {
    this.buffer = buffer ?? new SharedArrayBuffer(capacity * slots * 20);
    this.times = new Float64Array(this.buffer, 0, capacity * slots);
    this.ints = new Int32Array(this.buffer, capacity * slots * 8, capacity * slots * 3);
  }

  set(slot: number, entry: number, offset: number, length: number, meta: number, tsMs: number): void {
    const i = slot * this.capacity + entry;
    this.times[i] = tsMs;
    this.ints[i * 3] = offset;
    this.ints[i * 3 + 1] = length;
    this.ints[i * 3 + 2] = meta;
  }

  offset(slot: number, entry: number): number {
    return this.ints[(slot * this.capacity + entry) * 3];
  }

  length(slot: number, entry: number): number {
    return this.ints[(slot * this.capacity + entry) * 3 + 1];
  }

  /** Link type in the low 16 bits, 0x10000 when the frame went to every shard. */
  meta(slot: number, entry: number): number {
    return this.ints[(slot * this.capacity + entry) * 3 + 2];
  }

  tsMs(slot: number, entry: number): number {
    return this.times[slot * this.capacity + entry];
  }
}

export const EVERY_SHARD = 0x10000;
