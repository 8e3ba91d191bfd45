import { ethernet, ipTcp, ipv4Packet, ipv6Packet, tcpSegment, udp } from '../testing/frame-builder.util';
import { DecodeStatus } from './decoded-packet.type';
import { formatIpv4, formatIpv6 } from './ip-address.util';
import { LinkType } from './link-type.constant';
import { PacketDecoder } from './packet.decoder';

const PAYLOAD = 'GET /users/42 HTTP/1.1\r\nHost: api\r\n\r\n';
const v4 = ipTcp({ src: '10.0.0.1', dst: '10.0.0.2', sport: 40000, dport: 80, seq: 1000, payload: PAYLOAD });
const v6 = ipTcp({
  src: '2001:db8::1',
  dst: '2001:db8::2',
  sport: 40000,
  dport: 80,
  seq: 1000,
  payload: PAYLOAD,
});
const hex = (s: string) => Buffer.from(s.replace(/\s/g, ''), 'hex');
const u32le = (n: number) => Buffer.from([n & 255, (n >> 8) & 255, (n >> 16) & 255, n >>> 24]);

function gre(proto: number, payload: Buffer, flags = 0, extra = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(flags, 0);
  head.writeUInt16BE(proto, 2);
  return Buffer.concat([head, extra, payload]);
}
const outer = (protocol: number, payload: Buffer) =>
  ethernet(0x0800, ipv4Packet('192.168.0.1', '192.168.0.2', protocol, payload));

/** name, link type, frame: each one carries the same TCP segment somewhere inside. */
const CASES: Array<[string, number, Buffer, 4 | 6]> = [
  ['Ethernet', LinkType.ETHERNET, ethernet(0x0800, v4), 4],
  ['802.1Q VLAN', LinkType.ETHERNET, ethernet(0x0800, v4, [100]), 4],
  ['QinQ (802.1ad + 802.1Q)', LinkType.ETHERNET, ethernet(0x0800, v4, [10, 200]), 4],
  [
    'MPLS, two labels',
    LinkType.ETHERNET,
    ethernet(0x8847, Buffer.concat([hex('00010040'), hex('00020140'), v4])),
    4,
  ],
  [
    'PPPoE session',
    LinkType.ETHERNET,
    ethernet(0x8864, Buffer.concat([hex('1100 0001'), Buffer.from([0, v4.length + 2]), hex('0021'), v4])),
    4,
  ],
  [
    '802.3 LLC/SNAP',
    LinkType.ETHERNET,
    Buffer.concat([
      hex('020000000001020000000002'),
      Buffer.from([0, v4.length + 8]),
      hex('aaaa03000000 0800'),
      v4,
    ]),
    4,
  ],
  [
    'Linux cooked (SLL)',
    LinkType.LINUX_SLL,
    Buffer.concat([hex('0000 0001 0006 020000000001 0000 0800'), v4]),
    4,
  ],
  [
    'Linux cooked v2 (SLL2)',
    LinkType.LINUX_SLL2,
    Buffer.concat([hex('0800 0000 00000002 0001 00 06 020000000001 0000'), v4]),
    4,
  ],
  ['BSD NULL (host order)', LinkType.NULL, Buffer.concat([u32le(2), v4]), 4],
  ['BSD NULL IPv6 (macOS family 30)', LinkType.NULL, Buffer.concat([u32le(30), v6]), 6],
  ['OpenBSD LOOP (network order)', LinkType.LOOP, Buffer.concat([hex('00000002'), v4]), 4],
  ['raw IP', LinkType.RAW, v4, 4],
  ['raw IPv4 (228)', LinkType.IPV4, v4, 4],
  ['raw IPv6 (229)', LinkType.IPV6, v6, 6],
  ['Cisco HDLC', LinkType.C_HDLC, Buffer.concat([hex('0f00 0800'), v4]), 4],
  ['PPP', LinkType.PPP, Buffer.concat([hex('ff03 0021'), v4]), 4],
  [
    '802.11 QoS data with radiotap',
    LinkType.IEEE802_11_RADIOTAP,
    Buffer.concat([
      hex('0000 0800 00000000'),
      hex('8801 0000'),
      Buffer.alloc(18),
      hex('0000'),
      hex('0000'),
      hex('aaaa03000000 0800'),
      v4,
    ]),
    4,
  ],
  [
    'IPv6 with a hop-by-hop header',
    LinkType.RAW,
    ipv6Packet('2001:db8::1', '2001:db8::2', 0, Buffer.concat([hex('0600 0000 0000 0000'), v6.subarray(40)])),
    6,
  ],
  [
    'IPv6 atomic fragment',
    LinkType.RAW,
    ipv6Packet('2001:db8::1', '2001:db8::2', 44, Buffer.concat([hex('0600 0000 12345678'), v6.subarray(40)])),
    6,
  ],
  [
    'VXLAN (UDP 4789)',
    LinkType.ETHERNET,
    outer(17, udp(51000, 4789, Buffer.concat([hex('0800 0000 000064 00'), ethernet(0x0800, v4)]))),
    4,
  ],
  [
    'Geneve (UDP 6081)',
    LinkType.ETHERNET,
    outer(17, udp(51000, 6081, Buffer.concat([hex('0000 6558 000064 00'), ethernet(0x0800, v4)]))),
    4,
  ],
  ['GRE', LinkType.ETHERNET, outer(47, gre(0x0800, v4)), 4],
  [
    'GRE with key and sequence',
    LinkType.ETHERNET,
    outer(47, gre(0x0800, v4, 0x3000, hex('00000001 00000002'))),
    4,
  ],
  ['GRE transparent Ethernet', LinkType.ETHERNET, outer(47, gre(0x6558, ethernet(0x0800, v4))), 4],
  ['ERSPAN type I', LinkType.ETHERNET, outer(47, gre(0x88be, ethernet(0x0800, v4))), 4],
  [
    'ERSPAN type II',
    LinkType.ETHERNET,
    outer(
      47,
      gre(0x88be, Buffer.concat([hex('10640001 00000000'), ethernet(0x0800, v4)]), 0x1000, hex('00000007')),
    ),
    4,
  ],
  [
    'ERSPAN type III',
    LinkType.ETHERNET,
    outer(
      47,
      gre(
        0x22eb,
        Buffer.concat([hex('20640001 00000000 00000000'), ethernet(0x0800, v4)]),
        0x1000,
        hex('00000007'),
      ),
    ),
    4,
  ],
  [
    'ERSPAN type III with platform sub-header',
    LinkType.ETHERNET,
    outer(
      47,
      gre(
        0x22eb,
        Buffer.concat([hex('20640001 00000000 00000001'), Buffer.alloc(8), ethernet(0x0800, v4)]),
        0x1000,
        hex('00000007'),
      ),
    ),
    4,
  ],
  ['IP in IP', LinkType.ETHERNET, outer(4, v4), 4],
];

