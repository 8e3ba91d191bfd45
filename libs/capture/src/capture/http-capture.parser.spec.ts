import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type ApiCall, validateApiCall } from '@apiscope/contracts';

import { CORPUS_DIR, corpusCaptures } from '../testing/corpus-path.util';
import { ethernet, ipTcp, pcapFile, type TcpSpec } from '../testing/frame-builder.util';
import { type CaptureStats } from './capture-stats.type';
import { type HttpCaptureOptions } from './http-capture-options.type';
import { HttpCaptureParser } from './http-capture.parser';
import { mergeCaptureStats } from './merge-capture-stats.util';
import { diagnoseNoHttp } from './no-http-diagnosis.util';

function parse(data: Buffer, options: Partial<HttpCaptureOptions> = {}, chunk = data.length) {
  const calls: ApiCall[] = [];
  const engine = new HttpCaptureParser({ sensorId: 'spec', ...options, onCall: (c) => calls.push(c) });
  for (let i = 0; i < data.length; i += chunk) engine.push(data.subarray(i, i + chunk));
  return { calls, stats: engine.finish() };
}

const captures = corpusCaptures();

const frame = (spec: TcpSpec, tsMs: number) => ({
  data: ethernet(spec.src.includes(':') ? 0x86dd : 0x0800, ipTcp(spec)),
  tsMs,
});
const SYN = 0x02;

/** `count` connections: a SYN and a complete request each, no answer. */
function manyRequests(count: number, spacingMs = 1) {
  return pcapFile(
    Array.from({ length: count }, (_, i) => {
      const base = {
        src: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        dst: '10.99.0.1',
        sport: 1024 + (i % 60000),
        dport: 80,
      };
      return [
        frame({ ...base, seq: 1, flags: SYN }, i * spacingMs),
        frame({ ...base, seq: 2, payload: `GET /r/${i} HTTP/1.1\r\nHost: a\r\n\r\n` }, i * spacingMs),
      ];
    }).flat(),
    1,
  );
}

describe(HttpCaptureParser.name, () => {
  it.each(captures)('should produce the same valid events from %s whatever the read size', (file) => {
    const data = readFileSync(join(CORPUS_DIR, file));
    const whole = parse(data);
    const pieces = parse(data, {}, 7);
    expect(JSON.stringify(pieces.calls)).toBe(JSON.stringify(whole.calls));
    for (const call of whole.calls)
      expect(validateApiCall(JSON.parse(JSON.stringify(call)))).toMatchObject({ ok: true });
    expect(whole.stats.memoryUsed).toBe(0);
  });

  it.each(captures.filter((f) => f.startsWith('api-pcaps')))(
    'should split %s over 3 shards without losing or doubling an event',
    (file) => {
      const data = readFileSync(join(CORPUS_DIR, file));
      const whole = parse(data);
      const shards = [0, 1, 2].map((shardIndex) => parse(data, { shardIndex, shardCount: 3 }));
      const ids = shards.flatMap((s) => s.calls.map((c) => c.id)).sort();
      expect(ids).toEqual(whole.calls.map((c) => c.id).sort());
      const merged = mergeCaptureStats(shards.map((s) => s.stats));
      expect(merged.calls).toBe(whole.stats.calls);
      expect(merged.tcp.flows).toBe(whole.stats.tcp.flows);
      expect(merged.read.frames).toBe(whole.stats.read.frames);
    },
  );

  it('should flush the oldest connections when the flow table is full, and count them', () => {
    const { calls, stats } = parse(manyRequests(1000), { maxFlows: 100 });
    expect(calls).toHaveLength(1000);
    expect(stats.tcp.evictedFlowLimit).toBe(900);
    expect(stats.openFlows).toBe(0);
  });

  it('should flush connections that went idle (capture time)', () => {
    const { calls, stats } = parse(manyRequests(10, 60_000), { idleTimeoutMs: 30_000 });
    expect(calls).toHaveLength(10);
    expect(stats.tcp.closedIdle).toBe(9);
  });

  it('should evict the oldest connections when held bytes pass the memory limit', () => {
    // each connection holds an out-of-order segment (its first bytes never arrive)
    const frames = Array.from({ length: 200 }, (_, i) => {
      const base = { src: '10.0.0.1', dst: '10.0.0.2', sport: 2000 + i, dport: 80 };
      return [
        frame({ ...base, seq: 1, flags: SYN }, i),
        frame({ ...base, seq: 5000, payload: 'x'.repeat(1000) }, i),
      ];
    }).flat();
    const { stats } = parse(pcapFile(frames, 1), { memoryLimitBytes: 50_000 });
    expect(stats.tcp.evictedMemory).toBeGreaterThan(140);
    expect(stats.memoryUsed).toBe(0);
  });

  const diagnose = (frames: Array<{ data: Buffer; tsMs: number }>, linkType = 1) =>
    diagnoseNoHttp(parse(pcapFile(frames, linkType)).stats);
  const tls = Buffer.from('160301020001000200', 'hex');
  it.each([
    [
      'TLS on 443',
      [frame({ src: '10.0.0.1', dst: '10.0.0.2', sport: 5000, dport: 443, seq: 1, payload: tls }, 0)],
      1,
      /TLS \(1 connections on port 443\)/,
    ],
    [
      'cleartext HTTP/2',
      [
        frame(
          {
            src: '10.0.0.1',
            dst: '10.0.0.2',
            sport: 5000,
            dport: 80,
            seq: 1,
            payload: 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n',
          },
          0,
        ),
      ],
      1,
      /HTTP\/2/,
    ],
    ['an unknown link type', [{ data: Buffer.alloc(40), tsMs: 0 }], 147, /link type 147 is not supported/],
    [
      'no TCP at all',
      [{ data: ethernet(0x0806, Buffer.alloc(28)), tsMs: 0 }],
      1,
      /none of the 1 packets is TCP/,
    ],
    [
      'responses only',
      [
        frame(
          {
            src: '10.0.0.2',
            dst: '10.0.0.1',
            sport: 80,
            dport: 5000,
            seq: 1,
            payload: 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n',
          },
          0,
        ),
      ],
      1,
      /responses were seen but none of their requests/,
    ],
  ])('should say why there is no HTTP: %s', (_name, frames, linkType, reason) => {
    expect(diagnose(frames, linkType)).toMatch(reason);
  });

  it('should say the input was empty or not a capture', () => {
    expect(diagnoseNoHttp(parse(Buffer.alloc(0)).stats)).toMatch(/empty/);
    const garbage: CaptureStats = parse(Buffer.from('this is not a capture file')).stats;
    expect(diagnoseNoHttp(garbage)).toMatch(/could not be read \(not a pcap or pcapng capture/);
  });
});
