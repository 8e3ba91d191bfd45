import { type BodyCollector } from './body-collector.util';

const SIZE = 0;
const DATA = 1;
const DATA_END = 2;
const TRAILER = 3;
const DONE = 4;

const MAX_LINE = 4096;
const MAX_TRAILERS = 64 * 1024;
/** 12 hex digits is 256 TiB: more means an overflow attempt (e.g. 2^64), not a real chunk. */
const MAX_DIGITS = 12;

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/**
 * Chunked transfer coding (RFC 9112 §7.1): `size-hex [;ext] CRLF data CRLF ... 0 CRLF trailers CRLF`.
 * Byte-level state machine, so a size line split across packets costs nothing extra. Lenient on
 * bare LF and on a missing CRLF after the data; strict on sizes (overflow and non-hex are errors).
 */
export class ChunkedBodyParser {
  private state = SIZE;
  private size = 0;
  private digits = 0;
  private inExtension = false;
  private lineLength = 0;
  private trailerBytes = 0;
  remaining = 0;
  error: string | undefined;

  reset(): void {
    this.state = SIZE;
    this.size = this.digits = this.lineLength = this.trailerBytes = this.remaining = 0;
    this.inExtension = false;
    this.error = undefined;
  }

  get done(): boolean {
    return this.state === DONE;
  }

  get inData(): boolean {
    return this.state === DATA;
  }

  /** Consumes from [pos, end); returns the position after the last byte used. */
  execute(buf: Buffer, pos: number, end: number, body: BodyCollector): number {
    while (pos < end && this.state !== DONE && this.error === undefined) {
      if (this.state === DATA) {
        const n = Math.min(this.remaining, end - pos);
        body.add(buf, pos, n);
        this.remaining -= n;
        pos += n;
        if (this.remaining === 0) this.state = DATA_END;
        continue;
      }
      const c = buf[pos++];
      if (this.state === SIZE) this.sizeByte(c);
      else if (this.state === DATA_END) {
        if (c === 0x0a) this.state = SIZE;
        else if (c !== 0x0d) {
          this.state = SIZE; // no CRLF after the data: read this byte as the next size line
          this.sizeByte(c);
        }
      } else if (this.state === TRAILER) this.trailerByte(c);
    }
    return pos;
  }

  private sizeByte(c: number): void {
    if (++this.lineLength > MAX_LINE) return void (this.error = 'chunk size line too long');
    if (c === 0x0a) {
      if (this.digits === 0) return void (this.error = 'chunk size line without a size');
      this.lineLength = 0;
      if (this.size === 0) this.state = TRAILER;
      else {
        this.remaining = this.size;
        this.state = DATA;
      }
      this.size = this.digits = 0;
      this.inExtension = false;
      return;
    }
    if (this.inExtension || c === 0x0d) return;
    const v = hexValue(c);
    if (v >= 0) {
      if (this.size === 0 && v === 0 && this.digits > 0) return; // leading zeros
      if (++this.digits > MAX_DIGITS) return void (this.error = 'chunk size overflow');
      this.size = this.size * 16 + v;
    } else if (c === 0x3b || c === 0x20 || c === 0x09) this.inExtension = this.digits > 0 || c === 0x3b;
    else this.error = 'chunk size is not hexadecimal';
  }

  private trailerByte(c: number): void {
    if (++this.trailerBytes > MAX_TRAILERS) return void (this.error = 'trailers too long');
    if (c === 0x0a) {
      if (this.lineLength === 0) this.state = DONE;
      this.lineLength = 0;
    } else if (c !== 0x0d) this.lineLength++;
  }
}
