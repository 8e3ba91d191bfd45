import { type ApiCall } from '@apiscope/contracts';

import { parseHar } from './har.parser';
import { HarFormatException, HarFormatExceptionCode } from './har-format.exception';
import { type HarReadOptions, type HarReadResult } from './har-read.type';

const OPTIONS: HarReadOptions = { sensorId: 'laptop' };

/** A complete, valid Chrome-like entry; each test breaks one thing. */
function entry(
  overrides: Record<string, unknown> = {},
  request: Record<string, unknown> = {},
  response: Record<string, unknown> = {},
) {
  return {
    startedDateTime: '2024-05-01T10:00:00.000Z',
    time: 12.5,
    serverIPAddress: '93.184.216.34',
    request: {
      method: 'GET',
      url: 'https://api.example.com/users/42?fields=name',
      headers: [{ name: 'authorization', value: 'Bearer abc' }],
      bodySize: 0,
      ...request,
    },
    response: {
      status: 200,
      headers: [{ name: 'content-type', value: 'application/json' }],
      content: { size: 11, mimeType: 'application/json', text: '{"id":"42"}' },
      ...response,
    },
    ...overrides,
  };
}

const har = (...entries: unknown[]): string => JSON.stringify({ log: { version: '1.2', entries } });
const readOne = (value: unknown, options: HarReadOptions = OPTIONS): HarReadResult =>
  parseHar(har(value), options);
const callOf = (value: unknown, options: HarReadOptions = OPTIONS): ApiCall => {
  const { calls, skipped } = readOne(value, options);
  if (calls.length !== 1) throw new Error(`expected one call, got skips ${JSON.stringify(skipped)}`);
  return calls[0];
};
const reasonOf = (value: unknown): string | undefined => readOne(value).skipped[0]?.reason;

function formatError(text: string): HarFormatException {
  try {
    parseHar(text, OPTIONS);
  } catch (error) {
    if (error instanceof HarFormatException) return error;
    throw error;
  }
  throw new Error('parseHar did not throw');
}

