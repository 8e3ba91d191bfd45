import { DecodedPacket, DecodeStatus } from './decoded-packet.type';
import { IpFragmentReassembler } from './ip-fragment.reassembler';
import { type LayerCursor, linkHeader } from './link-layer.parser';
import { ETHERTYPE, NET_ETHERNET, NET_IP_BY_VERSION, NET_PPP } from './link-type.constant';
import { ipv4, ipv6 } from './ip-layer.parser';

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

  /**
   * `reassemble` false: a fragment is only reported (FRAGMENT_HELD) and nothing is kept, for a
   * reader thread that routes frames to shards and must stay stateless.
   */
  constructor(
    maxPendingFragments = 1024,
    readonly reassemble = true,
  ) {
    this.fragments = new IpFragmentReassembler(reassemble ? maxPendingFragments : 0);
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
          return ipv4(this, buf, off, end, depth);
        case ETHERTYPE.IPV6:
          return ipv6(this, buf, off, end, depth);
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
          if (version === 4) return ipv4(this, buf, off, end, depth);
          if (version === 6) return ipv6(this, buf, off, end, depth);
          return DecodeStatus.MALFORMED;
        }
        default:
          return DecodeStatus.NOT_IP;
      }
    }
    return DecodeStatus.TOO_DEEP;
  }
}
