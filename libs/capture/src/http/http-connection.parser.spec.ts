import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';

import { type ApiCall, validateApiCall } from '@apiscope/contracts';

import { buildApiCall } from './api-call.builder';
import { emptyHttpStats } from './http-exchange.type';
import { HttpConnection } from './http-connection.parser';
import { type MemoryBudget } from './memory-budget.type';

type Step = ['c' | 's', string | Buffer] | ['gap-c' | 'gap-s', number];

/** Feeds the steps (client and server bytes in capture order), split into `split`-byte pieces. */
function run(steps: Step[], options: { split?: number; cap?: number; midStream?: boolean } = {}) {
  const calls: ApiCall[] = [];
  const budget: MemoryBudget = { used: 0, limit: 1 << 30 };
  const stats = emptyHttpStats();
  const cap = options.cap ?? 64 * 1024;
  const flow = { id: 'f', client: { ip: '10.0.0.1', port: 40000 }, server: { ip: '10.0.0.2', port: 80 } };
  const connection = new HttpConnection(flow, {
    budget,
    bodyCap: cap,
    scanBudget: 64 * 1024,
    stats,
    emit: (exchange) => {
      const call = buildApiCall(exchange, flow, { sensorId: 't', sensorKind: 'pcap', bodyCap: cap });
      if (typeof call !== 'string') calls.push(call);
    },
  });
  if (options.midStream === true) {
    connection.requests.startUnsynced();
    connection.responses.startUnsynced();
  }
  let ts = 1000;
  for (const [kind, value] of steps) {
    ts += 1;
    if (kind === 'gap-c' || kind === 'gap-s') {
      (kind === 'gap-c' ? connection.requests : connection.responses).gap(value, ts);
      continue;
    }
    const data = typeof value === 'string' ? Buffer.from(value, 'latin1') : (value as Buffer);
    const parser = kind === 'c' ? connection.requests : connection.responses;
    const split = options.split ?? data.length;
    for (let i = 0; i < data.length; i += Math.max(split, 1))
      parser.execute(data, i, Math.min(data.length, i + split), ts);
  }
  connection.close(ts + 1);
  return { calls, stats, budget };
}

const summary = (c: ApiCall) =>
  `${c.request.method} ${c.request.target} -> ${c.response?.status ?? '-'}` +
  `${c.request.body ? ` req:${c.request.body.size}` : ''}${c.response?.body ? ` res:${c.response.body.size}` : ''}${c.incomplete ? ' incomplete' : ''}`;

const GET = (path: string, extra = '') => `GET ${path} HTTP/1.1\r\nHost: api.example.com\r\n${extra}\r\n`;
const OK = (body: string, extra = '') =>
  `HTTP/1.1 200 OK\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`;

