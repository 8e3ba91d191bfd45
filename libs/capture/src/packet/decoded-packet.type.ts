/**
 * One decoded TCP segment. The decoder fills a single instance again for every packet (no
 * allocation per packet); consumers read it during the call and copy what they keep. Addresses
 * are 32-bit words: IPv4 uses only the last word, IPv6 all four.
 */
export class DecodedPacket {
  ipVersion = 4;
  src0 = 0;
  src1 = 0;
  src2 = 0;
  src3 = 0;
  dst0 = 0;
  dst1 = 0;
  dst2 = 0;
  dst3 = 0;
  srcPort = 0;
  dstPort = 0;
  seq = 0;
  ack = 0;
  flags = 0;
  /** Symmetric hash of the 5-tuple: equal for both directions of a connection. */
  hash = 0;
  tsMs = 0;
  buf: Buffer = Buffer.alloc(0);
  payloadOffset = 0;
  payloadLength = 0;
}

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_ACK = 0x10;

/** Outcome of decoding one frame; everything but TCP is counted and skipped. */
export const DecodeStatus = {
  TCP: 0,
  NOT_IP: 1,
  UDP: 2,
  OTHER_IP_PROTOCOL: 3,
  UNKNOWN_LINK: 4,
  TRUNCATED: 5,
  MALFORMED: 6,
  FRAGMENT_HELD: 7,
  TOO_DEEP: 8,
  NOT_DATA: 9,
} as const;
export type DecodeStatus = (typeof DecodeStatus)[keyof typeof DecodeStatus];

export const DECODE_STATUS_NAMES: Record<DecodeStatus, string> = {
  0: 'tcp',
  1: 'not IP (ARP, LLDP, STP, ...)',
  2: 'UDP (not a tunnel)',
  3: 'other IP protocol (ICMP, ESP, ...)',
  4: 'unknown link type',
  5: 'truncated headers',
  6: 'malformed headers',
  7: 'IP fragment awaiting the rest',
  8: 'too many nested encapsulations',
  9: 'not a data frame (802.11 management/control, encrypted)',
};
