import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { type ApiCall, validateApiCall } from '@apiscope/contracts';

import { parseHar } from './har.parser';
import { type HarReadResult } from './har-read.type';

/** Real exports copied from mitmproxy and mitmproxy2swagger (see corpus/OTHER_INDEX.tsv). */
// ../shared/corpus beside the checkout, as in CI; APISCOPE_CORPUS overrides
const HAR_DIR = join(
  process.env['APISCOPE_CORPUS'] ?? resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus'),
  'har',
);
const SAFARI_CACHE = 'answered from the browser cache (_fetchType "Memory Cache"), nothing was sent';

const readText = (file: string): string => readFileSync(join(HAR_DIR, file), 'utf8');
const read = (file: string): HarReadResult => parseHar(readText(file), { sensorId: 'har-test' });
const countEntries = (file: string): number =>
  (JSON.parse(readText(file).replace(/^\uFEFF/, '')) as { log: { entries: unknown[] } }).log.entries.length;
const callOf = (result: HarReadResult, entry: number): ApiCall => {
  const call = result.calls.find((c) => c.id === `har-test:${entry}`);
  if (!call) throw new Error(`no call for entry ${entry}`);
  return call;
};
const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe(parseHar.name, () => {
  it.each([
    ['mitmproxy/flows/corrupted_gzip_body.har', 1, []],
    ['mitmproxy/flows/diff_data.har', 5, []],
    ['mitmproxy/flows/error_log.har', 2, []],
    ['mitmproxy/flows/event_stream.har', 2, []],
    ['mitmproxy/flows/incomplete_log.har', 4, []],
    ['mitmproxy/flows/successful_log.har', 2, []],
    ['mitmproxy/flows/websocket.har', 3, []],
    ['mitmproxy/har_files/charles.har', 1, []],
    ['mitmproxy/har_files/chrome.har', 3, []],
    ['mitmproxy/har_files/firefox.har', 14, []],
    ['mitmproxy/har_files/head-content-length.har', 1, []],
    ['mitmproxy/har_files/insomnia.har', 1, []],
    ['mitmproxy/har_files/postdata.har', 1, []],
    ['mitmproxy/har_files/safari.har', 19, range(1, 16)],
    ['mitmproxy/har_files/with-bom.har', 1, []],
    ['mitmproxy2swagger/headers_and_params_har.har', 1, []],
  ])('should read %s (%i entries), skipping entries %j', (file, entries, skippedEntries) => {
    const result = read(file);
    expect(countEntries(file)).toBe(entries);
    expect(result.skipped.map((s) => s.entry)).toEqual(skippedEntries);
    expect(result.calls).toHaveLength(entries - skippedEntries.length);
    for (const call of result.calls) expect(validateApiCall(call)).toEqual({ ok: true, call });
    expect(read(file)).toEqual(result);
  });

  it('should skip the 16 Safari memory-cache entries, which list no request headers', () => {
    const result = read('mitmproxy/har_files/safari.har');
    expect(new Set(result.skipped.map((s) => s.reason))).toEqual(new Set([SAFARI_CACHE]));
    expect(result.calls.map((c) => c.id)).toEqual(['har-test:0', 'har-test:17', 'har-test:18']);
    // content.size is 0 there although the text is the whole 23866-byte page
    expect(callOf(result, 0).response?.body).toMatchObject({
      size: 23866,
      truncated: false,
      encoding: 'utf8',
    });
  });

  it('should read the Chrome entries: HTTP/2 pseudo-headers dropped, a 304 without body, a failed load', () => {
    const result = read('mitmproxy/har_files/chrome.har');
    const revalidated = callOf(result, 0);
    expect(revalidated).toMatchObject({
      ts: Date.parse('2023-03-30T00:00:54.250Z'),
      dst: { ip: '108.138.246.80', port: 443 },
      request: { method: 'GET', scheme: 'https', host: 'mitmproxy.org', target: '/', path: '/', query: [] },
      response: { status: 304 },
    });
    expect(revalidated.request.headers).toHaveLength(21 - 4);
    expect(revalidated.request.headers.filter(([name]) => name.startsWith(':'))).toEqual([]);
    expect(revalidated.response?.body).toBeUndefined();
    const offline = callOf(result, 1);
    expect(offline.response).toBeUndefined();
    expect(offline.dst).toBeUndefined();
    expect(offline.request.headers).toHaveLength(13);
    const logo = callOf(result, 2);
    expect(logo.request.host).toBe('www.google.com');
    expect(logo.request.headers).toHaveLength(27 - 4);
    expect(logo.request.headers.filter(([name]) => name === 'cookie')).toHaveLength(1);
    expect(logo.response?.body).toMatchObject({
      contentType: 'image/png',
      size: 7108,
      truncated: false,
      encoding: 'base64',
    });
  });

  it('should cap the 98065-byte Firefox favicon at 64 KiB of base64 data', () => {
    const favicon = callOf(read('mitmproxy/har_files/firefox.har'), 13);
    expect(favicon.response?.body).toMatchObject({ size: 98065, truncated: true, encoding: 'base64' });
    expect(Buffer.from(favicon.response?.body?.data ?? '', 'base64')).toHaveLength(65536);
    expect(favicon.dst).toBeUndefined();
  });

  it('should keep the Firefox S3 query as written', () => {
    const s3 = callOf(read('mitmproxy/har_files/firefox.har'), 11);
    expect(s3).toMatchObject({
      ts: Date.parse('2023-03-29T16:58:59.543-07:00'),
      dst: { ip: '52.218.234.208', port: 443 },
      durationMs: 247,
      request: {
        host: 's3-us-west-2.amazonaws.com',
        target: '/snapshots.mitmproxy.org?delimiter=/&prefix=',
        path: '/snapshots.mitmproxy.org',
        query: [
          ['delimiter', '/'],
          ['prefix', ''],
        ],
      },
      response: { status: 200, body: { contentType: 'application/xml', size: 3406, truncated: false } },
    });
    expect(s3.request.headers).toHaveLength(12);
  });

  it('should read the file with a byte-order mark exactly as the same file without it', () => {
    const withBom = read('mitmproxy/har_files/with-bom.har');
    expect(withBom).toEqual(read('mitmproxy/har_files/postdata.har'));
    expect(callOf(withBom, 0)).toMatchObject({
      dst: { ip: '99.83.181.31', port: 443 },
      request: {
        method: 'POST',
        host: 'signal-metrics-collector-beta.s-onetag.com',
        path: '/metrics',
        body: { contentType: 'text/plain;charset=UTF-8', size: 1310, truncated: false, encoding: 'utf8' },
      },
      response: { status: 200 },
    });
    expect(callOf(withBom, 0).request.headers).toHaveLength(20 - 4);
    expect(callOf(withBom, 0).response?.body).toBeUndefined();
  });

  it('should take sizes from the text when mitmproxy wrote the compressed size', () => {
    const result = read('mitmproxy/flows/diff_data.har');
    expect(callOf(result, 1).response?.body).toMatchObject({
      contentType: 'image/svg+xml',
      size: 509,
      truncated: false,
    });
    expect(callOf(result, 3).request).toMatchObject({
      method: 'POST',
      host: 'clients4.google.com',
      target: '/chrome-sync/command/?client=Google+Chrome&client_id=PyIKPe4Z1cTqdvB7d%2BFPCQ%3D%3D',
      path: '/chrome-sync/command/',
      query: [
        ['client', 'Google Chrome'],
        ['client_id', 'PyIKPe4Z1cTqdvB7d+FPCQ=='],
      ],
      body: { contentType: 'application/octet-stream', truncated: false, encoding: 'utf8' },
    });
    expect(callOf(result, 4).request.headers.filter(([name]) => name === 'cookie')).toHaveLength(6);
  });

  it('should keep a non-default port and the still-gzipped body of corrupted_gzip_body.har', () => {
    expect(callOf(read('mitmproxy/flows/corrupted_gzip_body.har'), 0)).toMatchObject({
      dst: { ip: '127.0.0.1', port: 5000 },
      request: { scheme: 'http', host: '127.0.0.1:5000', target: '/' },
      response: {
        status: 200,
        body: { size: 24, truncated: false, encoding: 'base64', data: 'H4sIAAAAAAAAAyE+EjNBD/iT6u4EAAAA' },
      },
    });
  });

  it('should keep requests that got no response (status 0) without a response', () => {
    const errors = read('mitmproxy/flows/error_log.har');
    expect(callOf(errors, 0)).toMatchObject({ request: { method: 'GET', scheme: 'http', host: '163.com' } });
    expect(callOf(errors, 0).response).toBeUndefined();
    expect(callOf(errors, 1)).toMatchObject({
      request: { method: 'POST', path: '/get', body: { size: 23, data: 'key1=value1&key2=value2' } },
      response: { status: 405, body: { contentType: 'text/html', size: 178 } },
    });
    const incomplete = read('mitmproxy/flows/incomplete_log.har');
    expect(
      incomplete.calls.map((c) => [c.request.method, c.request.host, c.response, c.request.body]),
    ).toEqual([
      ['GET', 'example.com', undefined, undefined],
      ['GET', 'google.com', undefined, undefined],
      ['POST', 'google.com', undefined, undefined],
      ['POST', 'google.com', undefined, undefined],
    ]);
  });

  it('should read the WebSocket upgrades and event streams as plain exchanges without bodies', () => {
    const upgrade = callOf(read('mitmproxy/flows/websocket.har'), 0);
    expect(upgrade).toMatchObject({
      request: {
        path: '/v3/channel_123',
        query: [
          ['api_key', 'VCXCEuvhGcBDP7XhiJJUDvR1e1D3eiVjgZ9VRiaV'],
          ['notify_self', ''],
        ],
      },
      response: { status: 101 },
    });
    expect(upgrade.request.headers).toHaveLength(14);
    expect(upgrade.response?.headers).toHaveLength(6);
    expect(upgrade.response?.body).toBeUndefined();
    const stream = read('mitmproxy/flows/event_stream.har').calls;
    expect(stream.map((c) => [c.response?.status, c.response?.body])).toEqual([
      [200, undefined],
      [200, undefined],
    ]);
  });

  it('should read the small exports: Charles, Insomnia, HEAD, mitmproxy2swagger', () => {
    expect(callOf(read('mitmproxy/har_files/charles.har'), 0)).toMatchObject({
      request: { target: '/?=', path: '/', query: [['', '']] },
      response: { status: 200, body: { contentType: 'text/html', size: 23866 } },
    });
    const insomnia = callOf(read('mitmproxy/har_files/insomnia.har'), 0);
    expect(insomnia.request).toEqual({
      method: 'GET',
      scheme: 'http',
      host: 'mitm.it',
      target: '/',
      path: '/',
      query: [],
      headers: [],
    });
    expect(insomnia.response?.body).toMatchObject({ size: 250, truncated: false });
    const head = callOf(read('mitmproxy/har_files/head-content-length.har'), 0);
    expect([
      head.request.method,
      head.response?.status,
      head.response?.headers.length,
      head.response?.body,
    ]).toEqual(['HEAD', 200, 25, undefined]);
    expect(callOf(read('mitmproxy2swagger/headers_and_params_har.har'), 0)).toEqual({
      v: 1,
      id: 'har-test:0',
      ts: Date.parse('2024-01-01T00:00:00.000Z'),
      sensor: { id: 'har-test', kind: 'har' },
      request: {
        method: 'GET',
        scheme: 'https',
        host: 'httpbin.org',
        target: '/get?search=test',
        path: '/get',
        query: [['search', 'test']],
        headers: [['X-Api-Key', 'mykey']],
      },
      response: {
        status: 200,
        headers: [['Content-Type', 'application/json']],
        body: { contentType: 'application/json', size: 2, truncated: false, encoding: 'utf8', data: '{}' },
      },
      durationMs: 2,
    });
  });
});
