import { type CaptureReadStats, type FrameSink } from './frame-sink.type';
import { PCAP_MAGIC_MICRO, PCAP_MAGIC_NANO, PcapParser } from './pcap.parser';
import { PCAPNG_SHB, PcapngParser } from './pcapng.parser';

/**
 * Reads a capture stream of either format, told apart by the first four bytes, in chunks of any
 * size (a file read in large blocks, or stdin from `tcpdump -w -` in pipe-sized pieces).
 */
export class CaptureFileParser {
  private inner: PcapParser | PcapngParser | undefined;
  private prefix = Buffer.alloc(0);
  private failure: string | undefined;

  constructor(private readonly sink: FrameSink) {}

  push(chunk: Buffer): void {
    if (this.failure !== undefined) return;
    if (this.inner === undefined) {
      const joined = this.prefix.length === 0 ? chunk : Buffer.concat([this.prefix, chunk]);
      if (joined.length < 4) {
        this.prefix = Buffer.from(joined);
        return;
      }
      this.prefix = Buffer.alloc(0);
      this.inner = this.pick(joined);
      if (this.inner === undefined) return;
      this.inner.push(joined);
      return;
    }
    this.inner.push(chunk);
  }

  /** True once the stream is known to be unreadable (no point in reading further). */
  get failed(): boolean {
    return this.failure !== undefined || this.inner?.error !== undefined;
  }

  /** Bytes of an unfinished record (or of a format prefix) held until the next chunk. */
  pendingBytes(): number {
    return (this.inner?.pendingBytes() ?? 0) + this.prefix.length;
  }

  stats(): CaptureReadStats {
    const inner = this.inner;
    const error = this.failure ?? inner?.error;
    const base = {
      format: inner instanceof PcapParser ? 'pcap' : inner instanceof PcapngParser ? 'pcapng' : 'unknown',
      frames: inner?.frames ?? 0,
      snapped: inner?.snapped ?? 0,
      oversized: inner?.oversized ?? 0,
      truncatedBytes: this.pendingBytes(),
      linkTypes:
        inner instanceof PcapParser
          ? inner.link >= 0
            ? [inner.link]
            : []
          : inner instanceof PcapngParser
            ? [...inner.linkTypes]
            : [],
    } satisfies Omit<CaptureReadStats, 'error'>;
    return error === undefined ? base : { ...base, error };
  }

  private pick(head: Buffer): PcapParser | PcapngParser | undefined {
    const le = head.readUInt32LE(0);
    const be = head.readUInt32BE(0);
    if (le === PCAPNG_SHB) return new PcapngParser(this.sink);
    if ([PCAP_MAGIC_MICRO, PCAP_MAGIC_NANO].some((m) => m === le || m === be))
      return new PcapParser(this.sink);
    this.failure = `not a pcap or pcapng capture (starts with ${head.subarray(0, 4).toString('hex')})`;
    return undefined;
  }
}
