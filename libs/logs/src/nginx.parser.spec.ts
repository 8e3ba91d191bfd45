import { LogSkipCode } from './log-skip.exception';
import { parseLogText } from './log-parser.factory';
import { callOf, skipOf, TEST_OPTIONS } from './log-parser-test.util';
import { compileNginxLogFormat, NGINX_PRESETS } from './nginx-log-format.parser';
import { NginxReader } from './nginx.parser';

// Lines written from nginx's documentation of ngx_http_log_module (https://nginx.org/en/docs/http/
// ngx_http_log_module.html: the predefined `combined` format, `log_format` with `escape=`, and the
// rule that "-" stands for an empty value) and its variable index (https://nginx.org/en/docs/varindex.html).
const COMBINED =
  '192.0.2.7 - alice [10/Oct/2023:13:55:36 -0700] "POST /api/v1/orders?dry_run=1 HTTP/1.1" 201 48 "-" "curl/8.4.0"';

describe(NginxReader.name, () => {
  it('should turn a combined line into the exact ApiCall (no Host, headers unknown)', () => {
    expect(callOf('nginx', COMBINED)).toEqual({
      v: 1,
      id: 'gw:f:1',
      ts: Date.UTC(2023, 9, 10, 20, 55, 36),
      sensor: { id: 'gw', kind: 'log:nginx' },
      src: { ip: '192.0.2.7', port: 0 },
      request: {
        method: 'POST',
        scheme: 'http',
        target: '/api/v1/orders?dry_run=1',
        path: '/api/v1/orders',
        query: [['dry_run', '1']],
        headers: [],
      },
      response: { status: 201, headers: [], body: { size: 48, truncated: true, encoding: 'utf8' } },
    });
  });

  it.each([
    [
      'the nginx.conf directive, pasted whole',
      `log_format main '$remote_addr - $remote_user [$time_local] "$request" '\n  '$status $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for"';`,
      '10.1.2.3 - - [01/Mar/2024:00:00:01 +0000] "GET /health HTTP/1.1" 200 2 "-" "kube-probe/1.29" "-"',
      { request: { path: '/health', headers: [] }, response: { status: 200 } },
    ],
    [
      'host, scheme, server address, timing and a logged Authorization header',
      '$remote_addr:$remote_port $scheme://$host$request_uri $request_method $status $request_time $server_addr:$server_port "$http_authorization" "$http_user_agent" [$time_iso8601]',
      '198.51.100.4:51514 https://api.example.com/v2/users/42?fields=name GET 200 0.125 10.0.0.9:443 "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x" "okhttp/4.12" [2024-03-01T10:00:00+00:00]',
      {
        ts: Date.UTC(2024, 2, 1, 10, 0, 0) - 125,
        src: { ip: '198.51.100.4', port: 51514 },
        dst: { ip: '10.0.0.9', port: 443 },
        request: {
          method: 'GET',
          scheme: 'https',
          host: 'api.example.com',
          target: '/v2/users/42?fields=name',
          // of the headers a log names only credentials are kept (the pipeline reads the list as complete)
          headers: [['authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x']],
        },
        durationMs: 125,
      },
    ],
    [
      '$msec time and an API key header',
      '$msec "$request" $status "$http_x_api_key"',
      '1709287200.500 "DELETE /keys/7 HTTP/2.0" 204 "k-123"',
      {
        ts: 1709287200500,
        request: { method: 'DELETE', headers: [['x-api-key', 'k-123']] },
        response: { status: 204 },
      },
    ],
    [
      'a User-Agent alone, which must not read as "no credentials"',
      '"$request" $status [$time_local] "$http_user_agent"',
      '"GET /me HTTP/1.1" 200 [01/Mar/2024:00:00:01 +0000] "Mozilla/5.0"',
      { request: { headers: [] } },
    ],
    [
      'escape=json values',
      `log_format j escape=json '$time_iso8601 "$request" $status "$http_cookie"';`,
      '2024-03-01T00:00:00Z "GET /a\\u0020b HTTP/1.1" 200 "sessionid=abc\\"1"',
      { request: { target: '/a b', headers: [['cookie', 'sessionid=abc"1']] } },
    ],
    [
      'escaped bytes of a UTF-8 path and a quote in the User-Agent',
      'combined',
      '192.0.2.7 - - [10/Oct/2023:13:55:36 +0000] "GET /caf\\xC3\\xA9 HTTP/1.1" 200 0 "-" "say \\x22hi\\x22"',
      { request: { target: '/café', path: '/café' }, response: { status: 200, headers: [] } },
    ],
  ])('should read a layout with %s', (_name, format, line, expected) => {
    expect(callOf('nginx', line, { nginxFormat: format })).toMatchObject(expected);
  });

  it('should leave the body out of 304, 204 and HEAD answers whatever $body_bytes_sent says', () => {
    const head = COMBINED.replace('POST', 'HEAD').replace('201 48', '200 48');
    expect(callOf('nginx', head).response).toEqual({ status: 200, headers: [] });
    expect(callOf('nginx', COMBINED.replace('201 48', '304 48')).response).toEqual({
      status: 304,
      headers: [],
    });
  });

  it.each([
    ['not nginx at all', 'hello world', LogSkipCode.NOT_THIS_FORMAT],
    [
      'a time that is not a time',
      COMBINED.replace('10/Oct/2023:13:55:36 -0700', 'yesterday'),
      LogSkipCode.BAD_TIME,
    ],
    [
      'no request line ("-", as nginx logs a closed connection)',
      COMBINED.replace(/"POST [^"]+"/, '"-"'),
      LogSkipCode.NO_REQUEST,
    ],
    [
      'a TLS handshake sent to a plain-HTTP port',
      COMBINED.replace(/"POST [^"]+"/, '"\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xFC\\x03\\x03"').replace(
        '201',
        '400',
      ),
      LogSkipCode.NO_REQUEST,
    ],
    [
      'a method with a space-like control byte',
      COMBINED.replace('POST', 'PO\\x01ST'),
      LogSkipCode.BAD_METHOD,
    ],
    ['a status that is not 3 digits', COMBINED.replace(' 201 ', ' 2x1 '), LogSkipCode.BAD_STATUS],
    [
      'a target that is no path',
      COMBINED.replace('/api/v1/orders?dry_run=1', 'orders'),
      LogSkipCode.BAD_TARGET,
    ],
    ['a 20 kB target', COMBINED.replace('/api/v1/orders', `/${'a'.repeat(20_000)}`), LogSkipCode.TOO_LONG],
    ['a 2 MB line', `${COMBINED} ${'x'.repeat(2 << 20)}`, LogSkipCode.TOO_LONG],
  ])('should skip %s', (_name, line, code) => {
    expect(skipOf('nginx', line).code).toBe(code);
  });

  it('should count blank lines as nothing and keep reading after a bad line', () => {
    const result = parseLogText('nginx', `${COMBINED}\n\ngarbage\n${COMBINED}\n`, TEST_OPTIONS);
    expect(result.records.map((r) => r.call.id)).toEqual(['gw:f:1', 'gw:f:4']);
    expect(result.skipped).toEqual([
      { line: 3, code: LogSkipCode.NOT_THIS_FORMAT, reason: 'the line is not in the combined format' },
    ]);
  });

  it('should unwrap lines shipped by Docker (json-file) and Kubernetes collectors', () => {
    const docker = JSON.stringify({ log: `${COMBINED}\n`, stream: 'stdout', time: '2023-10-10T20:55:36.1Z' });
    const k8s = JSON.stringify({ message: COMBINED, kubernetes: { pod: { name: 'web-0' } } });
    expect(callOf('nginx', docker).request.path).toBe('/api/v1/orders');
    expect(callOf('nginx', k8s).request.path).toBe('/api/v1/orders');
  });
});

