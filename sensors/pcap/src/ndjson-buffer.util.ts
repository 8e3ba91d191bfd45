import { apiCallJsonBound, type BodyTexts, writeApiCallJson } from '@apiscope/capture';
import { type ApiCall } from '@apiscope/contracts';

const BLOCK = 2 * 1024 * 1024;
/** Blocks kept for reuse: the sink hands them back once written. */
const SPARE_BLOCKS = 4;

/** NDJSON bytes of `count` events, ready to hand to another thread. */
export interface NdjsonBlock {
  data: Buffer;
  count: number;
}

/**
 * Events as NDJSON bytes, written straight into large blocks: no giant string is built and
 * re-encoded later. A full block is sealed and a new one started (never grown: growing copied the
 * bytes into fresh memory), and written blocks come back (`recycle`): fresh memory costs a page
 * fault per 4 KiB, which was a tenth of the sensor's time.
 *
 * Blocks are shared memory, so a block goes to another thread neither copied nor transferred.
 * Transferring detaches an ArrayBuffer, and until an isolate detaches its first one V8 compiles
 * typed-array access without a detach check per element: the first transfer threw away every
 * optimised function that touches a Buffer (the whole hot path, from the record reader to this
 * writer) and the code compiled again was 7% slower (the engine over the benchmark capture, warm,
 * in one thread: 750 ms without detach checks, 805 ms with them).
 * Nothing in the sensor's threads may transfer memory (a spec runs the sensor with
 * --trace-protector-invalidation to hold it to that).
 */
export class NdjsonBuffer {
  private readonly spare: Buffer[] = [];
  private readonly sealed: NdjsonBlock[] = [];
  private sealedBytes = 0;
  private block: Buffer = sharedBlock(BLOCK);
  private used = 0;
  private lines = 0;

  add(json: string): void {
    const worst = json.length * 3 + 1;
    if (this.used + worst > this.block.length) this.seal(worst);
    this.used += this.block.write(json, this.used);
    this.block[this.used++] = 0x0a;
    this.lines += 1;
  }

  /**
   * An event, serialised straight into the block (the bytes of JSON.stringify, without its string);
   * `texts`: its bodies' text still as bytes (HttpCaptureOptions.textBodiesAsBytes).
   */
  addCall(call: ApiCall, texts?: BodyTexts): void {
    const worst = apiCallJsonBound(call, texts) + 1;
    if (this.used + worst > this.block.length) this.seal(worst);
    this.used = writeApiCallJson(call, this.block, this.used, texts);
    this.block[this.used++] = 0x0a;
    this.lines += 1;
  }

  /** Bytes waiting to be taken. */
  get size(): number {
    return this.sealedBytes + this.used;
  }

  /** The blocks written since the last take (the open block is sealed too); empty if none. */
  take(): NdjsonBlock[] {
    this.seal(0);
    this.sealedBytes = 0;
    return this.sealed.splice(0);
  }

  /** A block given out by `take` whose bytes are no longer needed. */
  recycle(block: Buffer): void {
    if (block.length === BLOCK && this.spare.length < SPARE_BLOCKS) this.spare.push(block);
  }

  /** Closes the open block (if it holds anything) and opens one with room for `worst` bytes. */
  private seal(worst: number): void {
    if (this.lines > 0) {
      this.sealed.push({ data: this.block.subarray(0, this.used), count: this.lines });
      this.sealedBytes += this.used;
      this.block = worst > BLOCK ? sharedBlock(worst) : (this.spare.pop() ?? sharedBlock(BLOCK));
      this.used = 0;
      this.lines = 0;
    } else if (worst > this.block.length) {
      this.block = sharedBlock(worst); // one event larger than a block: its own block
    }
  }
}

function sharedBlock(bytes: number): Buffer {
  return Buffer.from(new SharedArrayBuffer(bytes));
}
