/**
 * Builders for test frames and capture files (spec support only). They produce real wire formats
 * so that decoders are tested on bytes laid out as on a network, with layers that the corpus does
 * not cover (SLL2, VXLAN, ERSPAN, fragments, pcapng with several interfaces).
 */
export interface TcpSpec {
  src: string;
  dst: string;
  sport: number;
  dport: number;
  seq: number;
  ack?: number;
  flags?: number;
  payload?: Buffer | string;
}

const bytes = (value: Buffer | string | undefined) =>
  value === undefined ? Buffer.alloc(0) : typeof value === 'string' ? Buffer.from(value, 'latin1') : value;

function ipv4Words(ip: string): Buffer {
  return Buffer.from(ip.split('.').map(Number));
}

function ipv6Bytes(ip: string): Buffer {
  const [head, tail = ''] = ip.split('::');
  const h = head === '' ? [] : head.split(':');
  const t = tail === '' ? [] : tail.split(':');
  const groups = ip.includes('::')
    ? [...h, ...new Array<string>(8 - h.length - t.length).fill('0'), ...t]
    : h;
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  return out;
}

export function tcpSegment(spec: TcpSpec): Buffer {
  const payload = bytes(spec.payload);
  const header = Buffer.alloc(20);
  header.writeUInt16BE(spec.sport, 0);
  header.writeUInt16BE(spec.dport, 2);
  header.writeUInt32BE(spec.seq >>> 0, 4);
  header.writeUInt32BE((spec.ack ?? 0) >>> 0, 8);
  header[12] = 0x50;
  header[13] = spec.flags ?? 0x18;
  header.writeUInt16BE(65535, 14);
  return Buffer.concat([header, payload]);
}

export function ipv4Packet(
  src: string,
  dst: string,
  protocol: number,
  payload: Buffer,
  id = 1,
  fragment = 0,
): Buffer {
  const header = Buffer.alloc(20);
  header[0] = 0x45;
  header.writeUInt16BE(20 + payload.length, 2);
  header.writeUInt16BE(id, 4);
  header.writeUInt16BE(fragment, 6);
  header[8] = 64;
  header[9] = protocol;
  ipv4Words(src).copy(header, 12);
  ipv4Words(dst).copy(header, 16);
  return Buffer.concat([header, payload]);
}

export function ipv6Packet(src: string, dst: string, next: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(40);
  header[0] = 0x60;
  header.writeUInt16BE(payload.length, 4);
  header[6] = next;
  header[7] = 64;
  ipv6Bytes(src).copy(header, 8);
  ipv6Bytes(dst).copy(header, 24);
  return Buffer.concat([header, payload]);
}

/** A TCP segment in IPv4 or IPv6, chosen by the address form. */
export function ipTcp(spec: TcpSpec): Buffer {
  const segment = tcpSegment(spec);
  return spec.src.includes(':')
    ? ipv6Packet(spec.src, spec.dst, 6, segment)
    : ipv4Packet(spec.src, spec.dst, 6, segment);
}

export function ethernet(ethertype: number, payload: Buffer, vlans: number[] = []): Buffer {
  const macs = Buffer.from('020000000001020000000002', 'hex');
  const tags = vlans.map((vid, i) => {
    const tag = Buffer.alloc(4);
    tag.writeUInt16BE(vid, 0);
    tag.writeUInt16BE(i === vlans.length - 1 ? ethertype : 0x8100, 2);
    return tag;
  });
  const type = Buffer.alloc(2);
  type.writeUInt16BE(vlans.length > 0 ? (vlans.length > 1 ? 0x88a8 : 0x8100) : ethertype);
  return Buffer.concat([macs, type, ...tags, payload]);
}

export function udp(sport: number, dport: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt16BE(sport, 0);
  header.writeUInt16BE(dport, 2);
  header.writeUInt16BE(8 + payload.length, 4);
  return Buffer.concat([header, payload]);
}

export interface CapturedFrame {
  data: Buffer;
  tsMs: number;
  /** pcapng interface index (0 when absent). */
  iface?: number;
}

