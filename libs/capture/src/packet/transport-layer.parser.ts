import { type DecodedPacket, DecodeStatus } from './decoded-packet.type';
import { ETHERTYPE, NET_ETHERNET, NET_PPP } from './link-type.constant';

/** The part of PacketDecoder the transport layer re-enters for tunnels. */
export interface NetworkLayer {
  readonly packet: DecodedPacket;
  network(proto: number, buf: Buffer, off: number, end: number, depth: number): DecodeStatus;
}

const VXLAN_PORT = 4789;
const GENEVE_PORT = 6081;

/**
 * IP payload -> TCP segment, or into a tunnel:
 *   UDP 4789 VXLAN:  flags u8 (I = 0x08) | reserved 3 | VNI 3 | reserved 1 | Ethernet frame
 *   UDP 6081 Geneve: ver/optlen u8 | flags u8 | protocol u16 | VNI 3 | reserved 1 | options | payload
 *   GRE (47):        flags+version u16 | protocol u16 | [checksum+offset 4] [key 4] [sequence 4]
 *                    ERSPAN I (0x88be, no sequence bit): the Ethernet frame follows directly;
 *                    ERSPAN II (0x88be with sequence): 8-byte header; ERSPAN III (0x22eb): 12 bytes,
 *                    plus an 8-byte platform sub-header when the O bit is set.
 *   IP-in-IP (4), IPv6-in-IP (41).
 */
export function transportLayer(
  net: NetworkLayer,
  protocol: number,
  buf: Buffer,
  off: number,
  end: number,
  depth: number,
): DecodeStatus {
  switch (protocol) {
    case 6:
      return tcp(net.packet, buf, off, end);
    case 17: {
      if (end - off < 8) return DecodeStatus.TRUNCATED;
      const sport = buf.readUInt16BE(off);
      const dport = buf.readUInt16BE(off + 2);
      if (dport === VXLAN_PORT || sport === VXLAN_PORT) {
        if (end - off < 16) return DecodeStatus.TRUNCATED;
        if ((buf[off + 8] & 0x08) === 0) return DecodeStatus.UDP;
        return net.network(NET_ETHERNET, buf, off + 16, end, depth + 1);
      }
      if (dport === GENEVE_PORT) {
        if (end - off < 16) return DecodeStatus.TRUNCATED;
        const options = (buf[off + 8] & 0x3f) * 4;
        const inner = buf.readUInt16BE(off + 10);
        const proto = inner === ETHERTYPE.TRANSPARENT_ETHERNET ? NET_ETHERNET : inner;
        return net.network(proto, buf, off + 16 + options, end, depth + 1);
      }
      return DecodeStatus.UDP;
    }
    case 47:
      return gre(net, buf, off, end, depth);
    case 4:
      return net.network(ETHERTYPE.IPV4, buf, off, end, depth + 1);
    case 41:
      return net.network(ETHERTYPE.IPV6, buf, off, end, depth + 1);
    default:
      return DecodeStatus.OTHER_IP_PROTOCOL;
  }
}

function gre(net: NetworkLayer, buf: Buffer, off: number, end: number, depth: number): DecodeStatus {
  if (end - off < 4) return DecodeStatus.TRUNCATED;
  const flags = buf.readUInt16BE(off);
  let proto = buf.readUInt16BE(off + 2);
  let p = off + 4;
  if (flags & 0xc000) p += 4;
  if (flags & 0x2000) p += 4;
  if (flags & 0x1000) p += 4;
  if ((flags & 7) === 1 && flags & 0x0080) p += 4; // enhanced GRE (PPTP) acknowledgment number
  if (p > end) return DecodeStatus.TRUNCATED;
  switch (proto) {
    case ETHERTYPE.TRANSPARENT_ETHERNET:
      proto = NET_ETHERNET;
      break;
    case ETHERTYPE.ERSPAN_II:
      if (flags & 0x1000) p += 8;
      proto = NET_ETHERNET;
      break;
    case ETHERTYPE.ERSPAN_III:
      if (end - p < 12) return DecodeStatus.TRUNCATED;
      p += buf[p + 11] & 0x01 ? 20 : 12;
      proto = NET_ETHERNET;
      break;
    case 0x880b:
      proto = NET_PPP;
      break;
    default:
      break;
  }
  if (p > end) return DecodeStatus.TRUNCATED;
  return net.network(proto, buf, p, end, depth + 1);
}

function tcp(p: DecodedPacket, buf: Buffer, off: number, end: number): DecodeStatus {
  if (end - off < 20) return DecodeStatus.TRUNCATED;
  const dataOffset = (buf[off + 12] >> 4) * 4;
  if (dataOffset < 20) return DecodeStatus.MALFORMED;
  if (dataOffset > end - off) return DecodeStatus.TRUNCATED;
  p.srcPort = buf.readUInt16BE(off);
  p.dstPort = buf.readUInt16BE(off + 2);
  p.seq = buf.readUInt32BE(off + 4);
  p.ack = buf.readUInt32BE(off + 8);
  p.flags = buf[off + 13];
  p.buf = buf;
  p.payloadOffset = off + dataOffset;
  p.payloadLength = end - off - dataOffset;
  p.hash = flowHash(p);
  return DecodeStatus.TCP;
}

function endpointHash(a0: number, a1: number, a2: number, a3: number, port: number): number {
  let h = Math.imul(a0 ^ 0x5bd1e995, 0x9e3779b1);
  h = Math.imul(h ^ a1, 0x85ebca6b);
  h = Math.imul(h ^ a2, 0xc2b2ae35);
  h = Math.imul(h ^ a3, 0x27d4eb2f);
  h = Math.imul(h ^ port, 0x165667b1);
  return h ^ (h >>> 15);
}

/** Symmetric (both directions hash alike), so a connection lands in one shard and one table slot. */
export function flowHash(p: DecodedPacket): number {
  return mixFlowHash(
    endpointHash(p.src0, p.src1, p.src2, p.src3, p.srcPort) +
      endpointHash(p.dst0, p.dst1, p.dst2, p.dst3, p.dstPort),
  );
}

/** flowHash of an IPv4 segment (addresses in the last word, as the decoder fills them). */
export function ipv4FlowHash(src: number, srcPort: number, dst: number, dstPort: number): number {
  return mixFlowHash(endpointHash(0, 0, 0, src, srcPort) + endpointHash(0, 0, 0, dst, dstPort));
}

function mixFlowHash(sum: number): number {
  let h = sum | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
