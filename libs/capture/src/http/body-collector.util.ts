import { type MemoryBudget } from './memory-budget.type';

/**
 * Collects one message body after transfer decoding (de-chunked). Counts every byte but keeps at
 * most `rawCap` of them (copied: the input buffers are reused). After a capture gap the bytes that
 * follow are not contiguous with the kept ones, so keeping stops there.
 */
export class BodyCollector {
  /** Body length in bytes after transfer decoding, gap bytes included. */
  size = 0;
  /** Bytes lost in capture gaps. */
  missing = 0;
  private pieces: Buffer[] = [];
  private kept = 0;

  constructor(
    private rawCap: number,
    readonly contentEncoding: string,
    private readonly budget: MemoryBudget,
  ) {}

  add(buf: Buffer, offset: number, length: number): void {
    this.size += length;
    if (this.kept >= this.rawCap || length === 0) return;
    const n = Math.min(length, this.rawCap - this.kept);
    const copy = Buffer.allocUnsafe(n);
    buf.copy(copy, 0, offset, offset + n);
    this.pieces.push(copy);
    this.kept += n;
    this.budget.used += n;
  }

  addMissing(length: number): void {
    this.size += length;
    this.missing += length;
    this.rawCap = this.kept;
  }

  /** The kept bytes; `complete` is false when bytes were cut or lost. */
  raw(): { data: Buffer; complete: boolean } {
    const data = this.pieces.length === 1 ? this.pieces[0] : Buffer.concat(this.pieces, this.kept);
    return { data, complete: this.kept === this.size };
  }

  release(): void {
    this.budget.used -= this.kept;
    this.kept = 0;
    this.pieces = [];
  }
}