describe(PacketDecoder.name, () => {
  it.each(CASES)('should find the TCP segment inside %s', (_name, linkType, frame, version) => {
    const decoder = new PacketDecoder();
    expect(decoder.decode(linkType, frame, 0, frame.length, 1000)).toBe(DecodeStatus.TCP);
    const p = decoder.packet;
    expect([p.srcPort, p.dstPort, p.seq]).toEqual([40000, 80, 1000]);
    expect(p.buf.toString('latin1', p.payloadOffset, p.payloadOffset + p.payloadLength)).toBe(PAYLOAD);
    if (version === 4) expect([formatIpv4(p.src3), formatIpv4(p.dst3)]).toEqual(['10.0.0.1', '10.0.0.2']);
    else expect(formatIpv6(p.dst0, p.dst1, p.dst2, p.dst3)).toBe('2001:db8::2');
  });

  it.each(CASES)('should not throw on any truncation of %s', (_name, linkType, frame) => {
    const decoder = new PacketDecoder();
    for (let cut = 0; cut < frame.length; cut++)
      expect(() => decoder.decode(linkType, frame, 0, cut, 0)).not.toThrow();
  });

  it('should give both directions of a connection the same hash', () => {
    const decoder = new PacketDecoder();
    const a = ipTcp({ src: '10.0.0.1', dst: '10.0.0.2', sport: 40000, dport: 80, seq: 1 });
    const b = ipTcp({ src: '10.0.0.2', dst: '10.0.0.1', sport: 80, dport: 40000, seq: 1 });
    decoder.decode(LinkType.RAW, a, 0, a.length, 0);
    const hash = decoder.packet.hash;
    decoder.decode(LinkType.RAW, b, 0, b.length, 0);
    expect(decoder.packet.hash).toBe(hash);
  });

  it('should reassemble IPv4 fragments that arrive out of order, and report the held ones', () => {
    const decoder = new PacketDecoder();
    const segment = tcpSegment({
      src: '',
      dst: '',
      sport: 40000,
      dport: 80,
      seq: 7,
      payload: 'x'.repeat(100),
    });
    const pieces = [
      ipv4Packet('10.0.0.1', '10.0.0.2', 6, segment.subarray(48), 9, 6),
      ipv4Packet('10.0.0.1', '10.0.0.2', 6, segment.subarray(0, 24), 9, 0x2000),
      ipv4Packet('10.0.0.1', '10.0.0.2', 6, segment.subarray(24, 48), 9, 0x2000 | 3),
    ];
    const statuses = pieces.map((f) => decoder.decode(LinkType.RAW, f, 0, f.length, 0));
    expect(statuses).toEqual([DecodeStatus.FRAGMENT_HELD, DecodeStatus.FRAGMENT_HELD, DecodeStatus.TCP]);
    expect(decoder.packet.payloadLength).toBe(100);
    expect(decoder.fragments.stats.reassembled).toBe(1);
    expect(decoder.fragments.size).toBe(0);
  });

  it('should reassemble IPv6 fragments', () => {
    const decoder = new PacketDecoder();
    const segment = tcpSegment({
      src: '',
      dst: '',
      sport: 40000,
      dport: 80,
      seq: 7,
      payload: 'y'.repeat(60),
    });
    const frag = (offset: number, more: boolean, data: Buffer) =>
      ipv6Packet(
        '2001:db8::1',
        '2001:db8::2',
        44,
        Buffer.concat([
          Buffer.from([6, 0, (offset >> 8) & 0xff, (offset & 0xf8) | (more ? 1 : 0)]),
          hex('0000abcd'),
          data,
        ]),
      );
    const first = frag(0, true, segment.subarray(0, 40));
    const last = frag(40, false, segment.subarray(40));
    expect(decoder.decode(LinkType.RAW, first, 0, first.length, 0)).toBe(DecodeStatus.FRAGMENT_HELD);
    expect(decoder.decode(LinkType.RAW, last, 0, last.length, 0)).toBe(DecodeStatus.TCP);
    expect(decoder.packet.payloadLength).toBe(60);
  });

  it('should bound pending fragments and give the oldest up', () => {
    const decoder = new PacketDecoder(8);
    for (let id = 0; id < 100; id++) {
      const f = ipv4Packet('10.0.0.1', '10.0.0.2', 6, Buffer.alloc(16), id, 0x2000);
      expect(decoder.decode(LinkType.RAW, f, 0, f.length, 0)).toBe(DecodeStatus.FRAGMENT_HELD);
    }
    expect(decoder.fragments.size).toBe(8);
    expect(decoder.fragments.stats.abandoned).toBe(92);
  });

  it.each([
    ['an unknown link type', 147, v4, DecodeStatus.UNKNOWN_LINK],
    ['ARP', LinkType.ETHERNET, ethernet(0x0806, Buffer.alloc(28)), DecodeStatus.NOT_IP],
    [
      'UDP that is not a tunnel',
      LinkType.RAW,
      ipv4Packet('10.0.0.1', '10.0.0.2', 17, udp(5353, 53, Buffer.alloc(12))),
      DecodeStatus.UDP,
    ],
    [
      'ICMP',
      LinkType.RAW,
      ipv4Packet('10.0.0.1', '10.0.0.2', 1, Buffer.alloc(8)),
      DecodeStatus.OTHER_IP_PROTOCOL,
    ],
    ['an IP version 5 packet', LinkType.RAW, Buffer.from([0x50, 0, 0, 0]), DecodeStatus.MALFORMED],
    [
      'twelve nested GRE tunnels',
      LinkType.RAW,
      Array.from({ length: 12 }).reduce<Buffer>(
        (inner) => ipv4Packet('10.9.9.1', '10.9.9.2', 47, gre(0x0800, inner)),
        v4,
      ),
      DecodeStatus.TOO_DEEP,
    ],
  ])('should classify %s without decoding it', (_name, linkType, frame, status) => {
    expect(new PacketDecoder().decode(linkType, frame, 0, frame.length, 0)).toBe(status);
  });
});
