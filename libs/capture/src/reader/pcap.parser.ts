import { type FrameSink } from './frame-sink.type';
import { RecordStreamParser } from './record-stream.parser';

/**
 * Classic libpcap format (https://www.tcpdump.org/manpages/pcap-savefile.5.html):
 *
 *   file header (24 bytes): magic u32 | version major u16, minor u16 | thiszone i32 | sigfigs u32
 *                           | snaplen u32 | linktype u32 (low 16 bits; upper bits carry FCS info)
 *   record header (16):     ts_sec u32 | ts_usec or ts_nsec u32 | incl_len u32 | orig_len u32
 *
 * The magic gives the byte order (a1b2c3d4 written by the host) and the time unit (a1b23c4d for
 * nanoseconds). Lengths beyond the bound mean a corrupt file: reading stops with a reason.
 */
export const PCAP_MAGIC_MICRO = 0xa1b2c3d4;
export const PCAP_MAGIC_NANO = 0xa1b23c4d;

const FILE_HEADER = 24;
const RECORD_HEADER = 16;
/** Larger than any real snaplen (262144) with room for jumbo loopback captures. */
const MAX_RECORD = 16 * 1024 * 1024;

export class PcapParser extends RecordStreamParser {
  private headerRead = false;
  private littleEndian = true;
  private nanos = false;
  private linkType = -1;
  frames = 0;
  snapped = 0;

  constructor(private readonly sink: FrameSink) {
    super(MAX_RECORD + RECORD_HEADER);
  }

  get link(): number {
    return this.linkType;
  }

  get oversized(): number {
    return this.oversizedRecords;
  }

  protected headerSize(): number {
    return this.headerRead ? RECORD_HEADER : FILE_HEADER;
  }

  protected recordLength(buf: Buffer, offset: number): number | string {
    if (!this.headerRead) return FILE_HEADER;
    const caplen = this.littleEndian ? buf.readUInt32LE(offset + 8) : buf.readUInt32BE(offset + 8);
    if (caplen > MAX_RECORD) return `pcap record claims ${caplen} captured bytes (corrupt file)`;
    return RECORD_HEADER + caplen;
  }

  protected record(buf: Buffer, offset: number, length: number): void {
    if (!this.headerRead) return this.fileHeader(buf, offset);
    const le = this.littleEndian;
    const sec = le ? buf.readUInt32LE(offset) : buf.readUInt32BE(offset);
    const frac = le ? buf.readUInt32LE(offset + 4) : buf.readUInt32BE(offset + 4);
    const orig = le ? buf.readUInt32LE(offset + 12) : buf.readUInt32BE(offset + 12);
    const caplen = length - RECORD_HEADER;
    if (orig > caplen) this.snapped += 1;
    this.frames += 1;
    const tsMs = sec * 1000 + (this.nanos ? frac / 1e6 : frac / 1e3);
    this.sink.frame(this.linkType, buf, offset + RECORD_HEADER, caplen, tsMs);
  }

  private fileHeader(buf: Buffer, offset: number): void {
    const magicLe = buf.readUInt32LE(offset);
    const magicBe = buf.readUInt32BE(offset);
    if (magicLe === PCAP_MAGIC_MICRO || magicLe === PCAP_MAGIC_NANO) {
      this.littleEndian = true;
      this.nanos = magicLe === PCAP_MAGIC_NANO;
    } else if (magicBe === PCAP_MAGIC_MICRO || magicBe === PCAP_MAGIC_NANO) {
      this.littleEndian = false;
      this.nanos = magicBe === PCAP_MAGIC_NANO;
    } else {
      this.failure = `not a pcap file (magic ${magicBe.toString(16).padStart(8, '0')})`;
      return;
    }
    const link = this.littleEndian ? buf.readUInt32LE(offset + 20) : buf.readUInt32BE(offset + 20);
    this.linkType = link & 0xffff;
    this.headerRead = true;
  }
}