const CASES: Array<[string, Step[], string[]]> = [
  [
    'keep-alive exchanges with Content-Length',
    [
      ['c', GET('/a')],
      ['s', OK('{"a":1}')],
      ['c', GET('/b')],
      ['s', OK('[]')],
    ],
    ['GET /a -> 200 res:7', 'GET /b -> 200 res:2'],
  ],
  [
    'pipelined requests answered in order',
    [
      ['c', GET('/1') + GET('/2') + GET('/3')],
      ['s', OK('one') + OK('two') + OK('three')],
    ],
    ['GET /1 -> 200 res:3', 'GET /2 -> 200 res:3', 'GET /3 -> 200 res:5'],
  ],
  [
    'a chunked response with extensions and trailers',
    [
      ['c', GET('/c')],
      [
        's',
        'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;x=y\r\nWiki\r\n6\r\npedia \r\n0\r\nX-Trailer: 1\r\n\r\n',
      ],
      ['c', GET('/d')],
      ['s', OK('')],
    ],
    ['GET /c -> 200 res:10', 'GET /d -> 200'],
  ],
  [
    'a response delimited by the end of the connection',
    [
      ['c', 'GET /old HTTP/1.0\r\n\r\n'],
      ['s', 'HTTP/1.0 200 OK\r\n\r\nuntil close'],
    ],
    ['GET /old -> 200 res:11'],
  ],
  [
    'HEAD: a Content-Length but no body',
    [
      ['c', 'HEAD /h HTTP/1.1\r\nHost: a\r\n\r\n' + GET('/next')],
      ['s', 'HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n' + OK('x')],
    ],
    ['HEAD /h -> 200', 'GET /next -> 200 res:1'],
  ],
  [
    '204 and 304 have no body',
    [
      ['c', GET('/n') + GET('/m')],
      ['s', 'HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n'],
    ],
    ['GET /n -> 204', 'GET /m -> 304'],
  ],
  [
    '100-continue before the request body',
    [
      ['c', 'POST /up HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n'],
      ['s', 'HTTP/1.1 100 Continue\r\n\r\n'],
      ['c', 'hello'],
      ['s', OK('done')],
    ],
    ['POST /up -> 200 req:5 res:4'],
  ],
  [
    'Upgrade to WebSocket: the frames after 101 are not HTTP',
    [
      ['c', GET('/ws', 'Connection: Upgrade\r\nUpgrade: websocket\r\n')],
      [
        's',
        'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n\x81\x05hello',
      ],
      ['c', '\x81\x85abcd1234GET / HTTP/1.1\r\n\r\n'],
    ],
    ['GET /ws -> 101'],
  ],
  [
    'CONNECT: the tunnel is not parsed',
    [
      ['c', 'CONNECT db:5432 HTTP/1.1\r\nHost: db:5432\r\n\r\n'],
      ['s', 'HTTP/1.1 200 Connection established\r\n\r\n'],
      ['c', GET('/inside')],
      ['s', OK('no')],
    ],
    ['CONNECT db:5432 -> 200'],
  ],
  [
    'odd casing and an obs-folded header',
    [
      ['c', 'POST /f HTTP/1.1\r\nhost: a\r\ncontent-LENGTH: 3\r\nX-Long: one\r\n  two\r\n\r\nabc'],
      ['s', 'http/1.1 201 Created\r\nCONTENT-length: 0\r\n\r\n'],
    ],
    ['POST /f -> 201 req:3'],
  ],
  [
    'a request line without a version (HTTP/0.9): the answer is a bare body',
    [
      ['c', 'GET /index.html\r\n'],
      ['s', '<html>hi</html>'],
    ],
    ['GET /index.html -> -'],
  ],
  [
    'a capture gap inside a body of known length: skipped, marked incomplete, next exchange intact',
    [
      ['c', GET('/1')],
      ['s', 'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc'],
      ['gap-s', 4],
      ['s', 'xyz'],
      ['c', GET('/2')],
      ['s', OK('ok')],
    ],
    ['GET /1 -> 200 res:10 incomplete', 'GET /2 -> 200 res:2'],
  ],
  [
    'a gap that swallows a whole head: resynchronised at the next message',
    [
      ['c', GET('/1')],
      ['gap-s', 80],
      ['s', 'partial body bytesHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'],
      ['c', GET('/2')],
    ],
    ['GET /1 -> 200 res:2', 'GET /2 -> -'],
  ],
  [
    'a chunk size of 2^64 is an error, not a wrap-around',
    [
      [
        'c',
        'POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000000\r\nAAAA\r\n0\r\n\r\n' +
          GET('/smuggled'),
      ],
    ],
    ['POST / -> - incomplete', 'GET /smuggled -> -'],
  ],
];

