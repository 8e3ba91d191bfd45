/**
 * Drops, per shard, the events a checkpoint says were delivered already. A re-read from the start of
 * the capture brings every shard's events again in the same order, so the first `delivered[i]` of
 * shard i are exactly those the sink holds. Works on NDJSON blocks (one event per line) as the
 * workers send them, without parsing the events.
 */
export class ResumeFilter {
  private readonly left: number[];
  skipped = 0;

  constructor(delivered: readonly number[]) {
    this.left = [...delivered];
  }

  /** The part of `block` (`count` lines from `shard`) not delivered yet, and its line count. */
  keep(block: Buffer, count: number, shard: number): { data: Buffer; count: number } {
    const left = this.left[shard] ?? 0;
    if (left === 0) return { data: block, count };
    if (left >= count) {
      this.left[shard] = left - count;
      this.skipped += count;
      return { data: block.subarray(block.length), count: 0 };
    }
    let start = 0;
    for (let n = 0; n < left; n++) start = block.indexOf(0x0a, start) + 1;
    this.left[shard] = 0;
    this.skipped += left;
    return { data: block.subarray(start), count: count - left };
  }

  /** Events still to skip: nonzero at the end means the capture gave fewer events than delivered. */
  get remaining(): number {
    return this.left.reduce((a, b) => a + b, 0);
  }
}
