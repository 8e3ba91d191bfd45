const BLOCK = 4 * 1024 * 1024;
/** Blocks kept for reuse: the sink hands them back once written (two in flight is the steady state). */
const SPARE_BLOCKS = 3;

/**
 * Events as NDJSON bytes, written straight into a large buffer: no giant string is built and
 * re-encoded later, and a full block can be handed to another thread without a copy (transfer).
 * Written blocks come back (`recycle`): writing into fresh memory costs a page fault per 4 KiB, which
 * was a tenth of the sensor's time.
 */
export class NdjsonBuffer {
  private readonly spare: Buffer[] = [];
  private block: Buffer = Buffer.allocUnsafe(BLOCK);
  private used = 0;
  private lines = 0;

  add(json: string): void {
    const worst = json.length * 3 + 1;
    if (this.used + worst > this.block.length) this.grow(worst);
    this.used += this.block.write(json, this.used);
    this.block[this.used++] = 0x0a;
    this.lines += 1;
  }

  get count(): number {
    return this.lines;
  }

  get size(): number {
    return this.used;
  }

  /** The bytes written since the last take (a fresh block is started), or undefined if none. */
  take(): { data: Buffer; count: number } | undefined {
    if (this.lines === 0) return undefined;
    const out = { data: this.block.subarray(0, this.used), count: this.lines };
    this.block = this.spare.pop() ?? Buffer.allocUnsafe(BLOCK);
    this.used = 0;
    this.lines = 0;
    return out;
  }

  /** A block given out by `take` whose bytes are no longer needed. */
  recycle(block: Buffer): void {
    if (block.length === BLOCK && this.spare.length < SPARE_BLOCKS) this.spare.push(block);
  }

  private grow(worst: number): void {
    const bigger = Buffer.allocUnsafe(Math.max(this.block.length * 2, this.used + worst));
    this.block.copy(bigger, 0, 0, this.used);
    this.block = bigger;
  }
}
