/**
 * Writes a synthetic capture for the packet-sensor benchmark: classic pcap, Ethernet/IPv4/TCP,
 * many concurrent keep-alive connections of REST traffic (GET/POST/PUT/DELETE, JSON bodies,
 * Content-Length and chunked responses, some multi-segment), with a share of segments delivered
 * out of order and a share retransmitted, as a SPAN port sees them. Deterministic (seeded).
 *
 * Usage: node -r @swc-node/register bench/pcap-generate.ts [OUT] [EXCHANGES]
 *   defaults: bench/results/bench-80k.pcap, 80000 exchanges (~80 MB)
 * Prints one JSON line: { file, bytes, packets, exchanges, outOfOrder, retransmitted }.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

const OUT = process.argv[2] ?? join(__dirname, 'results', 'bench-80k.pcap');
const EXCHANGES = Number(process.argv[3] ?? 80_000);
const PER_CONNECTION = 40;
const CONCURRENT = 64;
const MSS = 1448;

let seed = 0x2545f491;
function rand(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];

const out = Buffer.alloc(8 * 1024 * 1024);
let used = 0;
mkdirSync(dirname(OUT), { recursive: true });
const fd = openSync(OUT, 'w');
const stats = { file: OUT, bytes: 0, packets: 0, exchanges: 0, outOfOrder: 0, retransmitted: 0 };
function write(buf: Buffer): void {
  if (used + buf.length > out.length) {
    writeSync(fd, out, 0, used);
    stats.bytes += used;
    used = 0;
  }
  buf.copy(out, used);
  used += buf.length;
}

function checksum(buf: Buffer, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i += 2) sum += (buf[i] << 8) | (i + 1 < end ? buf[i + 1] : 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

let clockUs = Date.UTC(2026, 0, 15, 9, 0, 0) * 1000;
function packet(
  src: number,
  dst: number,
  sport: number,
  dport: number,
  seq: number,
  ack: number,
  flags: number,
  payload: Buffer,
): void {
  const frame = Buffer.alloc(14 + 20 + 20 + payload.length);
  frame.writeUInt32BE(0x02000000, 0);
  frame.writeUInt16BE(dst & 0xffff, 4);
  frame.writeUInt32BE(0x02000000, 6);
  frame.writeUInt16BE(src & 0xffff, 10);
  frame.writeUInt16BE(0x0800, 12);
  frame[14] = 0x45;
  frame.writeUInt16BE(40 + payload.length, 16);
  frame.writeUInt16BE(stats.packets & 0xffff, 18);
  frame[22] = 64;
  frame[23] = 6;
  frame.writeUInt32BE(src >>> 0, 26);
  frame.writeUInt32BE(dst >>> 0, 30);
  frame.writeUInt16BE(checksum(frame, 14, 34), 24);
  frame.writeUInt16BE(sport, 34);
  frame.writeUInt16BE(dport, 36);
  frame.writeUInt32BE(seq >>> 0, 38);
  frame.writeUInt32BE(ack >>> 0, 42);
  frame[46] = 0x50;
  frame[47] = flags;
  frame.writeUInt16BE(65535, 48);
  payload.copy(frame, 54);
  const record = Buffer.alloc(16);
  clockUs += 3 + Math.floor(rand() * 20);
  record.writeUInt32LE(Math.floor(clockUs / 1e6), 0);
  record.writeUInt32LE(clockUs % 1e6, 4);
  record.writeUInt32LE(frame.length, 8);
  record.writeUInt32LE(frame.length, 12);
  write(record);
  write(frame);
  stats.packets += 1;
}

const services = ['orders', 'users', 'catalog', 'payments', 'inventory', 'search'];
const names = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Edsger Dijkstra', 'Barbara Liskov'];

function requestFor(i: number): { head: string; body: string } {
  const service = pick(services);
  const id = 1000 + Math.floor(rand() * 90000);
  const host = `${service}.internal.example.com`;
  const auth =
    rand() < 0.7
      ? `Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIke2l9In0.${i.toString(36)}\r\n`
      : '';
  const common = `Host: ${host}\r\nUser-Agent: okhttp/4.12.0\r\nAccept: application/json\r\nAccept-Encoding: gzip\r\n${auth}X-Request-Id: ${i.toString(16)}-${id}\r\n`;
  const r = rand();
  if (r < 0.6)
    return {
      head: `GET /v1/${service}/${id}?fields=name,email&page=${i % 7} HTTP/1.1\r\n${common}\r\n`,
      body: '',
    };
  const body = JSON.stringify({
    id,
    name: pick(names),
    email: `user${id}@example.com`,
    items: [{ sku: `SKU-${id % 97}`, qty: 1 + (id % 5) }],
  });
  const method = r < 0.85 ? 'POST' : r < 0.95 ? 'PUT' : 'DELETE';
  return {
    head: `${method} /v1/${service}${method === 'POST' ? '' : `/${id}`} HTTP/1.1\r\n${common}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
    body,
  };
}

function responseFor(): Buffer {
  const big = rand() < 0.06;
  const records = Array.from(
    { length: big ? 20 + Math.floor(rand() * 16) : 1 + Math.floor(rand() * 3) },
    (_, k) => ({
      id: k,
      name: pick(names),
      email: `person${k}@example.org`,
      active: k % 2 === 0,
    }),
  );
  const body = JSON.stringify({ data: records, next: null });
  const status = rand() < 0.05 ? '404 Not Found' : '200 OK';
  const common = `Date: Thu, 15 Jan 2026 09:00:00 GMT\r\nContent-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\nX-Trace-Id: ${Math.floor(rand() * 1e12).toString(16)}\r\n`;
  if (rand() < 0.2) {
    const half = body.length >> 1;
    const chunk = (s: string) => `${Buffer.byteLength(s).toString(16)}\r\n${s}\r\n`;
    return Buffer.from(
      `HTTP/1.1 ${status}\r\n${common}Transfer-Encoding: chunked\r\n\r\n${chunk(body.slice(0, half))}${chunk(body.slice(half))}0\r\n\r\n`,
    );
  }
  return Buffer.from(
    `HTTP/1.1 ${status}\r\n${common}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

interface Conn {
  client: number;
  server: number;
  sport: number;
  cseq: number;
  sseq: number;
  left: number;
}

/** Sends `data` as MSS-sized segments; sometimes swaps two of them or repeats one. */
function send(c: Conn, fromClient: boolean, data: Buffer): void {
  const segments: Array<{ seq: number; data: Buffer }> = [];
  let seq = fromClient ? c.cseq : c.sseq;
  for (let off = 0; off < data.length; off += MSS) {
    const part = data.subarray(off, off + MSS);
    segments.push({ seq, data: part });
    seq = (seq + part.length) >>> 0;
  }
  if (segments.length > 1 && rand() < 0.15) {
    const k = Math.floor(rand() * (segments.length - 1));
    [segments[k], segments[k + 1]] = [segments[k + 1], segments[k]];
    stats.outOfOrder += 1;
  }
  const [src, dst, sp, dp, ack] = fromClient
    ? [c.client, c.server, c.sport, 8080, c.sseq]
    : [c.server, c.client, 8080, c.sport, c.cseq + 0];
  for (const s of segments) {
    packet(src, dst, sp, dp, s.seq, fromClient ? ack : c.cseq, 0x18, s.data);
    if (rand() < 0.01) {
      packet(src, dst, sp, dp, s.seq, fromClient ? ack : c.cseq, 0x18, s.data);
      stats.retransmitted += 1;
    }
  }
  if (fromClient) c.cseq = seq;
  else c.sseq = seq;
  // the receiver acknowledges everything
  packet(dst, src, dp, sp, fromClient ? c.sseq : c.cseq, seq, 0x10, Buffer.alloc(0));
}

