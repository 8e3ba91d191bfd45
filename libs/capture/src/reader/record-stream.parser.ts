/**
 * Incremental framing shared by the pcap and pcapng readers: both formats are a sequence of
 * records whose length is known once a fixed-size header is read. Whole records inside a chunk are
 * handed over in place (no copy); only a record split across two chunks is copied into a carry
 * buffer. Records above `maxRecordBytes` are skipped without being buffered, so memory stays
 * bounded whatever the input says.
 */
export abstract class RecordStreamParser {
  private carry: Buffer = Buffer.alloc(0);
  private carryLength = 0;
  private skipBytes = 0;
  protected failure: string | undefined;
  protected oversizedRecords = 0;
  /** Stream offset of the first byte of the chunk being parsed (for error messages). */
  protected streamOffset = 0;

  /** Size of the part of a record that tells its total length. */
  protected abstract headerSize(): number;
  /** Total record length from its header, or a string saying why the stream is corrupt. */
  protected abstract recordLength(buf: Buffer, offset: number): number | string;
  protected abstract record(buf: Buffer, offset: number, length: number): void;

  constructor(private readonly maxRecordBytes: number) {}

  get error(): string | undefined {
    return this.failure;
  }

  push(chunk: Buffer): void {
    if (this.failure !== undefined) return;
    const end = chunk.length;
    let pos = 0;
    if (this.skipBytes > 0) {
      pos = Math.min(this.skipBytes, end);
      this.skipBytes -= pos;
    }
    if (this.carryLength > 0 && pos < end) pos = this.completeCarry(chunk, pos);
    while (this.failure === undefined && pos < end) {
      const head = this.headerSize();
      if (end - pos < head) break;
      const total = this.recordLength(chunk, pos);
      if (typeof total === 'string') return this.fail(total, pos);
      if (total > this.maxRecordBytes) {
        pos = this.startSkip(total, end - pos, pos);
        continue;
      }
      if (total > end - pos) break;
      this.record(chunk, pos, total);
      pos += total;
    }
    if (this.failure === undefined && pos < end && this.skipBytes === 0) this.stash(chunk, pos, end);
    this.streamOffset += end;
  }

  /** Bytes of an unfinished record at the end of input (a truncated capture). */
  pendingBytes(): number {
    return this.carryLength + this.skipBytes;
  }

  private fail(reason: string, pos: number): void {
    this.failure = `${reason} at byte ${this.streamOffset + pos}`;
    this.carryLength = 0;
  }

  private startSkip(total: number, available: number, pos: number): number {
    this.oversizedRecords += 1;
    const skipped = Math.min(total, available);
    this.skipBytes = total - skipped;
    return pos + skipped;
  }

  private stash(chunk: Buffer, from: number, end: number): void {
    const length = end - from;
    if (this.carry.length < length) this.carry = Buffer.allocUnsafe(Math.max(length, 4096));
    chunk.copy(this.carry, 0, from, end);
    this.carryLength = length;
  }

  /** Completes the record begun in `carry` with bytes from `chunk`; returns the new chunk position. */
  private completeCarry(chunk: Buffer, pos: number): number {
    const head = this.headerSize();
    if (this.carryLength < head) {
      const n = Math.min(head - this.carryLength, chunk.length - pos);
      this.append(chunk, pos, n);
      pos += n;
      if (this.carryLength < head) return pos;
    }
    const total = this.recordLength(this.carry, 0);
    if (typeof total === 'string') {
      this.fail(total, pos - this.carryLength);
      return chunk.length;
    }
    if (total > this.maxRecordBytes) {
      const already = this.carryLength;
      this.carryLength = 0;
      return this.startSkip(total - already, chunk.length - pos, pos);
    }
    const n = Math.min(total - this.carryLength, chunk.length - pos);
    this.append(chunk, pos, n);
    pos += n;
    if (this.carryLength === total) {
      this.carryLength = 0;
      this.record(this.carry, 0, total);
    }
    return pos;
  }

  private append(chunk: Buffer, from: number, n: number): void {
    if (this.carry.length < this.carryLength + n) {
      const grown = Buffer.allocUnsafe(Math.max(this.carryLength + n, this.carry.length * 2, 4096));
      this.carry.copy(grown, 0, 0, this.carryLength);
      this.carry = grown;
    }
    chunk.copy(this.carry, this.carryLength, from, from + n);
    this.carryLength += n;
  }
}
