import { DecodeStatus } from './decoded-packet.type';
import { type IpFragmentReassembler } from './ip-fragment.reassembler';
import { type NetworkLayer, transportLayer } from './transport-layer.parser';

/** What the IP layer needs of the decoder: the packet it fills, fragments, and re-entry for tunnels. */
export interface IpLayer extends NetworkLayer {
  readonly fragments: IpFragmentReassembler;
  /** False: fragments are reported as held without being kept (routing only). */
  readonly reassemble: boolean;
}

const MAX_EXTENSION_HEADERS = 16;

/**
 * IPv4 (RFC 791): header length, total length (trailing Ethernet padding is cut; a zero total length
 * from segmentation offload means "the rest"), fragments to the reassembler.
 */
export function ipv4(net: IpLayer, buf: Buffer, off: number, end: number, depth: number): DecodeStatus {
  if (end - off < 20) return DecodeStatus.TRUNCATED;
  const vihl = buf[off];
  const ihl = (vihl & 0x0f) * 4;
  if (vihl >> 4 !== 4 || ihl < 20) return DecodeStatus.MALFORMED;
  if (end - off < ihl) return DecodeStatus.TRUNCATED;
  const totalLength = buf.readUInt16BE(off + 2);
  // zero total length: segmentation offload wrote the frame before the NIC split it
  let ipEnd = totalLength === 0 ? end : off + totalLength;
  if (totalLength !== 0 && totalLength < ihl) return DecodeStatus.MALFORMED;
  if (ipEnd > end) ipEnd = end; // snapped: keep what was captured; TCP sees the loss as a gap
  const p = net.packet;
  p.ipVersion = 4;
  p.src0 = p.src1 = p.src2 = p.dst0 = p.dst1 = p.dst2 = 0;
  p.src3 = buf.readUInt32BE(off + 12);
  p.dst3 = buf.readUInt32BE(off + 16);
  const protocol = buf[off + 9];
  const frag = buf.readUInt16BE(off + 6);
  if ((frag & 0x3fff) !== 0) {
    if (!net.reassemble) return DecodeStatus.FRAGMENT_HELD;
    const key = `4 ${p.src3} ${p.dst3} ${buf.readUInt16BE(off + 4)} ${protocol}`;
    const start = off + ihl;
    const whole = net.fragments.add(
      key,
      (frag & 0x1fff) * 8,
      (frag & 0x2000) !== 0,
      buf,
      start,
      ipEnd - start,
      p.tsMs,
    );
    if (whole === undefined) return DecodeStatus.FRAGMENT_HELD;
    return transportLayer(net, protocol, whole, 0, whole.length, depth);
  }
  return transportLayer(net, protocol, buf, off + ihl, ipEnd, depth);
}

/**
 * IPv6 (RFC 8200): hop-by-hop, routing, destination, mobility, HIP, shim6 and AH extension headers
 * are skipped; fragments go to the reassembler (an atomic fragment is read in place).
 */
export function ipv6(net: IpLayer, buf: Buffer, off: number, end: number, depth: number): DecodeStatus {
  if (end - off < 40) return DecodeStatus.TRUNCATED;
  if (buf[off] >> 4 !== 6) return DecodeStatus.MALFORMED;
  const payloadLength = buf.readUInt16BE(off + 4);
  let ipEnd = payloadLength === 0 ? end : off + 40 + payloadLength;
  if (ipEnd > end) ipEnd = end;
  const p = net.packet;
  p.ipVersion = 6;
  p.src0 = buf.readUInt32BE(off + 8);
  p.src1 = buf.readUInt32BE(off + 12);
  p.src2 = buf.readUInt32BE(off + 16);
  p.src3 = buf.readUInt32BE(off + 20);
  p.dst0 = buf.readUInt32BE(off + 24);
  p.dst1 = buf.readUInt32BE(off + 28);
  p.dst2 = buf.readUInt32BE(off + 32);
  p.dst3 = buf.readUInt32BE(off + 36);
  let next = buf[off + 6];
  let q = off + 40;
  for (let headers = 0; headers < MAX_EXTENSION_HEADERS; headers++) {
    if (
      next === 0 ||
      next === 43 ||
      next === 60 ||
      next === 135 ||
      next === 139 ||
      next === 140 ||
      next === 51
    ) {
      if (ipEnd - q < 8) return DecodeStatus.TRUNCATED;
      const length = next === 51 ? (buf[q + 1] + 2) * 4 : (buf[q + 1] + 1) * 8;
      next = buf[q];
      q += length;
      continue;
    }
    if (next === 44) {
      if (ipEnd - q < 8) return DecodeStatus.TRUNCATED;
      const inner = buf[q];
      const field = buf.readUInt16BE(q + 2);
      const key = `6 ${p.src0} ${p.src1} ${p.src2} ${p.src3} ${p.dst0} ${p.dst1} ${p.dst2} ${p.dst3} ${buf.readUInt32BE(q + 4)}`;
      q += 8;
      if ((field & 0xfff9) === 0) {
        next = inner; // an atomic fragment: offset 0, no more fragments
        continue;
      }
      if (!net.reassemble) return DecodeStatus.FRAGMENT_HELD;
      const whole = net.fragments.add(key, field & 0xfff8, (field & 1) === 1, buf, q, ipEnd - q, p.tsMs);
      if (whole === undefined) return DecodeStatus.FRAGMENT_HELD;
      return transportLayer(net, inner, whole, 0, whole.length, depth);
    }
    break;
  }
  if (q > ipEnd) return DecodeStatus.TRUNCATED;
  return transportLayer(net, next, buf, q, ipEnd, depth);
}
