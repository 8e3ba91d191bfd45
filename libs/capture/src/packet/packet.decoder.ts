import { DecodedPacket, DecodeStatus } from './decoded-packet.type';
import { IpFragmentReassembler } from './ip-fragment.reassembler';
import { type LayerCursor, linkHeader } from './link-layer.parser';
import { ETHERTYPE, NET_ETHERNET, NET_IP_BY_VERSION, NET_PPP } from './link-type.constant';
import { transportLayer } from './transport-layer.parser';

/** Encapsulations deeper than this are refused (a crafted loop of tunnels must not recurse forever). */
const MAX_DEPTH = 8;
const MAX_SHIMS = 16;

/**
 * Frame -> TCP segment. Walks link layer, VLAN/QinQ/MPLS/PPPoE/LLC-SNAP shims, IPv4/IPv6 (with
 * fragment reassembly and extension headers) and tunnels (VXLAN, Geneve, GRE, ERSPAN I/II/III,
 * IP-in-IP) down to the innermost TCP header, filling the one reused DecodedPacket.
 */
export class PacketDecoder {
  readonly packet = new DecodedPacket();
  readonly fragments: IpFragmentReassembler;
  private readonly cursor: LayerCursor = { offset: 0 };

  constructor(maxPendingFragments = 1024) {
    this.fragments = new IpFragmentReassembler(maxPendingFragments);
  }

  decode(linkType: number, buf: Buffer, offset: number, length: number, tsMs: number): DecodeStatus {
    this.packet.tsMs = tsMs;
    const end = offset + length;
    const net = linkHeader(linkType, buf, offset, end, this.cursor);
    if (net < 0) return -net as DecodeStatus;
    return this.network(net, buf, this.cursor.offset, end, 0);
  }

  /** Network layer starting at `off` with protocol `proto` (an ethertype or NET_* pseudo type). */
  network(proto: number, buf: Buffer, off: number, end: number, depth: number): DecodeStatus {
    if (depth > MAX_DEPTH) return DecodeStatus.TOO_DEEP;
    for (let shims = 0; shims < MAX_SHIMS; shims++) {
      switch (proto) {
        case ETHERTYPE.IPV4:
          return this.ipv4(buf, off, end, depth);
        case ETHERTYPE.IPV6:
          return this.ipv6(buf, off, end, depth);
        case NET_ETHERNET:
          if (end - off < 14) return DecodeStatus.TRUNCATED;
          proto = buf.readUInt16BE(off + 12);
          off += 14;
          if (proto < 0x0600) {
            // 802.3 length field: only LLC/SNAP carries an ethertype
            if (end - off < 8) return DecodeStatus.TRUNCATED;
            if (buf[off] !== 0xaa || buf[off + 1] !== 0xaa || buf[off + 2] !== 0x03)
              return DecodeStatus.NOT_IP;
            proto = buf.readUInt16BE(off + 6);
            off += 8;
          }
          continue;
        case ETHERTYPE.VLAN:
        case ETHERTYPE.QINQ:
        case ETHERTYPE.QINQ_OLD:
          if (end - off < 4) return DecodeStatus.TRUNCATED;
          proto = buf.readUInt16BE(off + 2);
          off += 4;
          continue;
        case ETHERTYPE.MPLS:
        case ETHERTYPE.MPLS_MULTICAST: {
          let bottom = false;
          for (let labels = 0; !bottom && labels < MAX_SHIMS; labels++) {
            if (end - off < 4) return DecodeStatus.TRUNCATED;
            bottom = (buf[off + 2] & 1) === 1;
            off += 4;
          }
          if (!bottom || end - off < 1) return DecodeStatus.MALFORMED;
          const nibble = buf[off] >> 4;
          // a zero nibble is the pseudowire control word, followed by an Ethernet frame
          if (nibble === 0) {
            off += 4;
            proto = NET_ETHERNET;
          } else proto = NET_IP_BY_VERSION;
          continue;
        }
        case ETHERTYPE.PPPOE_SESSION:
          if (end - off < 6) return DecodeStatus.TRUNCATED;
          off += 6;
          proto = NET_PPP;
          continue;
        case NET_PPP: {
          if (end - off < 2) return DecodeStatus.TRUNCATED;
          // protocol field compression (RFC 1661 §6.5): an odd first byte is a one-byte protocol
          const compressed = (buf[off] & 1) === 1;
          const ppp = compressed ? buf[off] : buf.readUInt16BE(off);
          off += compressed ? 1 : 2;
          if (ppp === 0x0021) proto = ETHERTYPE.IPV4;
          else if (ppp === 0x0057) proto = ETHERTYPE.IPV6;
          else return DecodeStatus.NOT_IP;
          continue;
        }
        case NET_IP_BY_VERSION: {
          if (end - off < 1) return DecodeStatus.TRUNCATED;
          const version = buf[off] >> 4;
          if (version === 4) return this.ipv4(buf, off, end, depth);
          if (version === 6) return this.ipv6(buf, off, end, depth);
          return DecodeStatus.MALFORMED;
        }
        default:
          return DecodeStatus.NOT_IP;
      }
    }
    return DecodeStatus.TOO_DEEP;
  }

  private ipv4(buf: Buffer, off: number, end: number, depth: number): DecodeStatus {
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
    const p = this.packet;
    p.ipVersion = 4;
    p.src0 = p.src1 = p.src2 = p.dst0 = p.dst1 = p.dst2 = 0;
    p.src3 = buf.readUInt32BE(off + 12);
    p.dst3 = buf.readUInt32BE(off + 16);
    const protocol = buf[off + 9];
    const frag = buf.readUInt16BE(off + 6);
    if ((frag & 0x3fff) !== 0) {
      const key = `4 ${p.src3} ${p.dst3} ${buf.readUInt16BE(off + 4)} ${protocol}`;
      const start = off + ihl;
      const whole = this.fragments.add(
        key,
        (frag & 0x1fff) * 8,
        (frag & 0x2000) !== 0,
        buf,
        start,
        ipEnd - start,
        p.tsMs,
      );
      if (whole === undefined) return DecodeStatus.FRAGMENT_HELD;
      return transportLayer(this, protocol, whole, 0, whole.length, depth);
    }
    return transportLayer(this, protocol, buf, off + ihl, ipEnd, depth);
  }

  private ipv6(buf: Buffer, off: number, end: number, depth: number): DecodeStatus {
    if (end - off < 40) return DecodeStatus.TRUNCATED;
    if (buf[off] >> 4 !== 6) return DecodeStatus.MALFORMED;
    const payloadLength = buf.readUInt16BE(off + 4);
    let ipEnd = payloadLength === 0 ? end : off + 40 + payloadLength;
    if (ipEnd > end) ipEnd = end;
    const p = this.packet;
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
    for (let headers = 0; headers < MAX_SHIMS; headers++) {
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
        const whole = this.fragments.add(key, field & 0xfff8, (field & 1) === 1, buf, q, ipEnd - q, p.tsMs);
        if (whole === undefined) return DecodeStatus.FRAGMENT_HELD;
        return transportLayer(this, inner, whole, 0, whole.length, depth);
      }
      break;
    }
    if (q > ipEnd) return DecodeStatus.TRUNCATED;
    return transportLayer(this, next, buf, q, ipEnd, depth);
  }
}