let nextPort = 20000;
function open(): Conn {
  const c: Conn = {
    client: (10 << 24) | (1 << 16) | Math.floor(rand() * 65000),
    server: (10 << 24) | (2 << 16) | (1 + Math.floor(rand() * 20)),
    sport: nextPort++,
    cseq: Math.floor(rand() * 4e9),
    sseq: Math.floor(rand() * 4e9),
    left: PER_CONNECTION,
  };
  if (nextPort > 65000) nextPort = 20000;
  packet(c.client, c.server, c.sport, 8080, c.cseq, 0, 0x02, Buffer.alloc(0));
  packet(c.server, c.client, 8080, c.sport, c.sseq, c.cseq + 1, 0x12, Buffer.alloc(0));
  c.cseq = (c.cseq + 1) >>> 0;
  c.sseq = (c.sseq + 1) >>> 0;
  packet(c.client, c.server, c.sport, 8080, c.cseq, c.sseq, 0x10, Buffer.alloc(0));
  return c;
}

const header = Buffer.alloc(24);
header.writeUInt32LE(0xa1b2c3d4, 0);
header.writeUInt16LE(2, 4);
header.writeUInt16LE(4, 6);
header.writeUInt32LE(262144, 16);
header.writeUInt32LE(1, 20);
write(header);

const live: Conn[] = [];
while (stats.exchanges < EXCHANGES) {
  while (live.length < CONCURRENT) live.push(open());
  const k = Math.floor(rand() * live.length);
  const c = live[k];
  const { head, body } = requestFor(stats.exchanges);
  send(c, true, Buffer.from(head + body));
  send(c, false, responseFor());
  stats.exchanges += 1;
  if (--c.left === 0) {
    packet(c.client, c.server, c.sport, 8080, c.cseq, c.sseq, 0x11, Buffer.alloc(0));
    packet(c.server, c.client, 8080, c.sport, c.sseq, c.cseq + 1, 0x11, Buffer.alloc(0));
    packet(c.client, c.server, c.sport, 8080, c.cseq + 1, c.sseq + 1, 0x10, Buffer.alloc(0));
    live.splice(k, 1);
  }
}
for (const c of live) {
  packet(c.client, c.server, c.sport, 8080, c.cseq, c.sseq, 0x11, Buffer.alloc(0));
  packet(c.server, c.client, 8080, c.sport, c.sseq, c.cseq + 1, 0x11, Buffer.alloc(0));
}
writeSync(fd, out, 0, used);
stats.bytes += used;
closeSync(fd);
process.stdout.write(`${JSON.stringify(stats)}\n`);
