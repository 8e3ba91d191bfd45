import { readFileSync } from 'node:fs';

import fc from 'fast-check';

import { validateApiCall } from '@apiscope/contracts';

import { emptyHttpStats } from '../http/http-exchange.type';
import { HttpConnection } from '../http/http-connection.parser';
import { type MemoryBudget } from '../http/memory-budget.type';
import { corpusFile } from '../testing/corpus-path.util';
import { ethernet, ipTcp, pcapFile } from '../testing/frame-builder.util';
import { HttpCaptureParser } from './http-capture.parser';

const REAL = readFileSync(corpusFile('arkime', 'tcp-reassembly-synthetic', 'tcp-reassembly-synthetic.pcap'));

function engine(options: { maxFlows?: number } = {}) {
  let calls = 0;
  const parser = new HttpCaptureParser({ sensorId: 'fuzz', ...options, onCall: () => (calls += 1) });
  return { parser, calls: () => calls };
}

/** An HTTP connection fed directly, with its memory budget, for stream-level hostility. */
function connection(bodyCap = 1024) {
  const budget: MemoryBudget = { used: 0, limit: 1 << 30 };
  const stats = emptyHttpStats();
  let emitted = 0;
  const flow = { id: 'f', client: { ip: '10.0.0.1', port: 1 }, server: { ip: '10.0.0.2', port: 80 } };
  const c = new HttpConnection(flow, {
    budget,
    bodyCap,
    scanBudget: 64 * 1024,
    stats,
    emit: (exchange) => {
      emitted += 1;
      exchange.requestBody?.release();
      exchange.responseBody?.release();
    },
  });
  return { c, budget, stats, emitted: () => emitted };
}

const TOKENS = [
  'GET ',
  'POST ',
  '/x ',
  'HTTP/1.1',
  'HTTP/1.0 200 OK',
  '\r\n',
  '\n',
  '\r\n\r\n',
  'Content-Length: 5',
  'Content-Length: 99999999999999',
  'Content-Length: -1',
  'Transfer-Encoding: chunked',
  'ffffffffffffffffffff\r\n',
  '0\r\n\r\n',
  '5\r\nhello\r\n',
  'Connection: upgrade',
  'Upgrade: h2c',
  'HTTP/1.1 101 Switching',
  'HTTP/1.1 100 Continue\r\n\r\n',
  'Host: a',
  ': ',
  ' folded',
  '\x00\xff\x16\x03',
];
const httpishStream = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 20 })), { maxLength: 200 })
  .map((parts) => Buffer.from(parts.join(''), 'latin1'));