describe(compileNginxLogFormat.name, () => {
  it('should compile the presets', () => {
    for (const name of Object.keys(NGINX_PRESETS))
      expect(compileNginxLogFormat(name).variables).toContain('request');
    expect(compileNginxLogFormat('combined')).toEqual({
      literals: ['', ' - ', ' [', '] "', '" ', ' ', ' "', '" "', '"'],
      variables: [
        'remote_addr',
        'remote_user',
        'time_local',
        'request',
        'status',
        'body_bytes_sent',
        'http_referer',
        'http_user_agent',
      ],
      escape: 'default',
    });
  });

  it.each([
    ['$remote_addr$remote_user "$request"', /have nothing between them/],
    ['just text', /names no \$variable/],
    ['$remote_addr $status', /neither \$request nor \$request_method/],
  ])('should refuse %j with a clear reason', (format, message) => {
    expect(() => compileNginxLogFormat(format)).toThrow(message);
  });

  it('should accept ${name} and read $request_method with $uri and $args', () => {
    const call = callOf('nginx', 'GET /search q=a+b 200 [01/Mar/2024:00:00:01 +0000]', {
      nginxFormat: '${request_method} $uri $args $status [$time_local]',
    });
    expect(call.request).toMatchObject({ method: 'GET', target: '/search?q=a+b', query: [['q', 'a b']] });
  });
});
