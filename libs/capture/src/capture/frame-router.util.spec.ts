import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type ApiCall } from '@apiscope/contracts';

import { CORPUS_DIR, corpusCaptures } from '../testing/corpus-path.util';
import { ethernet, ipTcp, ipv4Packet, pcapFile, tcpSegment, udp } from '../testing/frame-builder.util';
import { type CaptureStats } from './capture-stats.type';
import { FrameRouter } from './frame-router.util';
import { HttpCaptureParser } from './http-capture.parser';
import { mergeRoutedCaptureStats } from './merge-routed-stats.util';

const ACK = 0x10;
const SYN = 0x02;

/** One engine over the whole capture, as `--workers 1` runs it. */
function whole(data: Buffer) {
  const calls: ApiCall[] = [];
  const engine = new HttpCaptureParser({ sensorId: 'spec', onCall: (c) => calls.push(c) });
  engine.push(data);
  return { calls, stats: engine.finish() };
}

/** A FrameRouter feeding `count` engines, as `--workers N` runs them, in pieces of `chunk` bytes. */
function routed(data: Buffer, count: number, chunk: number) {
  const calls: ApiCall[] = [];
  const shards = Array.from(
    { length: count },
    (_, shardIndex) =>
      new HttpCaptureParser({
        sensorId: 'spec',
        shardIndex,
        shardCount: count,
        onCall: (c) => calls.push(c),
      }),
  );
  const received = new Array<number>(count).fill(0);
  const router = new FrameRouter(count, {
    routed(shard, linkType, buf, offset, length, tsMs) {
      for (let i = 0; i < count; i++) {
        if (shard !== -1 && shard !== i) continue;
        received[i] += 1;
        shards[i].routedFrame(linkType, buf, offset, length, tsMs, shard === -1);
      }
    },
  });
  for (let i = 0; i < data.length; i += chunk) router.push(data.subarray(i, i + chunk));
  const stats = mergeRoutedCaptureStats(
    router.stats(),
    shards.map((s) => s.finish()),
  );
  return { calls, stats, received };
}

/**
 * The figures to compare: idle closes are left out, because a shard's clock advances with its own
 * packets only, so a connection can be closed as idle by one engine and at the end by a shard.
 */
const figures = (stats: CaptureStats) => ({ ...stats, tcp: { ...stats.tcp, closedIdle: 0 } });

const byId = (calls: ApiCall[]) => [...calls].sort((a, b) => a.id.localeCompare(b.id));

const captures = corpusCaptures();

/**
 * Connections whose requests arrive as IPv4 fragments (out of order, one inside VXLAN), mixed with
 * plain connections, a UDP datagram and an ARP frame.
 */
function fragmentedCapture(): Buffer {
  const frames: Array<{ data: Buffer; tsMs: number }> = [];
  for (let i = 0; i < 12; i++) {
    const base = { src: `10.0.1.${i + 1}`, dst: '10.0.0.2', sport: 40000 + i, dport: 80 };
    const request = `POST /frag/${i} HTTP/1.1\r\nHost: a\r\nContent-Length: 300\r\n\r\n${'y'.repeat(300)}`;
    const response = 'HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok';
    const segment = tcpSegment({ ...base, seq: 2, payload: request });
    const pieces = [
      ipv4Packet(base.src, base.dst, 6, segment.subarray(200), 100 + i, 25),
      ipv4Packet(base.src, base.dst, 6, segment.subarray(0, 200), 100 + i, 0x2000),
    ];
    const tunnel = (inner: Buffer) =>
      ethernet(
        0x0800,
        ipv4Packet(
          '192.168.0.1',
          '192.168.0.2',
          17,
          udp(50000, 4789, Buffer.concat([Buffer.from('0800000000000100', 'hex'), ethernet(0x0800, inner)])),
        ),
      );
    const wrap = i % 3 === 0 ? tunnel : (inner: Buffer) => ethernet(0x0800, inner);
    frames.push(
      { data: wrap(ipTcp({ ...base, seq: 1, flags: SYN })), tsMs: i * 10 },
      ...pieces.map((p) => ({ data: wrap(p), tsMs: i * 10 + 1 })),
      {
        data: wrap(
          ipTcp({
            src: base.dst,
            dst: base.src,
            sport: 80,
            dport: base.sport,
            seq: 1,
            ack: 2 + request.length,
            flags: ACK | 0x08,
            payload: response,
          }),
        ),
        tsMs: i * 10 + 2,
      },
      {
        data: ethernet(0x0800, ipv4Packet('10.0.0.9', '10.0.0.10', 17, udp(53, 53, Buffer.alloc(12)))),
        tsMs: i * 10 + 3,
      },
      { data: ethernet(0x0806, Buffer.alloc(28)), tsMs: i * 10 + 4 },
    );
  }
  return pcapFile(frames, 1);
}

describe(FrameRouter.name, () => {
  it.each(captures)(
    'should give the events and figures of one engine over %s with 3 routed shards',
    (file) => {
      const data = readFileSync(join(CORPUS_DIR, file));
      const one = whole(data);
      const three = routed(data, 3, 100_000);
      expect(JSON.stringify(byId(three.calls))).toBe(JSON.stringify(byId(one.calls)));
      expect(figures(three.stats)).toEqual(figures(one.stats));
    },
  );

  it('should route the fragments of a connection to the shard that owns it, tunnelled or not', () => {
    const data = fragmentedCapture();
    const one = whole(data);
    expect(one.calls).toHaveLength(12);
    expect(one.stats.fragments.reassembled).toBe(12);
    for (const count of [2, 3, 5]) {
      const shards = routed(data, count, 333);
      expect(JSON.stringify(byId(shards.calls))).toBe(JSON.stringify(byId(one.calls)));
      expect(figures(shards.stats)).toEqual(figures(one.stats));
    }
  });

  it('should send each TCP segment to one shard only, and frames without TCP to none', () => {
    const data = fragmentedCapture();
    const { stats, received } = routed(data, 3, data.length);
    const fragments = 24;
    const segments = stats.read.frames - fragments - 24; // minus the UDP and ARP frames
    expect(received.reduce((a, b) => a + b, 0)).toBe(segments + 3 * fragments);
  });
});
