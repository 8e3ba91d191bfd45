import { findHeadEnd, findSimpleRequestEnd, requestLineHasVersion } from './head-end.util';
import { type MemoryBudget } from './memory-budget.type';

const MAX_HEAD = 64 * 1024;

/**
 * Finds where a head ends and keeps the bytes of a head split across segments (copied: the input
 * buffers are reused), at most 64 KiB. The search resumes where it stopped, so a head arriving in
 * many tiny segments costs linear time.
 */
export class HeadAccumulator {
  private kept: Buffer | undefined;
  private resumeAt = 0;
  length = 0;

  constructor(
    private readonly isRequest: boolean,
    private readonly budget: MemoryBudget,
  ) {}

  /** End of a head lying whole in [pos, end) (the index after its blank line), or -1. */
  endInPlace(buf: Buffer, pos: number, end: number): number {
    return this.findEnd(buf, pos, pos, end);
  }

  /** Keeps the next bytes of a split head; returns how many were taken (0 once 64 KiB are kept). */
  append(buf: Buffer, pos: number, end: number): number {
    const n = Math.min(end - pos, MAX_HEAD - this.length);
    if (this.kept === undefined || this.kept.length < this.length + n) {
      const grown = Buffer.allocUnsafe(Math.min(MAX_HEAD, Math.max(2048, (this.length + n) * 2)));
      if (this.kept !== undefined) this.kept.copy(grown, 0, 0, this.length);
      this.kept = grown;
    }
    buf.copy(this.kept, this.length, pos, pos + n);
    this.length += n;
    this.budget.used += n;
    return n;
  }

  /** End of the kept head, or -1 while its blank line has not arrived. */
  end(): number {
    if (this.kept === undefined) return -1;
    const stop = this.findEnd(this.kept, 0, this.resumeAt, this.length);
    if (stop === -1) this.resumeAt = Math.max(0, this.length - 3);
    return stop;
  }

  get full(): boolean {
    return this.length >= MAX_HEAD;
  }

  /** The kept bytes; valid until the next append. Releases them from the memory budget. */
  take(): Buffer {
    const kept = this.kept as Buffer;
    this.clear();
    // a rare large head does not stay allocated for the life of the connection
    if (kept.length > 8192) this.kept = undefined;
    return kept;
  }

  clear(): void {
    this.budget.used -= this.length;
    this.length = 0;
    this.resumeAt = 0;
  }

  private findEnd(buf: Buffer, start: number, from: number, end: number): number {
    if (this.isRequest && !requestLineHasVersion(buf, start, end))
      return findSimpleRequestEnd(buf, start, end);
    return findHeadEnd(buf, from, end);
  }
}
