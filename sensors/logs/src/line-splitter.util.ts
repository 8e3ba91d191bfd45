const NEWLINE = 0x0a;

export interface SplitLine {
  (line: string, lineNumber: number): void;
}

export interface LineSplitterOptions {
  /** Lines longer than this many bytes are reported by number and dropped, not buffered. */
  maxLineBytes: number;
  onLine: SplitLine;
  onTooLong: (lineNumber: number, bytes: number) => void;
  /** Line number of the last line already read (resuming at an offset). */
  firstLine?: number;
  /** Byte offset of the first chunk in its file (resuming). */
  startOffset?: number;
}

/**
 * Cuts byte chunks into UTF-8 lines (LF or CRLF) and numbers them. A chunk is decoded once up to its
 * last line break; the bytes after it wait for the next chunk. `offsetAfter()` gives the file offset
 * just past the line being delivered, computed only when asked (at batch ends, in follow mode).
 */
export class LineSplitter {
  private carry: Buffer = Buffer.alloc(0);
  private overflowBytes = -1;
  private line: number;
  /** Offset where the current decoded text starts, and how far into it offsets were computed. */
  private textStart: number;
  private text = '';
  private measuredIndex = 0;
  private measuredOffset: number;
  private lineEnd = 0;
  private terminated = true;
  private consumed: number;

  constructor(private readonly options: LineSplitterOptions) {
    this.line = options.firstLine ?? 0;
    this.consumed = options.startOffset ?? 0;
    this.textStart = this.consumed;
    this.measuredOffset = this.consumed;
  }

  /** Last line number delivered. */
  get lineNumber(): number {
    return this.line;
  }

  /** Offset just past the last complete line (where a reader resumes). */
  get offset(): number {
    return this.consumed;
  }

  /** Bytes held for an unfinished line. */
  get pendingBytes(): number {
    return this.overflowBytes >= 0 ? this.overflowBytes : this.carry.length;
  }

  push(chunk: Buffer): void {
    const last = chunk.lastIndexOf(NEWLINE);
    if (last === -1) return this.hold(chunk);
    let start = 0;
    if (this.overflowBytes >= 0) {
      // the rest of an over-long line: drop it up to its end
      const end = chunk.indexOf(NEWLINE);
      this.line += 1;
      this.options.onTooLong(this.line, this.overflowBytes + end);
      this.consumed += this.overflowBytes + end + 1;
      this.overflowBytes = -1;
      start = end + 1;
      if (start > last) return this.hold(chunk.subarray(start));
    }
    const bytes =
      this.carry.length === 0
        ? chunk.subarray(start, last)
        : Buffer.concat([this.carry, chunk.subarray(start, last)]);
    this.carry = Buffer.from(chunk.subarray(last + 1));
    this.deliver(bytes);
  }

  /** End of input: a last line without a line break is still a line. */
  end(): void {
    if (this.overflowBytes >= 0) {
      this.line += 1;
      this.options.onTooLong(this.line, this.overflowBytes);
      this.consumed += this.overflowBytes;
      this.overflowBytes = -1;
      return;
    }
    if (this.carry.length === 0) return;
    const bytes = this.carry;
    this.carry = Buffer.alloc(0);
    this.deliver(bytes, false);
  }

  /** File offset just past the line being delivered (valid inside `onLine`). */
  offsetAfter(): number {
    const text = this.text;
    if (this.lineEnd > this.measuredIndex) {
      this.measuredOffset += Buffer.byteLength(text.slice(this.measuredIndex, this.lineEnd));
      this.measuredIndex = this.lineEnd;
    }
    return this.measuredOffset + (this.lineEnd < text.length || this.terminated ? 1 : 0);
  }

  private hold(bytes: Buffer): void {
    if (this.overflowBytes >= 0) {
      this.overflowBytes += bytes.length;
      return;
    }
    if (this.carry.length + bytes.length > this.options.maxLineBytes) {
      this.overflowBytes = this.carry.length + bytes.length;
      this.carry = Buffer.alloc(0);
      return;
    }
    this.carry = this.carry.length === 0 ? Buffer.from(bytes) : Buffer.concat([this.carry, bytes]);
  }

  /** Delivers `bytes`, complete lines followed (when `terminated`) by one more line break. */
  private deliver(bytes: Buffer, terminated = true): void {
    const text = bytes.toString('utf8');
    this.text = text;
    this.terminated = terminated;
    this.textStart = this.consumed;
    this.measuredIndex = 0;
    this.measuredOffset = this.consumed;
    const max = this.options.maxLineBytes;
    let from = 0;
    for (;;) {
      const nl = text.indexOf('\n', from);
      const end = nl === -1 ? text.length : nl;
      this.line += 1;
      this.lineEnd = end;
      // UTF-16 length bounds the byte length from below: only long lines need measuring
      if (end - from > max / 3 && Buffer.byteLength(text.slice(from, end)) > max) {
        this.options.onTooLong(this.line, Buffer.byteLength(text.slice(from, end)));
      } else {
        const cr = end > from && text.charCodeAt(end - 1) === 0x0d;
        this.options.onLine(text.slice(from, cr ? end - 1 : end), this.line);
      }
      if (nl === -1) break;
      from = nl + 1;
    }
    this.consumed = this.textStart + bytes.length + (terminated ? 1 : 0);
  }
}