/** Classic pcap in either byte order, microsecond or nanosecond timestamps. */
export function pcapFile(
  frames: CapturedFrame[],
  linkType: number,
  options: { bigEndian?: boolean; nanos?: boolean } = {},
): Buffer {
  const be = options.bigEndian === true;
  const u32 = (b: Buffer, v: number, o: number) =>
    be ? b.writeUInt32BE(v >>> 0, o) : b.writeUInt32LE(v >>> 0, o);
  const u16 = (b: Buffer, v: number, o: number) => (be ? b.writeUInt16BE(v, o) : b.writeUInt16LE(v, o));
  const header = Buffer.alloc(24);
  u32(header, options.nanos === true ? 0xa1b23c4d : 0xa1b2c3d4, 0);
  u16(header, 2, 4);
  u16(header, 4, 6);
  u32(header, 262144, 16);
  u32(header, linkType, 20);
  const records = frames.map((f) => {
    const r = Buffer.alloc(16);
    const sec = Math.floor(f.tsMs / 1000);
    const frac =
      options.nanos === true
        ? Math.round((f.tsMs - sec * 1000) * 1e6)
        : Math.round((f.tsMs - sec * 1000) * 1e3);
    u32(r, sec, 0);
    u32(r, frac, 4);
    u32(r, f.data.length, 8);
    u32(r, f.data.length, 12);
    return Buffer.concat([r, f.data]);
  });
  return Buffer.concat([header, ...records]);
}

/**
 * pcapng: one section, one Interface Description Block per entry of `interfaces` (link type and
 * if_tsresol exponent of 10), frames as Enhanced Packet Blocks (or a Simple Packet Block for frames
 * marked `simple`).
 */
export function pcapngFile(
  frames: Array<CapturedFrame & { simple?: boolean }>,
  interfaces: Array<{ linkType: number; tsresol?: number }>,
  options: { bigEndian?: boolean } = {},
): Buffer {
  const be = options.bigEndian === true;
  const u32 = (b: Buffer, v: number, o: number) =>
    be ? b.writeUInt32BE(v >>> 0, o) : b.writeUInt32LE(v >>> 0, o);
  const u16 = (b: Buffer, v: number, o: number) => (be ? b.writeUInt16BE(v, o) : b.writeUInt16LE(v, o));
  const block = (type: number, body: Buffer) => {
    const padded = Buffer.concat([body, Buffer.alloc((4 - (body.length % 4)) % 4)]);
    const out = Buffer.alloc(12 + padded.length);
    u32(out, type, 0);
    u32(out, out.length, 4);
    padded.copy(out, 8);
    u32(out, out.length, out.length - 4);
    return out;
  };
  const shb = Buffer.alloc(16);
  u32(shb, 0x1a2b3c4d, 0);
  u16(shb, 1, 4);
  u16(shb, 0, 6);
  shb.writeInt32LE(-1, 8);
  shb.writeInt32LE(-1, 12);
  const blocks = [block(0x0a0d0d0a, shb)];
  for (const iface of interfaces) {
    const body = Buffer.alloc(iface.tsresol === undefined ? 12 : 24);
    u16(body, iface.linkType, 0);
    u32(body, 262144, 4);
    if (iface.tsresol !== undefined) {
      u16(body, 9, 8);
      u16(body, 1, 10);
      body[12] = iface.tsresol;
    }
    blocks.push(block(1, body));
  }
  for (const f of frames) {
    if (f.simple === true) {
      const head = Buffer.alloc(4);
      u32(head, f.data.length, 0);
      blocks.push(block(3, Buffer.concat([head, f.data])));
      continue;
    }
    const resolution = 10 ** (interfaces[f.iface ?? 0].tsresol ?? 6);
    const ticks = BigInt(Math.round((f.tsMs / 1000) * resolution));
    const head = Buffer.alloc(20);
    u32(head, f.iface ?? 0, 0);
    u32(head, Number(ticks >> 32n), 4);
    u32(head, Number(ticks & 0xffffffffn), 8);
    u32(head, f.data.length, 12);
    u32(head, f.data.length, 16);
    blocks.push(block(6, Buffer.concat([head, f.data])));
  }
  return Buffer.concat(blocks);
}
