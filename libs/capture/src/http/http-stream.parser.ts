import { BodyCollector } from './body-collector.util';
import { bodyFraming } from './body-framing.util';
import { ChunkedBodyParser } from './chunked-body.parser';
import { parseHttpHead } from './http-head.parser';
import { type HttpHead } from './http-head.type';
import { BodyDecision, type HttpStreamOwner } from './http-stream-owner.type';
import { HeadAccumulator } from './head-accumulator.util';
import { type MemoryBudget } from './memory-budget.type';
import { MessageScanner } from './message-scanner.util';
import { requestLineStart, statusLineStart } from './message-start.util';

/**
 * Buffer's own decoder without `toString`'s argument checks (the bounds are known good here);
 * part of every Node Buffer, used by `toString` itself.
 */
type FastSlice = Buffer & { utf8Slice(start: number, end: number): string };

const IDLE = 0;
const HEAD = 1;
const LENGTH = 2;
const CHUNKED = 3;
const CLOSE = 4;
const SCAN = 5;
const DEAD = 6;

/**
 * One direction of an HTTP/1.x connection, fed in order with reassembled TCP bytes (any split).
 * Heads found whole in one segment are parsed in place; split heads are copied (bounded). Bodies
 * go to a BodyCollector. A gap inside a body of known length is skipped and marks the message
 * incomplete; anywhere else the parser resynchronises at the next message start.
 */
export class HttpStreamParser {
  private state: number = IDLE;
  private readonly headBytesKept: HeadAccumulator;
  private readonly scanner: MessageScanner;
  private remaining = 0;
  private readonly chunked = new ChunkedBodyParser();
  private synced = false;
  private incomplete = false;
  private tunnelAfter = false;
  /** Bytes this direction may scan for a first message before it is declared not HTTP. */
  private scanBudget: number;
  body: BodyCollector | undefined;
  head: HttpHead | undefined;
  messageStartMs = 0;
  /** Responses to HTTP/0.9 requests still due: they have no status line, only a body until close. */
  rawResponsesDue = 0;

  constructor(
    readonly isRequest: boolean,
    private readonly owner: HttpStreamOwner,
    private readonly budget: MemoryBudget,
    private readonly bodyCap: number,
    scanBudget: number,
  ) {
    this.scanBudget = scanBudget;
    this.headBytesKept = new HeadAccumulator(isRequest, budget);
    this.scanner = new MessageScanner(isRequest);
  }

  /** True once this direction gave up (not HTTP, or a tunnel): the caller may stop feeding it. */
  get dead(): boolean {
    return this.state === DEAD;
  }

  get hasParsed(): boolean {
    return this.synced;
  }

  /** Start by scanning for a message instead of expecting one (capture began mid-connection). */
  startUnsynced(): void {
    if (this.state === IDLE) this.state = SCAN;
  }

  stop(): void {
    this.abandonMessage();
    this.state = DEAD;
  }

  execute(buf: Buffer, pos: number, end: number, tsMs: number): void {
    while (pos < end) {
      switch (this.state) {
        case IDLE:
          pos = this.idle(buf, pos, end, tsMs);
          break;
        case HEAD:
          pos = this.headBytes(buf, pos, end, tsMs);
          break;
        case LENGTH: {
          const n = Math.min(this.remaining, end - pos);
          (this.body as BodyCollector).add(buf, pos, n);
          this.remaining -= n;
          pos += n;
          if (this.remaining === 0) this.endMessage(tsMs);
          break;
        }
        case CHUNKED:
          pos = this.chunked.execute(buf, pos, end, this.body as BodyCollector);
          if (this.chunked.error !== undefined) {
            this.owner.onParseError(this, this.chunked.error);
            this.incomplete = true;
            this.endMessage(tsMs);
            this.state = SCAN;
          } else if (this.chunked.done) this.endMessage(tsMs);
          break;
        case CLOSE:
          (this.body as BodyCollector).add(buf, pos, end - pos);
          pos = end;
          break;
        case SCAN:
          pos = this.scan(buf, pos, end, tsMs);
          break;
        default:
          return;
      }
    }
  }

  /** `length` bytes were lost in the capture at the current position. */
  gap(length: number, tsMs: number): void {
    const body = this.body;
    if ((this.state === LENGTH || (this.state === CHUNKED && this.chunked.inData)) && body !== undefined) {
      const inBody = this.state === LENGTH ? this.remaining : this.chunked.remaining;
      this.incomplete = true;
      body.addMissing(Math.min(length, inBody));
      if (length < inBody) {
        if (this.state === LENGTH) this.remaining -= length;
        else this.chunked.remaining -= length;
        return;
      }
      this.endMessage(tsMs);
      if (length === inBody && this.stateIs(IDLE)) return;
    } else if (this.state === CLOSE && body !== undefined) {
      this.incomplete = true;
      body.addMissing(length);
      return;
    } else if (this.state === HEAD || this.state === CHUNKED) {
      this.incomplete = true;
      this.finishPartialHead(tsMs);
    }
    if (this.state !== DEAD) this.state = SCAN;
    this.scanner.reset();
  }