describe('hostile input', () => {
  it('should never throw on random bytes given as a capture', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.integer({ min: 1, max: 512 }), (bytes, chunk) => {
        const { parser } = engine();
        const data = Buffer.from(bytes);
        for (let i = 0; i < data.length; i += chunk) parser.push(data.subarray(i, i + chunk));
        const stats = parser.finish();
        expect(stats.memoryUsed).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('should never throw on random records after a valid pcap header, whatever the link type', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 50 }),
        fc.constantFrom(0, 1, 9, 101, 104, 105, 108, 113, 127, 228, 229, 276),
        (frames, link) => {
          const { parser } = engine();
          parser.push(
            pcapFile(
              frames.map((f, i) => ({ data: Buffer.from(f), tsMs: i })),
              link,
            ),
          );
          expect(parser.finish().memoryUsed).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('should survive a real capture truncated anywhere and with bytes flipped, and release all memory', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: REAL.length }),
        fc.array(fc.tuple(fc.nat(REAL.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
        (cut, flips) => {
          const data = Buffer.from(REAL.subarray(0, cut));
          for (const [at, value] of flips) if (at < data.length) data[at] = value;
          const { parser } = engine();
          parser.push(data);
          expect(parser.finish().memoryUsed).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('should never throw on HTTP-shaped garbage in either direction, split anywhere, and keep memory bounded', () => {
    fc.assert(
      fc.property(httpishStream, httpishStream, fc.integer({ min: 1, max: 64 }), (client, server, split) => {
        const { c, budget, stats, emitted } = connection();
        for (let i = 0; i < Math.max(client.length, server.length); i += split) {
          if (i < client.length) c.requests.execute(client, i, Math.min(client.length, i + split), i);
          if (i < server.length) c.responses.execute(server, i, Math.min(server.length, i + split), i);
          expect(budget.used).toBeLessThanOrEqual(2 * 64 * 1024 + 8 * 1024);
          if (i % 7 === 0) c.responses.gap(3, i);
        }
        c.close(1e6);
        expect(budget.used).toBe(0);
        expect(emitted()).toBe(stats.requests);
      }),
      { numRuns: 500 },
    );
  });

  it('should emit only contract-valid events, whatever the HTTP-shaped bytes on the wire', () => {
    fc.assert(
      fc.property(
        httpishStream,
        httpishStream,
        fc.string({ maxLength: 40, unit: 'binary' }),
        (client, server, target) => {
          const request = Buffer.concat([
            Buffer.from(`GET /${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`, 'utf8'),
            client,
          ]);
          const frames = [
            { src: '10.0.0.1', dst: '10.0.0.2', sport: 40000, dport: 80, seq: 1, flags: 0x02 },
            { src: '10.0.0.1', dst: '10.0.0.2', sport: 40000, dport: 80, seq: 2, payload: request },
            { src: '10.0.0.2', dst: '10.0.0.1', sport: 80, dport: 40000, seq: 9, payload: server },
          ].map((spec, i) => ({ data: ethernet(0x0800, ipTcp(spec)), tsMs: i }));
          const invalid: string[] = [];
          const parser = new HttpCaptureParser({
            sensorId: 'fuzz',
            onCall: (call) => {
              const verdict = validateApiCall(JSON.parse(JSON.stringify(call)));
              if (!verdict.ok) invalid.push(JSON.stringify(verdict.issues));
            },
          });
          parser.push(pcapFile(frames, 1));
          parser.finish();
          expect(invalid).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('should count down a huge Content-Length without keeping more than the cap', () => {
    const { c, budget } = connection(1024);
    c.requests.execute(Buffer.from('POST / HTTP/1.1\r\nContent-Length: 9999999999999\r\n\r\n'), 0, 49, 0);
    const block = Buffer.alloc(64 * 1024, 0x61);
    for (let i = 0; i < 200; i++) c.requests.execute(block, 0, block.length, i);
    expect(budget.used).toBeLessThanOrEqual(1024);
    c.close(1);
    expect(budget.used).toBe(0);
  });

  it('should follow an endless run of chunks and a chunk-size line that never ends, within bounds', () => {
    const { c, budget, stats } = connection(1024);
    c.responses.execute(Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'), 0, 46, 0);
    const chunks = Buffer.from('1\r\na\r\n'.repeat(10_000));
    for (let i = 0; i < 20; i++) c.responses.execute(chunks, 0, chunks.length, i);
    expect(budget.used).toBeLessThanOrEqual(1024);
    const endless = Buffer.alloc(100_000, 0x31);
    c.responses.execute(endless, 0, endless.length, 99);
    expect(stats.parseErrors).toBe(1);
    c.close(100);
    expect(budget.used).toBe(0);
  });

  it('should bound a head that never ends', () => {
    const { c, budget, stats } = connection();
    c.requests.execute(Buffer.from('GET / HTTP/1.1\r\n'), 0, 16, 0);
    const header = Buffer.from('X-Filler: ' + 'x'.repeat(1000) + '\r\n');
    for (let i = 0; i < 500; i++) c.requests.execute(header, 0, header.length, i);
    expect(budget.used).toBeLessThanOrEqual(64 * 1024);
    expect(stats.parseErrors).toBeGreaterThan(0);
    c.close(1);
    expect(budget.used).toBe(0);
  });

  it('should keep the flow table bounded under a flood of one-packet connections, counting what it flushed', () => {
    const { parser } = engine({ maxFlows: 5_000 });
    for (let batch = 0; batch < 20; batch++) {
      const frames = Array.from({ length: 5_000 }, (_, i) => {
        const n = batch * 5_000 + i;
        return {
          data: ethernet(
            0x0800,
            ipTcp({
              src: `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}`,
              dst: '10.255.0.1',
              sport: 1024 + (n % 50_000),
              dport: 80,
              seq: 1,
              flags: 0x02,
            }),
          ),
          tsMs: n,
        };
      });
      const file = pcapFile(frames, 1);
      parser.push(batch === 0 ? file : file.subarray(24));
    }
    const stats = parser.snapshot();
    expect(stats.openFlows).toBeLessThanOrEqual(5_000);
    expect(stats.tcp.flows).toBe(100_000);
    expect(stats.tcp.evictedFlowLimit).toBe(95_000);
  });
});