describe(parseHar.name, () => {
  it('should turn a valid entry into the exact ApiCall', () => {
    expect(callOf(entry())).toEqual({
      v: 1,
      id: 'laptop:0',
      ts: Date.parse('2024-05-01T10:00:00.000Z'),
      sensor: { id: 'laptop', kind: 'har' },
      dst: { ip: '93.184.216.34', port: 443 },
      request: {
        method: 'GET',
        scheme: 'https',
        host: 'api.example.com',
        target: '/users/42?fields=name',
        path: '/users/42',
        query: [['fields', 'name']],
        headers: [['authorization', 'Bearer abc']],
      },
      response: {
        status: 200,
        headers: [['content-type', 'application/json']],
        body: {
          contentType: 'application/json',
          size: 11,
          truncated: false,
          encoding: 'utf8',
          data: '{"id":"42"}',
        },
      },
      durationMs: 12.5,
    });
  });

  it.each([
    [
      'not JSON',
      '{"log": {"entries": [',
      HarFormatExceptionCode.NOT_JSON,
      /^not a HAR file: invalid JSON \(/,
    ],
    ['empty', ' \n', HarFormatExceptionCode.NOT_JSON, /^not a HAR file: it is empty$/],
    ['only a byte-order mark', '\uFEFF', HarFormatExceptionCode.NOT_JSON, /^not a HAR file: it is empty$/],
    [
      'JSON without log',
      '{"entries": []}',
      HarFormatExceptionCode.NOT_HAR,
      /^not a HAR file: log is missing$/,
    ],
    ['a JSON array', '[]', HarFormatExceptionCode.NOT_HAR, /^not a HAR file: log is missing$/],
    ['JSON null', 'null', HarFormatExceptionCode.NOT_HAR, /^not a HAR file: log is missing$/],
    [
      'a log without entries',
      '{"log": {"version": "1.2"}}',
      HarFormatExceptionCode.NOT_HAR,
      /^not a HAR file: log\.entries is missing$/,
    ],
    [
      'entries that are not a list',
      '{"log": {"entries": {}}}',
      HarFormatExceptionCode.NOT_HAR,
      /^not a HAR file: log\.entries is not an array$/,
    ],
  ])('should refuse a file that is %s with one line and a code', (_what, text, code, message) => {
    const error = formatError(text);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/\n/);
  });

  it('should keep the JSON error on one line even when the bad input spans lines', () => {
    expect(formatError('{\n  "log":\n  nope\n}').message).not.toMatch(/\n/);
  });

  it('should read an empty entries list after a byte-order mark', () => {
    expect(parseHar(`\uFEFF${har()}`, OPTIONS)).toEqual({ calls: [], skipped: [] });
  });

  it.each([
    ['null', null, 'entry is null, not an object'],
    ['a number', 42, 'entry is 42, not an object'],
    [
      'an entry with no request',
      { startedDateTime: '2024-05-01T10:00:00Z', response: { status: 200 } },
      'request is missing',
    ],
    ['an entry whose request is a string', { ...entry(), request: 'GET /' }, 'request is missing'],
    [
      'a missing method',
      entry({}, { method: undefined }),
      'request.method nothing is not an HTTP method token',
    ],
    [
      'a method with a space',
      entry({}, { method: 'GE T' }),
      'request.method "GE T" is not an HTTP method token',
    ],
    ['a missing URL', entry({}, { url: undefined }), 'request.url is missing'],
    ['a relative URL', entry({}, { url: '/users/42' }), 'request.url "/users/42" is not an absolute URL'],
    [
      'a WebSocket URL',
      entry({}, { url: 'wss://echo.example.com/socket' }),
      'request.url scheme "wss" is not http or https',
    ],
    [
      'a data URL',
      entry({}, { url: 'data:image/png;base64,iVBORw0KGgo=' }),
      'request.url scheme "data" is not http or https',
    ],
    [
      'an extension URL',
      entry({}, { url: 'chrome-extension://abcdef/popup.html' }),
      'request.url scheme "chrome-extension" is not http or https',
    ],
    [
      'a URL without host',
      entry({}, { url: 'http:///x' }),
      'request.url "http:///x" has an invalid host or port',
    ],
    [
      'a URL with a space in the host',
      entry({}, { url: 'http://exa mple.com/' }),
      'request.url "http://exa mple.com/" has an invalid host or port',
    ],
    [
      'a URL with port 99999',
      entry({}, { url: 'http://h:99999/' }),
      'request.url "http://h:99999/" has an invalid host or port',
    ],
    [
      'a URL without //',
      entry({}, { url: 'https:api.example.com/x' }),
      'request.url "https:api.example.com/x" has no host',
    ],
    [
      'a missing startedDateTime',
      entry({ startedDateTime: undefined }),
      'startedDateTime nothing is not an ISO 8601 date',
    ],
    [
      'startedDateTime "yesterday"',
      entry({ startedDateTime: 'yesterday' }),
      'startedDateTime "yesterday" is not an ISO 8601 date',
    ],
    [
      'startedDateTime "1", which Date.parse reads as 2001',
      entry({ startedDateTime: '1' }),
      'startedDateTime "1" is not an ISO 8601 date',
    ],
    [
      'startedDateTime in month 13',
      entry({ startedDateTime: '2024-13-01T00:00:00Z' }),
      'startedDateTime "2024-13-01T00:00:00Z" is not an ISO 8601 date',
    ],
    [
      'a numeric startedDateTime',
      entry({ startedDateTime: 1714557600000 }),
      'startedDateTime 1714557600000 is not an ISO 8601 date',
    ],
    [
      'request headers that are not a list',
      entry({}, { headers: 'authorization: x' }),
      'request.headers is not an array',
    ],
    [
      'response headers that are not a list',
      entry({}, {}, { headers: {} }),
      'response.headers is not an array',
    ],
    [
      'status "200" as a string',
      entry({}, {}, { status: '200' }),
      'response.status "200" is not an HTTP status code',
    ],
    ['status 42', entry({}, {}, { status: 42 }), 'response.status 42 is not an HTTP status code'],
    ['status -1', entry({}, {}, { status: -1 }), 'response.status -1 is not an HTTP status code'],
    [
      'a Chrome disk-cache hit',
      entry({ _fromCache: 'disk' }),
      'answered from the browser cache (_fromCache "disk"), nothing was sent',
    ],
    [
      'a date before 1970',
      entry({ startedDateTime: '1969-12-31T23:59:59Z' }),
      'not a valid ApiCall: ts: must be >= 0',
    ],
    [
      'a header value over the contract limit',
      entry({}, { headers: [{ name: 'x-big', value: 'v'.repeat(16 * 1024 + 1) }] }),
      'not a valid ApiCall: request.headers[0][1]: must NOT have more than 16384 characters',
    ],
  ])('should skip %s with its reason', (_what, value, reason) => {
    const result = readOne(value);
    expect(result).toEqual({ calls: [], skipped: [{ entry: 0, reason }] });
  });

  it('should cut a quoted value short so a hostile URL does not become the reason', () => {
    const reason = reasonOf(entry({}, { url: `/${'a'.repeat(100_000)}` }));
    expect(reason).toBe(`request.url "/${'a'.repeat(79)}"... is not an absolute URL`);
  });

  it('should keep reading after bad entries and number ids by their place in the file', () => {
    const result = parseHar(har(entry(), null, entry({}, { url: 'ws://x/' }), entry()), OPTIONS);
    expect(result.calls.map((c) => c.id)).toEqual(['laptop:0', 'laptop:3']);
    expect(result.skipped.map((s) => s.entry)).toEqual([1, 2]);
  });

  it('should cap a huge UTF-8 request body at maxBodyBytes without splitting a character', () => {
    const text = 'é'.repeat(100_000);
    const body = callOf(entry({}, { method: 'POST', postData: { mimeType: 'text/plain', text } }), {
      sensorId: 's',
      maxBodyBytes: 1001,
    }).request.body;
    expect(body).toEqual({
      contentType: 'text/plain',
      size: 200_000,
      truncated: true,
      encoding: 'utf8',
      data: 'é'.repeat(500),
    });
  });

  it('should cap bodies at 65536 bytes by default', () => {
    const call = callOf(
      entry({}, { method: 'POST', postData: { mimeType: 'text/plain', text: 'x'.repeat(70_000) } }),
    );
    expect(call.request.body).toMatchObject({ size: 70_000, truncated: true });
    expect(call.request.body?.data).toHaveLength(65_536);
  });

  it('should cap a base64 response body by decoded bytes and re-encode the kept bytes', () => {
    const bytes = Buffer.alloc(10_000, 0xab);
    const content = {
      size: 10_000,
      mimeType: 'image/png',
      encoding: 'base64',
      text: bytes.toString('base64'),
    };
    const body = callOf(entry({}, {}, { content }), { sensorId: 's', maxBodyBytes: 1000 }).response?.body;
    expect(body).toEqual({
      contentType: 'image/png',
      size: 10_000,
      truncated: true,
      encoding: 'base64',
      data: bytes.subarray(0, 1000).toString('base64'),
    });
  });

  it('should rebuild an urlencoded body from params when postData has no text', () => {
    const postData = {
      mimeType: 'application/x-www-form-urlencoded',
      params: [
        { name: 'a b', value: 'c&d' },
        { name: 'e', value: 'é' },
      ],
    };
    expect(callOf(entry({}, { method: 'POST', postData })).request.body).toEqual({
      contentType: 'application/x-www-form-urlencoded',
      size: 18,
      truncated: false,
      encoding: 'utf8',
      data: 'a+b=c%26d&e=%C3%A9',
    });
  });

  it('should keep only the size of a multipart body given as params', () => {
    const postData = {
      mimeType: 'multipart/form-data; boundary=x',
      params: [{ name: 'file', fileName: 'a.png', value: '' }],
    };
    expect(callOf(entry({}, { method: 'POST', bodySize: 5120, postData })).request.body).toEqual({
      contentType: 'multipart/form-data; boundary=x',
      size: 5120,
      truncated: true,
      encoding: 'utf8',
    });
  });

  it('should leave out an empty postData (Insomnia writes one on GET)', () => {
    expect(
      callOf(entry({}, { bodySize: -1, postData: { mimeType: '', text: '', params: [] } })).request.body,
    ).toBeUndefined();
  });

  it('should omit the response when the status is 0 or the response is missing', () => {
    expect(callOf(entry({}, {}, { status: 0 })).response).toBeUndefined();
    expect(callOf({ ...entry(), response: undefined }).response).toBeUndefined();
  });

  it('should mark the call incomplete when the exporter recorded an error after the status', () => {
    expect(callOf(entry({}, {}, { _error: 'net::ERR_CONNECTION_RESET' })).incomplete).toBe(true);
    expect(callOf(entry({}, {}, { _error: null })).incomplete).toBeUndefined();
  });

  it.each([
    ['a HEAD request', entry({}, { method: 'HEAD' })],
    ['a 204', entry({}, {}, { status: 204 })],
    ['a 304 filled from the cache', entry({}, {}, { status: 304 })],
  ])('should drop the response body of %s', (_what, value) => {
    expect(callOf(value).response?.body).toBeUndefined();
  });

  it('should keep the size of a response body the exporter left out', () => {
    expect(callOf(entry({}, {}, { content: { size: 5000, mimeType: 'image/png' } })).response?.body).toEqual({
      contentType: 'image/png',
      size: 5000,
      truncated: true,
      encoding: 'utf8',
    });
    expect(
      callOf(entry({}, {}, { content: { size: 0, mimeType: 'text/plain' } })).response?.body,
    ).toBeUndefined();
  });

  it('should keep the size but not the data of a body that is not valid base64', () => {
    const content = { size: 300, mimeType: 'image/png', encoding: 'base64', text: 'not base64!' };
    expect(callOf(entry({}, {}, { content })).response?.body).toEqual({
      contentType: 'image/png',
      size: 300,
      truncated: true,
      encoding: 'utf8',
    });
  });

  it('should drop pseudo-headers and malformed header items, and take the host from :authority', () => {
    const headers = [
      { name: ':authority', value: 'API.example.com:443' },
      { name: ':method', value: 'GET' },
      { name: 'accept', value: '*/*' },
      { name: 'x-number', value: 7 },
      'cookie: a=1',
      { name: '', value: 'x' },
      { name: 'cookie', value: 'a=1' },
    ];
    const call = callOf(
      entry({}, { url: 'https://10.0.0.1/x', headers, cookies: [{ name: 'a', value: '1' }] }),
    );
    expect(call.request.host).toBe('api.example.com');
    expect(call.request.headers).toEqual([
      ['accept', '*/*'],
      ['cookie', 'a=1'],
    ]);
  });

  it('should fall back on the URL host when :authority is malformed', () => {
    const headers = [{ name: ':authority', value: 'bad host:x' }];
    expect(callOf(entry({}, { headers })).request.host).toBe('api.example.com');
  });

  it.each([
    ['[::1]', 'http://[::1]:8080/x', { ip: '::1', port: 8080 }],
    ['an IPv6 address without brackets', 'https://h/', { ip: '2001:db8::1', port: 443 }, '2001:DB8:0::1'],
    ['an IPv4 address on plain http', 'http://h/', { ip: '10.1.2.3', port: 80 }, '10.1.2.3'],
  ])('should derive dst from %s', (_what, url, dst, ip = '[::1]') => {
    expect(callOf(entry({ serverIPAddress: ip }, { url })).dst).toEqual(dst);
  });

  it.each([[''], ['999.1.1.1'], ['fe80::1%en0'], ['example.com'], [42], ['::1]/x[::2']])(
    'should leave dst out for the server address %j',
    (ip) => {
      expect(callOf(entry({ serverIPAddress: ip })).dst).toBeUndefined();
    },
  );

  it('should leave durationMs out when time is negative or not a number', () => {
    expect(callOf(entry({ time: -1 })).durationMs).toBeUndefined();
    expect(callOf(entry({ time: '12' })).durationMs).toBeUndefined();
    expect(callOf(entry({ time: 0 })).durationMs).toBe(0);
  });

  it('should give the same ids when the same file is read twice', () => {
    const text = har(entry(), entry({ startedDateTime: '2024-05-01T10:00:01.000Z' }));
    expect(parseHar(text, OPTIONS)).toEqual(parseHar(text, OPTIONS));
    expect(parseHar(text, OPTIONS).calls.map((c) => c.id)).toEqual(['laptop:0', 'laptop:1']);
  });

  it.each([
    ['an empty sensorId', { sensorId: '' }, /sensorId/],
    ['a sensorId over 128 characters', { sensorId: 's'.repeat(129) }, /sensorId/],
    ['a negative maxBodyBytes', { sensorId: 's', maxBodyBytes: -1 }, /maxBodyBytes/],
    ['a fractional maxBodyBytes', { sensorId: 's', maxBodyBytes: 1.5 }, /maxBodyBytes/],
  ])('should refuse %s as a caller error', (_what, options, message) => {
    expect(() => parseHar(har(), options)).toThrow(RangeError);
    expect(() => parseHar(har(), options)).toThrow(message);
  });
});