  /** The connection ended: a body delimited by close is complete; anything else is cut off. */
  finish(tsMs: number): void {
    if (this.state === CLOSE) this.endMessage(tsMs);
    else if (this.state === LENGTH || this.state === CHUNKED) {
      this.incomplete = true;
      this.endMessage(tsMs);
    } else if (this.state === HEAD) {
      this.incomplete = true;
      this.finishPartialHead(tsMs);
    }
    this.state = DEAD;
  }

  /** State test that control-flow narrowing cannot see through (callbacks change the state). */
  private stateIs(state: number): boolean {
    return this.state === state;
  }

  private idle(buf: Buffer, pos: number, end: number, tsMs: number): number {
    while (pos < end && (buf[pos] === 0x0d || buf[pos] === 0x0a)) pos++;
    if (pos === end) return pos;
    // the answer to an HTTP/0.9 request is a bare body until close, even if it looks like a head
    if (!this.isRequest && this.rawResponsesDue > 0) {
      this.rawResponsesDue -= 1;
      this.messageStartMs = tsMs;
      this.head = undefined;
      this.openBody('');
      this.state = CLOSE;
      return pos;
    }
    const start = this.isRequest ? requestLineStart(buf, pos, end) : statusLineStart(buf, pos, end);
    if (start === 0) {
      if (this.synced) this.owner.onParseError(this, 'bytes between messages that start no message');
      this.state = SCAN;
      return pos;
    }
    this.messageStartMs = tsMs;
    this.state = HEAD;
    return pos;
  }

  private headBytes(buf: Buffer, pos: number, end: number, tsMs: number): number {
    const kept = this.headBytesKept;
    const before = kept.length;
    if (before === 0) {
      const stop = kept.endInPlace(buf, pos, end);
      if (stop !== -1) {
        this.completeHead(buf, pos, stop, tsMs);
        return stop;
      }
    }
    const taken = kept.append(buf, pos, end);
    const stop = before === 0 ? -1 : kept.end();
    if (stop === -1) {
      if (kept.full) this.headError('head larger than 64 KiB');
      return pos + taken;
    }
    this.completeHead(kept.take(), 0, stop, tsMs);
    return pos + (stop - before);
  }

  private headError(reason: string): void {
    this.owner.onParseError(this, reason);
    this.headBytesKept.clear();
    this.state = SCAN;
  }

  /** A head cut off by a gap or the end of the capture: keep what can be read. */
  private finishPartialHead(tsMs: number): void {
    const length = this.headBytesKept.length;
    if (this.state !== HEAD || length === 0) return;
    this.completeHead(this.headBytesKept.take(), 0, length, tsMs);
    if (!this.stateIs(IDLE) && !this.stateIs(SCAN) && !this.stateIs(DEAD)) this.endMessage(tsMs);
  }

  private completeHead(buf: Buffer, start: number, stop: number, tsMs: number): void {
    const parsed = parseHttpHead((buf as FastSlice).utf8Slice(start, stop), this.isRequest);
    if (typeof parsed === 'string') {
      this.owner.onParseError(this, parsed);
      this.state = SCAN;
      return;
    }
    this.head = parsed;
    this.synced = true;
    const decision = this.owner.onHead(this, parsed, this.messageStartMs);
    this.tunnelAfter = decision === BodyDecision.TUNNEL;
    if (decision !== BodyDecision.FRAMING) return this.endMessage(tsMs);
    const framing = bodyFraming(parsed, this.isRequest);
    if (framing === 'none') return this.endMessage(tsMs);
    this.openBody(parsed.contentEncoding);
    if (framing === 'chunked') {
      this.chunked.reset();
      this.state = CHUNKED;
    } else if (framing === 'close') this.state = CLOSE;
    else {
      this.remaining = parsed.contentLength;
      this.state = LENGTH;
    }
  }

  private openBody(contentEncoding: string): void {
    // compressed bodies keep more raw bytes: decoding needs them to produce the capped output
    const cap = contentEncoding === '' || contentEncoding === 'identity' ? this.bodyCap : this.bodyCap * 4;
    this.body = new BodyCollector(cap, contentEncoding, this.budget);
  }

  private endMessage(tsMs: number): void {
    const incomplete = this.incomplete;
    const body = this.body;
    this.body = undefined;
    this.incomplete = false;
    this.state = this.tunnelAfter ? DEAD : IDLE;
    this.owner.onMessageEnd(this, body, tsMs, incomplete);
  }

  private abandonMessage(): void {
    this.body?.release();
    this.body = undefined;
    this.headBytesKept.clear();
  }

  private scan(buf: Buffer, pos: number, end: number, tsMs: number): number {
    if (!this.synced) {
      this.scanBudget -= end - pos;
      if (this.scanBudget < 0) {
        this.state = DEAD;
        this.scanner.reset();
        return end;
      }
    }
    const hit = this.scanner.scan(buf, pos, end);
    if (hit === undefined) return end;
    this.state = IDLE;
    if (hit.data === buf) return hit.at;
    this.execute(hit.data, hit.at, hit.end, tsMs);
    return end;
  }
}
