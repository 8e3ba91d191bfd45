import { DecodeStatus } from './decoded-packet.type';
import { ETHERTYPE, LinkType, NET_ETHERNET, NET_IP_BY_VERSION, NET_PPP } from './link-type.constant';

/** Reused cursor: where the next layer starts. */
export interface LayerCursor {
  offset: number;
}

/** BSD/Linux/macOS address families found in NULL/LOOP headers. */
const AF_INET = 2;
const AF_INET6 = new Set([10, 24, 28, 30]);

/**
 * Strips the link-layer header of `linkType`. Returns the next protocol (an ethertype or one of
 * the NET_* pseudo protocols) with `cursor.offset` at its first byte, or a negative DecodeStatus.
 *
 *   NULL/LOOP:  family u32 (host order for NULL, network order for LOOP)
 *   SLL (16):   packet type u16 | ARPHRD u16 | addr len u16 | addr 8 | protocol u16
 *   SLL2 (20):  protocol u16 | reserved u16 | ifindex u32 | ARPHRD u16 | type u8 | addr len u8 | addr 8
 *   C_HDLC (4): address u8 | control u8 | protocol u16 (an ethertype)
 *   PPP:        [0xff 0x03] protocol u16 (PPP numbers: 0x0021 IPv4, 0x0057 IPv6)
 *   802.11:     [radiotap: version u8 | pad u8 | length u16 LE | ...] MAC header | LLC/SNAP | ethertype
 */
export function linkHeader(
  linkType: number,
  buf: Buffer,
  off: number,
  end: number,
  cursor: LayerCursor,
): number {
  switch (linkType) {
    case LinkType.ETHERNET:
      cursor.offset = off;
      return NET_ETHERNET;
    case LinkType.RAW:
    case LinkType.RAW_BSD_12:
    case LinkType.RAW_BSD_14:
    case LinkType.IPV4:
    case LinkType.IPV6:
      cursor.offset = off;
      return NET_IP_BY_VERSION;
    case LinkType.NULL:
    case LinkType.LOOP: {
      if (end - off < 4) return -DecodeStatus.TRUNCATED;
      cursor.offset = off + 4;
      const family = linkType === LinkType.LOOP ? buf.readUInt32BE(off) : buf.readUInt32LE(off);
      const swapped = buf.readUInt32BE(off);
      if (family === AF_INET || swapped === AF_INET) return ETHERTYPE.IPV4;
      if (AF_INET6.has(family) || AF_INET6.has(swapped)) return ETHERTYPE.IPV6;
      return -DecodeStatus.NOT_IP;
    }
    case LinkType.LINUX_SLL:
      if (end - off < 16) return -DecodeStatus.TRUNCATED;
      cursor.offset = off + 16;
      return buf.readUInt16BE(off + 14);
    case LinkType.LINUX_SLL2:
      if (end - off < 20) return -DecodeStatus.TRUNCATED;
      cursor.offset = off + 20;
      return buf.readUInt16BE(off);
    case LinkType.C_HDLC:
      if (end - off < 4) return -DecodeStatus.TRUNCATED;
      cursor.offset = off + 4;
      return buf.readUInt16BE(off + 2);
    case LinkType.PPP:
    case LinkType.PPP_HDLC:
      cursor.offset = end - off >= 2 && buf[off] === 0xff && buf[off + 1] === 0x03 ? off + 2 : off;
      return NET_PPP;
    case LinkType.PPPOE:
      if (end - off < 6) return -DecodeStatus.TRUNCATED;
      cursor.offset = off + 6;
      return NET_PPP;
    case LinkType.IEEE802_11_RADIOTAP: {
      if (end - off < 4) return -DecodeStatus.TRUNCATED;
      const length = buf.readUInt16LE(off + 2);
      if (length < 4 || length > end - off) return -DecodeStatus.MALFORMED;
      return ieee80211(buf, off + length, end, cursor);
    }
    case LinkType.IEEE802_11:
      return ieee80211(buf, off, end, cursor);
    default:
      return -DecodeStatus.UNKNOWN_LINK;
  }
}

/** Data frames only; protected (encrypted) frames cannot be read. */
function ieee80211(buf: Buffer, off: number, end: number, cursor: LayerCursor): number {
  if (end - off < 24) return -DecodeStatus.TRUNCATED;
  const fc0 = buf[off];
  const fc1 = buf[off + 1];
  const type = (fc0 >> 2) & 0x3;
  const subtype = (fc0 >> 4) & 0xf;
  if (type !== 2 || subtype & 0x4 || fc1 & 0x40) return -DecodeStatus.NOT_DATA;
  let header = 24;
  if ((fc1 & 0x3) === 0x3) header += 6; // ToDS and FromDS: a fourth address
  if (subtype & 0x8) {
    header += 2; // QoS control
    if (fc1 & 0x80) header += 4; // HT control
  }
  const llc = off + header;
  if (end - llc < 8) return -DecodeStatus.TRUNCATED;
  if (buf[llc] !== 0xaa || buf[llc + 1] !== 0xaa || buf[llc + 2] !== 0x03) return -DecodeStatus.NOT_IP;
  cursor.offset = llc + 8;
  return buf.readUInt16BE(llc + 6);
}