describe(HttpConnection.name, () => {
  it('should find the first full messages of a connection whose start was not captured', () => {
    const steps: Step[] = [
      ['s', 'dy of an earlier answer\r\n' + OK('x')],
      ['c', 'GET of a request\r\n\r\n' + GET('/seen')],
      ['s', OK('y')],
    ];
    const { calls, stats } = run(steps, { midStream: true });
    expect(calls.map(summary)).toEqual(['GET /seen -> 200 res:1']);
    expect(stats.orphanResponses).toBe(1);
  });

  it.each(CASES)('should read %s', (_name, steps, expected) => {
    const { calls, budget } = run(steps);
    expect(calls.map(summary)).toEqual(expected);
    expect(calls.every((c) => validateApiCall(JSON.parse(JSON.stringify(c))).ok)).toBe(true);
    expect(budget.used).toBe(0);
  });

  it.each(CASES)('should read %s the same when every byte arrives alone', (_name, steps, expected) => {
    expect(run(steps, { split: 1 }).calls.map(summary)).toEqual(expected);
  });

  it('should keep request and response heads in wire order with duplicates, and the body as UTF-8 text', () => {
    const { calls } = run([
      [
        'c',
        Buffer.from(
          'POST /users?x=1&x=2 HTTP/1.1\r\nHost: api\r\nCookie: a=1\r\nCookie: b=2\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{"name":"é"}',
          'utf8',
        ),
      ],
      ['s', OK('{"id":1}', 'Content-Type: application/json\r\n')],
    ]);
    expect(calls[0].request).toMatchObject({
      host: 'api',
      path: '/users',
      query: [
        ['x', '1'],
        ['x', '2'],
      ],
      headers: [
        ['Host', 'api'],
        ['Cookie', 'a=1'],
        ['Cookie', 'b=2'],
        ['Content-Type', 'application/json'],
        ['Content-Length', '13'],
      ],
      body: {
        contentType: 'application/json',
        size: 13,
        truncated: false,
        encoding: 'utf8',
        data: '{"name":"é"}',
      },
    });
    expect(calls[0].src).toEqual({ ip: '10.0.0.1', port: 40000 });
    expect(calls[0].durationMs).toBe(1);
  });

  const text = JSON.stringify({
    items: Array.from({ length: 50 }, (_, i) => ({ id: i, name: `item ${i}` })),
  });
  it.each([
    ['gzip', gzipSync(text)],
    ['deflate', deflateSync(text)],
    ['deflate', deflateRawSync(text)],
    ['br', brotliCompressSync(text)],
  ])('should decode a %s response body', (encoding, compressed) => {
    const { calls } = run([
      ['c', GET('/z')],
      [
        's',
        Buffer.concat([
          Buffer.from(
            `HTTP/1.1 200 OK\r\nContent-Encoding: ${encoding}\r\nContent-Length: ${compressed.length}\r\n\r\n`,
          ),
          compressed,
        ]),
      ],
    ]);
    expect(calls[0].response?.body).toEqual({
      size: text.length,
      truncated: false,
      encoding: 'utf8',
      data: text,
    });
  });

  it('should keep the first bytes of a body past the cap and say it was truncated', () => {
    const big = 'a'.repeat(100_000);
    const { calls } = run(
      [
        ['c', GET('/big')],
        ['s', OK(big)],
      ],
      { cap: 1024 },
    );
    expect(calls[0].response?.body).toEqual({
      size: 100_000,
      truncated: true,
      encoding: 'utf8',
      data: 'a'.repeat(1024),
    });
  });

  it('should carry a binary body as base64', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const { calls } = run([
      ['c', GET('/logo.png')],
      ['s', Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${png.length}\r\n\r\n`), png])],
    ]);
    expect(calls[0].response?.body).toMatchObject({
      encoding: 'base64',
      data: png.toString('base64'),
      size: 16,
    });
  });

  it('should give up the oldest of too many unanswered pipelined requests and count it', () => {
    const { calls, stats } = run([['c', Array.from({ length: 70 }, (_, i) => GET(`/${i}`)).join('')]]);
    expect(calls).toHaveLength(70);
    expect(stats.pipelineOverflow).toBe(6);
  });
});
