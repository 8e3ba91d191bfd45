import { KongReader } from './kong.parser';
import { parseLogText } from './log-parser.factory';
import { callOf, skipOf, TEST_OPTIONS } from './log-parser-test.util';
import { LogSkipCode } from './log-skip.exception';

/**
 * Kong's log serializer payload as its http-log / file-log docs describe it ("Log format",
 * docs.konghq.com/hub/kong-inc/http-log/): request/response with headers (a repeated header as an
 * array), client_ip, started_at, latencies; Authorization written as REDACTED since Kong 2.0.
 */
function entry(request: object = {}, response: object = {}, extra: object = {}): object {
  return {
    request: {
      method: 'POST',
      uri: '/orders?expand=items',
      url: 'https://api.example.com:8443/orders?expand=items',
      size: 312,
      querystring: { expand: 'items' },
      headers: {
        host: 'api.example.com',
        authorization: 'REDACTED',
        'content-type': 'application/json',
        'content-length': '27',
        'x-forwarded-for': ['203.0.113.1', '10.0.0.1'],
      },
      ...request,
    },
    upstream_uri: '/orders?expand=items',
    response: {
      status: 201,
      size: 420,
      headers: { 'Content-Type': 'application/json', 'Content-Length': '88' },
      ...response,
    },
    latencies: { request: 38, kong: 2, proxy: 35 },
    client_ip: '203.0.113.1',
    started_at: 1700000000123,
    ...extra,
  };
}

describe(KongReader.name, () => {
  it('should turn a file-log line into the exact ApiCall, keeping every header', () => {
    expect(callOf('kong', JSON.stringify(entry()))).toEqual({
      v: 1,
      id: 'gw:f:1',
      ts: 1700000000123,
      sensor: { id: 'gw', kind: 'log:kong' },
      src: { ip: '203.0.113.1', port: 0 },
      request: {
        method: 'POST',
        scheme: 'https',
        host: 'api.example.com',
        target: '/orders?expand=items',
        path: '/orders',
        query: [['expand', 'items']],
        headers: [
          ['host', 'api.example.com'],
          // Kong redacts the value; the header still shows credentials were sent
          ['authorization', 'REDACTED'],
          ['content-type', 'application/json'],
          ['content-length', '27'],
          ['x-forwarded-for', '203.0.113.1'],
          ['x-forwarded-for', '10.0.0.1'],
        ],
        body: { contentType: 'application/json', size: 27, truncated: true, encoding: 'utf8' },
      },
      response: {
        status: 201,
        headers: [
          ['Content-Type', 'application/json'],
          ['Content-Length', '88'],
        ],
        body: { contentType: 'application/json', size: 88, truncated: true, encoding: 'utf8' },
      },
      durationMs: 38,
    });
  });

  it('should keep bodies when a custom serializer logs them', () => {
    const call = callOf(
      'kong',
      JSON.stringify(entry({ body: '{"sku":"A-1","quantity":2}' }, { body: '{"id":7}' })),
    );
    expect(call.request.body).toEqual({
      contentType: 'application/json',
      size: 26,
      truncated: false,
      encoding: 'utf8',
      data: '{"sku":"A-1","quantity":2}',
    });
    expect(call.response?.body).toMatchObject({ size: 8, data: '{"id":7}', truncated: false });
  });

  it('should read an http-log batch (a JSON array) with one id per item', () => {
    const result = parseLogText('kong', JSON.stringify([entry(), entry({ method: 'GET' })]), TEST_OPTIONS);
    expect(result.records.map((r) => [r.call.id, r.call.request.method])).toEqual([
      ['gw:f:1.0', 'POST'],
      ['gw:f:1.1', 'GET'],
    ]);
  });

  it('should read a pretty-printed record and report its first line', () => {
    const text = `${JSON.stringify(entry(), null, 2)}\n${JSON.stringify(entry(), null, 4)}\n`;
    const result = parseLogText('kong', text, TEST_OPTIONS);
    const second = JSON.stringify(entry(), null, 2).split('\n').length + 1;
    expect(result.records.map((r) => r.call.id)).toEqual(['gw:f:1', `gw:f:${second}`]);
  });

  it.each([
    ['the credential is hidden (hide_credentials) but a consumer is named', {}, { headers: [] }],
    [
      'the key is in the query',
      { url: 'https://api.example.com/orders?apikey=k1' },
      { headers: [['host', 'api.example.com']] },
    ],
  ])('should mark headers unknown only when %s', (_name, request, expected) => {
    const headers = { host: 'api.example.com' };
    const call = callOf(
      'kong',
      JSON.stringify(entry({ headers, ...request }, {}, { consumer: { username: 'demo' } })),
    );
    expect(call.request).toMatchObject(expected);
  });

  it.each([
    ['a record without request', JSON.stringify({ response: { status: 200 } }), LogSkipCode.NOT_THIS_FORMAT],
    ['a record without started_at', JSON.stringify({ ...entry(), started_at: 'soon' }), LogSkipCode.BAD_TIME],
    ['a request without method', JSON.stringify(entry({ method: null })), LogSkipCode.NO_REQUEST],
    ['a line that is not JSON', 'kong started', LogSkipCode.NOT_JSON],
    ['a record cut off at the end of the file', '{\n  "request": {', LogSkipCode.NOT_JSON],
    ['a 2 MB record', JSON.stringify(entry({ body: 'x'.repeat(2 << 20) })), LogSkipCode.TOO_LONG],
    ['a JSON string', '"hello"', LogSkipCode.NOT_JSON],
  ])('should skip %s', (_name, text, code) => {
    expect(skipOf('kong', text).code).toBe(code);
  });

  it('should skip a pretty-printed record over 1 MiB without keeping it, then read on', () => {
    const big = JSON.stringify(entry({ body: 'x'.repeat(1 << 20) }), null, 2);
    const result = parseLogText('kong', `${big}\n${JSON.stringify(entry())}`, TEST_OPTIONS);
    expect(result.skipped.map((s) => [s.line, s.code])).toEqual([[1, LogSkipCode.TOO_LONG]]);
    expect(result.records).toHaveLength(1);
  });
});
