/**
 * Why libs/capture has its own HTTP/1.x parser: the same message streams (80,000 requests and
 * 80,000 keep-alive responses like those of bench/pcap-generate.ts, fed in 1,448-byte segments as
 * TCP delivers them) parsed into method/target/status, header pairs and bodies by
 *   - HttpStreamParser (libs/capture: byte scanning with indexOf, one string per head),
 *   - Node's own llhttp (`require('_http_common').HTTPParser`, undocumented, native),
 *   - http-parser-js (pure JavaScript, the replacement Node once shipped).
 * Prints the best of BENCH_RUNS (default 5) CPU times per parser and messages/s.
 * Usage: npm run bench http-parser
 */
import { createRequire } from 'node:module';

import { HttpStreamParser } from '@apiscope/capture';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const MESSAGES = 80_000;
const SEGMENT = 1448;

function streams(): { requests: Buffer; responses: Buffer } {
  const requests: string[] = [];
  const responses: string[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    const body = JSON.stringify({
      data: [{ id: i, name: 'Ada Lovelace', email: `user${i}@example.com`, active: true }],
      next: null,
    });
    requests.push(
      `GET /v1/orders/${1000 + i}?fields=name,email&page=${i % 7} HTTP/1.1\r\nHost: orders.internal.example.com\r\nUser-Agent: okhttp/4.12.0\r\n` +
        `Accept: application/json\r\nAccept-Encoding: gzip\r\nAuthorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.${i.toString(36)}\r\nX-Request-Id: ${i.toString(16)}\r\n\r\n`,
    );
    responses.push(
      `HTTP/1.1 200 OK\r\nDate: Thu, 15 Jan 2026 09:00:00 GMT\r\nContent-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\n` +
        `X-Trace-Id: ${(i * 7919).toString(16)}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  return { requests: Buffer.from(requests.join('')), responses: Buffer.from(responses.join('')) };
}

type Parse = (data: Buffer, isRequest: boolean) => number;

/** Feeds `data` in segment-sized pieces; returns the number of messages completed. */
function ours(data: Buffer, isRequest: boolean): number {
  let done = 0;
  const budget = { used: 0, limit: 1 << 30 };
  const owner = {
    onHead: () => 0 as const,
    onMessageEnd: (_p: HttpStreamParser, body: { release(): void } | undefined) => {
      body?.release();
      done += 1;
    },
    onParseError: () => undefined,
  };
  const parser = new HttpStreamParser(isRequest, owner, budget, 64 * 1024, 64 * 1024);
  for (let i = 0; i < data.length; i += SEGMENT)
    parser.execute(data, i, Math.min(data.length, i + SEGMENT), 0);
  return done;
}

interface NodeHttpParser {
  initialize(type: number, resource: object, maxHeaderSize?: number, lenient?: number): void;
  execute(data: Buffer): unknown;
  [key: number]: unknown;
}
interface NodeHttpParserClass {
  new (): NodeHttpParser;
  REQUEST: number;
  RESPONSE: number;
  kOnHeaders: number;
  kOnHeadersComplete: number;
  kOnBody: number;
  kOnMessageComplete: number;
}
const nodeRequire = createRequire(__filename);

/** Node's llhttp binding, with header pairs and copied bodies, as the sensor would need them. */
function llhttp(data: Buffer, isRequest: boolean): number {
  const { HTTPParser } = nodeRequire('_http_common') as { HTTPParser: NodeHttpParserClass };
  const parser = new HTTPParser();
  parser.initialize(isRequest ? HTTPParser.REQUEST : HTTPParser.RESPONSE, {}, 0, 0);
  let done = 0;
  let pending: string[] = [];
  parser[HTTPParser.kOnHeaders] = (headers: string[]) => void pending.push(...headers);
  parser[HTTPParser.kOnHeadersComplete] = (_major: number, _minor: number, headers: string[] | undefined) => {
    const flat = headers ?? pending;
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
    pending = [];
    return 0;
  };
  parser[HTTPParser.kOnBody] = (chunk: Buffer) => void Buffer.from(chunk);
  parser[HTTPParser.kOnMessageComplete] = () => void (done += 1);
  for (let i = 0; i < data.length; i += SEGMENT)
    parser.execute(data.subarray(i, Math.min(data.length, i + SEGMENT)));
  return done;
}

/** http-parser-js, the same way. */
function httpParserJs(data: Buffer, isRequest: boolean): number {
  const { HTTPParser } = nodeRequire('http-parser-js') as {
    HTTPParser: NodeHttpParserClass & (new (type: number) => NodeHttpParser);
  };
  const parser = new HTTPParser(isRequest ? HTTPParser.REQUEST : HTTPParser.RESPONSE);
  let done = 0;
  parser[HTTPParser.kOnHeadersComplete] = (info: { headers: string[] }) => {
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i < info.headers.length; i += 2) pairs.push([info.headers[i], info.headers[i + 1]]);
    return 0;
  };
  parser[HTTPParser.kOnBody] = (chunk: Buffer, start: number, length: number) =>
    void Buffer.from(chunk.subarray(start, start + length));
  parser[HTTPParser.kOnMessageComplete] = () => void (done += 1);
  for (let i = 0; i < data.length; i += SEGMENT)
    parser.execute(data.subarray(i, Math.min(data.length, i + SEGMENT)));
  return done;
}

const { requests, responses } = streams();
const mb = (requests.length + responses.length) / 1e6;
console.log(
  `${MESSAGES} requests + ${MESSAGES} responses, ${mb.toFixed(1)} MB, in ${SEGMENT}-byte segments; best of ${RUNS} runs (CPU time)\n`,
);
for (const [name, parse] of [
  ['HttpStreamParser (libs/capture)', ours],
  ['llhttp (Node _http_common)', llhttp],
  ['http-parser-js', httpParserJs],
] as Array<[string, Parse]>) {
  let best = Infinity;
  let messages = 0;
  for (let r = 0; r < RUNS; r++) {
    const start = process.cpuUsage();
    messages = parse(requests, true) + parse(responses, false);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  console.log(
    `${name.padEnd(34)} ${best.toFixed(3)} s  ${Math.round(messages / best)
      .toLocaleString('en-US')
      .padStart(10)} messages/s  ${(mb / best).toFixed(0).padStart(5)} MB/s  (${messages} messages)`,
  );
}
