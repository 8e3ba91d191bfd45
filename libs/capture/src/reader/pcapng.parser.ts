import { type FrameSink } from './frame-sink.type';
import { RecordStreamParser } from './record-stream.parser';

/**
 * pcapng (draft-ietf-opsawg-pcapng): a sequence of blocks `type u32 | total length u32 | body |
 * total length u32`, in the byte order announced by the latest Section Header Block:
 *
 *   SHB 0x0A0D0D0A: byte-order magic 0x1A2B3C4D | major u16 | minor u16 | section length i64 | options
 *   IDB 0x00000001: link type u16 | reserved u16 | snaplen u32 | options (if_tsresol 9, if_tsoffset 14)
 *   EPB 0x00000006: interface u32 | ts high u32 | ts low u32 | captured u32 | original u32 | data
 *   SPB 0x00000003: original u32 | data (interface 0, no timestamp)
 *   OPB 0x00000002: interface u16 | drops u16 | ts high | ts low | captured | original | data (obsolete)
 *
 * Each section restarts interface numbering; timestamps are in units of the interface's if_tsresol.
 */
export const PCAPNG_SHB = 0x0a0d0d0a;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const MAX_BLOCK = 16 * 1024 * 1024;
const MAX_INTERFACES = 4096;

interface Interface {
  linkType: number;
  snaplen: number;
  unitsPerMs: number;
  offsetMs: number;
}

export class PcapngParser extends RecordStreamParser {
  private littleEndian = true;
  private sawSection = false;
  private interfaces: Interface[] = [];
  private lastTsMs = 0;
  readonly linkTypes = new Set<number>();
  frames = 0;
  snapped = 0;
  malformed = 0;

  constructor(private readonly sink: FrameSink) {
    super(MAX_BLOCK);
  }

  get oversized(): number {
    return this.oversizedRecords;
  }

  protected headerSize(): number {
    return 12;
  }

  protected recordLength(buf: Buffer, offset: number): number | string {
    const type = buf.readUInt32LE(offset);
    if (type === PCAPNG_SHB) {
      const bom = buf.readUInt32LE(offset + 8);
      if (bom === BYTE_ORDER_MAGIC) this.littleEndian = true;
      else if (buf.readUInt32BE(offset + 8) === BYTE_ORDER_MAGIC) this.littleEndian = false;
      else return 'pcapng section header with an unknown byte-order magic';
      this.sawSection = true;
    } else if (!this.sawSection) return 'pcapng data before the first section header';
    const total = this.u32(buf, offset + 4);
    if (total < 12 || total % 4 !== 0) return `pcapng block length ${total} is invalid (corrupt file)`;
    return total;
  }

  protected record(buf: Buffer, offset: number, length: number): void {
    const type = this.u32(buf, offset);
    const body = offset + 8;
    const bodyEnd = offset + length - 4;
    switch (type) {
      case PCAPNG_SHB:
        this.interfaces = [];
        return;
      case 1:
        return this.interfaceBlock(buf, body, bodyEnd);
      case 6:
      case 2: {
        if (bodyEnd - body < 20) return void (this.malformed += 1);
        const iface = type === 6 ? this.u32(buf, body) : this.u16(buf, body);
        const info = this.interfaces[iface];
        const caplen = this.u32(buf, body + 12);
        const orig = this.u32(buf, body + 16);
        if (info === undefined || caplen > bodyEnd - body - 20) return void (this.malformed += 1);
        const ticks = this.u32(buf, body + 4) * 4294967296 + this.u32(buf, body + 8);
        this.lastTsMs = ticks / info.unitsPerMs + info.offsetMs;
        return this.deliver(info, buf, body + 20, caplen, orig);
      }
      case 3: {
        const info = this.interfaces[0];
        if (info === undefined || bodyEnd - body < 4) return void (this.malformed += 1);
        const orig = this.u32(buf, body);
        let caplen = Math.min(orig, bodyEnd - body - 4);
        if (info.snaplen > 0) caplen = Math.min(caplen, info.snaplen);
        return this.deliver(info, buf, body + 4, caplen, orig);
      }
      default:
        return;
    }
  }

  private deliver(info: Interface, buf: Buffer, offset: number, caplen: number, orig: number): void {
    this.frames += 1;
    if (orig > caplen) this.snapped += 1;
    this.sink.frame(info.linkType, buf, offset, caplen, this.lastTsMs);
  }

  private interfaceBlock(buf: Buffer, body: number, bodyEnd: number): void {
    if (bodyEnd - body < 8 || this.interfaces.length >= MAX_INTERFACES) return void (this.malformed += 1);
    const info: Interface = {
      linkType: this.u16(buf, body),
      snaplen: this.u32(buf, body + 4),
      unitsPerMs: 1000,
      offsetMs: 0,
    };
    // options: code u16 | length u16 | value padded to 32 bits, ended by opt_endofopt (0)
    for (let p = body + 8; p + 4 <= bodyEnd;) {
      const code = this.u16(buf, p);
      const len = this.u16(buf, p + 2);
      if (code === 0 || p + 4 + len > bodyEnd) break;
      if (code === 9 && len >= 1) {
        const v = buf[p + 4];
        const perSecond = v & 0x80 ? 2 ** (v & 0x7f) : 10 ** v;
        if (Number.isFinite(perSecond) && perSecond >= 1) info.unitsPerMs = perSecond / 1000;
      } else if (code === 14 && len >= 8) {
        const seconds = this.u32(buf, p + (this.littleEndian ? 4 : 8));
        info.offsetMs = seconds * 1000;
      }
      p += 4 + ((len + 3) & ~3);
    }
    this.linkTypes.add(info.linkType);
    this.interfaces.push(info);
  }

  private u32(buf: Buffer, offset: number): number {
    return this.littleEndian ? buf.readUInt32LE(offset) : buf.readUInt32BE(offset);
  }

  private u16(buf: Buffer, offset: number): number {
    return this.littleEndian ? buf.readUInt16LE(offset) : buf.readUInt16BE(offset);
  }
}
