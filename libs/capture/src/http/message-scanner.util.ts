import { findRequestLine, findStatusLine } from './message-start.util';

const TAIL = 512;

export interface ScanHit {
  /** The bytes the start was found in: the input itself, or the kept tail joined with it. */
  data: Buffer;
  at: number;
  end: number;
}

/**
 * Looks for the next request or status line in a stream whose framing was lost (a gap, a capture
 * that began mid-connection). The last bytes of each piece are kept, so a start line split across
 * two segments is still found.
 */
export class MessageScanner {
  private tail: Buffer | undefined;

  constructor(private readonly isRequest: boolean) {}

  reset(): void {
    this.tail = undefined;
  }

  scan(buf: Buffer, pos: number, end: number): ScanHit | undefined {
    let data = buf;
    let from = pos;
    let to = end;
    if (this.tail !== undefined) {
      data = Buffer.concat([this.tail, buf.subarray(pos, end)]);
      from = 0;
      to = data.length;
    }
    const at = this.isRequest ? findRequestLine(data, from, to) : findStatusLine(data, from, to);
    if (at === -1) {
      this.tail = Buffer.from(data.subarray(Math.max(from, to - TAIL), to));
      return undefined;
    }
    this.tail = undefined;
    return { data, at, end: to };
  }
}
