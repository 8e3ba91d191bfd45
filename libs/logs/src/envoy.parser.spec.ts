import { EnvoyReader } from './envoy.parser';
import { callOf, skipOf } from './log-parser-test.util';
import { LogSkipCode } from './log-skip.exception';

// Envoy's default text format (envoyproxy.io, configuration/observability/access_log/usage,
// "Default format string") and JSON `json_format`; Istio's text layout as its "Envoy Access Logs"
// task prints it (istio.io/latest/docs/tasks/observability/logs/access-log/) and its older layout
// (Istio 1.1-1.8, one quoted field after CODE FLAGS); Istio's default JSON keys (meshConfig
// accessLogEncoding: JSON).
const DEFAULT =
  '[2016-04-15T20:17:00.310Z] "POST /api/v1/locations HTTP/2" 204 - 154 0 226 100 "10.0.35.28" "nsq2http" "cc21d9b0-cf5c-432b-8c7e-98aeb7988cd2" "locations" "tcp://10.0.2.1:80"';
const ISTIO =
  '[2020-11-25T21:26:18.409Z] "GET /status/418 HTTP/1.1" 418 - via_upstream - "-" 0 135 4 4 "-" "curl/7.73.0-DEV" "84961386-6d84-929d-98bd-c5aee93b5c88" "httpbin:8000" "10.44.1.27:80" outbound|8000||httpbin.foo.svc.cluster.local 10.44.1.23:37652 10.0.45.184:8000 10.44.1.23:46520 - default';
const ISTIO_OLD =
  '[2019-03-06T09:31:27.354Z] "GET /status/418 HTTP/1.1" 418 - "-" 0 135 5 2 "-" "curl/7.60.0" "d209e46f-9ed5-9b61-bbdd-43e22662702a" "httpbin:8000" "127.0.0.1:80" inbound|8000|http|httpbin.default.svc.cluster.local - 172.30.146.73:80 172.30.146.82:38618 outbound_.8000_._.httpbin.default.svc.cluster.local';

describe(EnvoyReader.name, () => {
  it('should turn a default-format line into the exact ApiCall', () => {
    expect(callOf('envoy', DEFAULT)).toEqual({
      v: 1,
      id: 'gw:f:1',
      ts: Date.parse('2016-04-15T20:17:00.310Z'),
      sensor: { id: 'gw', kind: 'log:envoy' },
      request: {
        method: 'POST',
        scheme: 'http',
        host: 'locations',
        target: '/api/v1/locations',
        path: '/api/v1/locations',
        query: [],
        headers: [],
        body: { size: 154, truncated: true, encoding: 'utf8' },
      },
      // 204: no content whatever BYTES_SENT says
      response: { status: 204, headers: [] },
      durationMs: 226,
    });
  });

  it.each([
    [
      'Istio 1.9+ text',
      ISTIO,
      { src: { ip: '10.44.1.23', port: 46520 }, dst: { ip: '10.0.45.184', port: 8000 } },
    ],
    [
      'Istio 1.1-1.8 text',
      ISTIO_OLD,
      { src: { ip: '172.30.146.82', port: 38618 }, dst: { ip: '172.30.146.73', port: 80 } },
    ],
  ])('should read %s with the downstream peers', (_name, line, peers) => {
    expect(callOf('envoy', line)).toMatchObject({
      ...peers,
      request: { method: 'GET', host: 'httpbin:8000', path: '/status/418', headers: [] },
      response: { status: 418, body: { size: 135 } },
    });
  });

  it.each([
    [
      "Istio's default JSON keys",
      {
        start_time: '2020-11-25T21:26:18.409Z',
        method: 'GET',
        path: '/status/418?x=1',
        protocol: 'HTTP/1.1',
        response_code: '418',
        bytes_received: '0',
        bytes_sent: '135',
        duration: '4',
        authority: 'httpbin:8000',
        downstream_remote_address: '10.44.1.23:46520',
        downstream_local_address: '10.0.45.184:8000',
      },
      { request: { query: [['x', '1']], headers: [] }, response: { status: 418 }, durationMs: 4 },
    ],
    [
      "Envoy Gateway's keys and a logged Authorization header",
      {
        start_time: '2024-01-01T00:00:00.000Z',
        method: 'GET',
        'x-envoy-origin-path': '/v1/me',
        ':authority': 'api.example.com',
        response_code: 200,
        authorization: 'Bearer abc',
        'user-agent': 'curl/8',
      },
      { request: { host: 'api.example.com', path: '/v1/me', headers: [['authorization', 'Bearer abc']] } },
    ],
  ])('should read a JSON record with %s', (_name, record, expected) => {
    expect(callOf('envoy', JSON.stringify(record))).toMatchObject(expected);
  });

  it('should read a response code of 0 (client gone before any response) as no response', () => {
    const call = callOf('envoy', DEFAULT.replace('" 204 -', '" 0 DC'));
    expect(call.response).toBeUndefined();
  });

  it.each([
    [
      'a TCP proxy line',
      '[2019-04-08T16:50:12.533Z] "- - -" 0 - 87 254 4 - "-" "-" "-" "-" "172.27.0.2:80"',
      LogSkipCode.NOT_HTTP,
    ],
    [
      'a codec error (no request line)',
      DEFAULT.replace('POST /api/v1/locations HTTP/2', '- - HTTP/1.1'),
      LogSkipCode.NO_REQUEST,
    ],
    [
      'a line of another format',
      '127.0.0.1 - - [10/Oct/2023:13:55:36 +0000] "GET / HTTP/1.1" 200 1 "-" "-"',
      LogSkipCode.NOT_THIS_FORMAT,
    ],
    ['a quote never closed', '[2016-04-15T20:17:00.310Z] "POST /x HTTP/2 204', LogSkipCode.NOT_THIS_FORMAT],
    [
      'a start time that is not ISO 8601',
      DEFAULT.replace('2016-04-15T20:17:00.310Z', 'yesterday'),
      LogSkipCode.BAD_TIME,
    ],
    ['a truncated line', DEFAULT.slice(0, 60), LogSkipCode.NOT_THIS_FORMAT],
    ['broken JSON', '{"method": "GET", ', LogSkipCode.NOT_JSON],
    ['a JSON record of something else', '{"level":"info","msg":"started"}', LogSkipCode.NOT_THIS_FORMAT],
  ])('should skip %s', (_name, line, code) => {
    expect(skipOf('envoy', line).code).toBe(code);
  });
});
