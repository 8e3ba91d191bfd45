import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { type ApiCall, validateApiCall } from '@apiscope/contracts';

import { type LineLogFormat } from './log-format.constant';
import { parseLogText } from './log-parser.factory';
import { type LogReadResult } from './log-read.type';
import { LogSkipCode } from './log-skip.exception';

/** Real gateway logs copied from elastic/integrations and Kong's docs (see corpus/OTHER_INDEX.tsv). */
// ../shared/corpus beside the checkout, as in CI; APISCOPE_CORPUS overrides
const LOGS = join(
  process.env['APISCOPE_CORPUS'] ?? resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus'),
  'logs',
);
const OPTIONS = { sensorId: 'corpus', source: 'f' };

const read = (file: string, format: LineLogFormat, nginxFormat?: string): LogReadResult =>
  parseLogText(format, readFileSync(join(LOGS, file), 'utf8'), {
    ...OPTIONS,
    ...(nginxFormat !== undefined && { nginxFormat }),
  });
const callAt = (result: LogReadResult, line: number): ApiCall => {
  const record = result.records.find((r) => r.call.id === `corpus:f:${line}`);
  if (!record) throw new Error(`no event for line ${line}: ${JSON.stringify(result.skipped)}`);
  return record.call;
};
const lines = (file: string): number => readFileSync(join(LOGS, file), 'utf8').trimEnd().split('\n').length;
const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe(parseLogText.name, () => {
  it.each<[string, LineLogFormat, string | undefined, Record<number, LogSkipCode>]>([
    ['nginx/elastic-nginx-test-access.log', 'nginx', undefined, {}],
    ['nginx/elastic-ingress-nginx-test-ingest-raw.log', 'nginx', undefined, {}],
    ['nginx/elastic-ingress-nginx-test-ingest-raw.log', 'nginx', 'upstreaminfo', {}],
    [
      'envoy/elastic-envoyproxy-test-log.log',
      'envoy',
      undefined,
      { 1: LogSkipCode.NOT_HTTP, 7: LogSkipCode.NOT_HTTP },
    ],
    ['envoy/elastic-istio-envoy-json-access.log', 'envoy', undefined, { 3: LogSkipCode.NO_REQUEST }],
    ['aws-apigateway/elastic-test-apigateway-rest.log', 'apigw', undefined, {}],
    ['aws-apigateway/elastic-test-apigateway.log', 'apigw', undefined, {}],
    [
      'aws-alb/elastic-aws-elb-test-alb.log',
      'alb',
      undefined,
      {
        ...Object.fromEntries(range(3, 9).map((l) => [l, LogSkipCode.NOT_HTTP])),
        10: LogSkipCode.NO_REQUEST,
      },
    ],
    [
      'zeek/elastic-zeek-test-http.json.log',
      'zeek',
      undefined,
      Object.fromEntries(range(3, 7).map((l) => [l, LogSkipCode.NO_REQUEST])),
    ],
  ])('should read %s as %s (nginx format %s), skipping exactly %j', (file, format, nginxFormat, skips) => {
    const result = read(file, format, nginxFormat);
    expect(Object.fromEntries(result.skipped.map((s) => [s.line, s.code]))).toEqual(skips);
    expect(result.records).toHaveLength(lines(file) - Object.keys(skips).length);
    for (const { call } of result.records) {
      expect(validateApiCall(call)).toEqual({ ok: true, call });
      expect(call.sensor).toEqual({ id: 'corpus', kind: `log:${format}` });
    }
    // ids depend on the content only: a second read yields the same events
    expect(read(file, format, nginxFormat)).toEqual(result);
  });

  it('should read the pretty-printed Kong http-log example as one call, its consumer hiding the credential', () => {
    const result = read('kong/kong-docs-http-log-example.json', 'kong');
    expect(result.skipped).toEqual([]);
    expect(result.records).toEqual([
      {
        call: {
          v: 1,
          id: 'corpus:f:1',
          ts: 1433209822425,
          sensor: { id: 'corpus', kind: 'log:kong' },
          src: { ip: '127.0.0.1', port: 0 },
          request: {
            method: 'GET',
            scheme: 'http',
            host: 'httpbin.org',
            target: '/get',
            path: '/get',
            query: [],
            // Kong names a consumer but no credential is in the headers: unknown, not "none sent"
            headers: [],
          },
          response: {
            status: 200,
            headers: [
              ['Content-Length', '197'],
              ['via', 'kong/0.3.0'],
              ['Connection', 'close'],
              ['access-control-allow-credentials', 'true'],
              ['Content-Type', 'application/json'],
              ['server', 'nginx'],
              ['access-control-allow-origin', '*'],
            ],
            body: { contentType: 'application/json', size: 197, truncated: true, encoding: 'utf8' },
          },
          durationMs: 1921,
        },
      },
    ]);
  });

  it('should read combined lines, the vhost-prefixed variant and percent-encoded UTF-8 paths (nginx)', () => {
    const result = read('nginx/elastic-nginx-test-access.log', 'nginx');
    expect(callAt(result, 1)).toEqual({
      v: 1,
      id: 'corpus:f:1',
      ts: Date.UTC(2016, 9, 25, 12, 49, 33),
      sensor: { id: 'corpus', kind: 'log:nginx' },
      src: { ip: '67.43.156.13', port: 0 },
      // combined logs neither Host nor credentials: no host, headers unknown
      request: { method: 'GET', scheme: 'http', target: '/', path: '/', query: [], headers: [] },
      response: { status: 200, headers: [], body: { size: 612, truncated: true, encoding: 'utf8' } },
    });
    expect(callAt(result, 10).response).toEqual({ status: 304, headers: [] });
    expect(callAt(result, 13)).toMatchObject({
      ts: Date.UTC(2020, 5, 9, 19, 10, 39),
      src: { ip: '192.168.0.1', port: 0 },
      request: {
        host: 'lessons.example.com',
        path: '/A%20Beka%20G1%20Howe/029_AND_30/15%20reading%20elephants.mp4',
      },
      response: { status: 206 },
    });
    expect(callAt(result, 14).request.path).toMatch(/^\/%D0%A0%D1%83%D1%81%D1%81/);
  });

  it('should read ingress-nginx lines as combined, and their timing with the upstreaminfo layout', () => {
    const combined = read('nginx/elastic-ingress-nginx-test-ingest-raw.log', 'nginx');
    const upstream = read('nginx/elastic-ingress-nginx-test-ingest-raw.log', 'nginx', 'upstreaminfo');
    expect(callAt(combined, 19).request.query).toEqual([['address', 'delhi technological university']]);
    // methods nginx refused (400) are still what the client sent
    expect(callAt(combined, 5)).toMatchObject({ request: { method: 'PATCHp' }, response: { status: 400 } });
    expect(callAt(combined, 23).src).toEqual({ ip: '2a02:cf40::', port: 0 });
    expect(callAt(combined, 23).durationMs).toBeUndefined();
    // $request_time 0.033 s; $time_local is the end of the request, ts its start
    expect(callAt(upstream, 23)).toMatchObject({
      durationMs: 33,
      ts: Date.UTC(2022, 7, 24, 21, 4, 17) - 33,
    });
  });

  it('should read the Envoy default text layout, Ambassador prefixes and Kubernetes-wrapped lines', () => {
    const result = read('envoy/elastic-envoyproxy-test-log.log', 'envoy');
    expect(callAt(result, 2)).toEqual({
      v: 1,
      id: 'corpus:f:2',
      ts: Date.parse('2019-04-08T16:16:55.931Z'),
      sensor: { id: 'corpus', kind: 'log:envoy' },
      request: {
        method: 'GET',
        scheme: 'http',
        host: 'localhost:8000',
        target: '/service/1',
        path: '/service/1',
        query: [],
        headers: [],
      },
      response: { status: 200, headers: [], body: { size: 89, truncated: true, encoding: 'utf8' } },
      durationMs: 5,
    });
    expect(callAt(result, 5).request.host).toBe('localhost:9001');
    expect(callAt(result, 6)).toMatchObject({
      request: { host: 'httpbin.org', path: '/httpbin/status/501' },
      response: { status: 501 },
      durationMs: 180,
    });
  });

  it('should take peers from the Istio JSON access log, IPv6 included', () => {
    const result = read('envoy/elastic-istio-envoy-json-access.log', 'envoy');
    expect(callAt(result, 1)).toMatchObject({
      src: { ip: '10.124.0.13', port: 43612 },
      dst: { ip: '10.124.1.5', port: 9080 },
      request: { method: 'GET', host: 'reviews:9080', path: '/reviews/0' },
      response: { status: 200, body: { size: 358 } },
      durationMs: 15,
    });
    expect(callAt(result, 2).src).toEqual({ ip: '2a02:cf40::4e36', port: 5000 });
    expect(result.skipped[0].reason).toBe('Envoy read no request line (http1.codec_error)');
  });

  it('should keep API Gateway templates (resourcePath, routeKey) as the route and, with no path logged, as the path', () => {
    const rest = read('aws-apigateway/elastic-test-apigateway-rest.log', 'apigw');
    expect(rest.records.map((r) => r.route)).toEqual([
      '/pets',
      '/pets/{petId}',
      '/pets/{petId}',
      '/pets/{petId}',
      '/',
    ]);
    expect(rest.records[3]).toEqual({
      route: '/pets/{petId}',
      call: {
        v: 1,
        id: 'corpus:f:4',
        ts: Date.UTC(2023, 6, 26, 12, 7, 3),
        sensor: { id: 'corpus', kind: 'log:apigw' },
        src: { ip: '1.128.0.0', port: 0 },
        request: {
          method: 'GET',
          scheme: 'https',
          host: 'asad15n3p0.execute-api.us-east-1.amazonaws.com',
          target: '/pets/{petId}',
          path: '/pets/{petId}',
          query: [],
          headers: [],
        },
        response: { status: 200, headers: [], body: { size: 48, truncated: true, encoding: 'utf8' } },
      },
    });
    const http = read('aws-apigateway/elastic-test-apigateway.log', 'apigw');
    expect(http.records[0]).toMatchObject({ route: '/', call: { request: { method: 'GET', path: '/' } } });
  });

  it('should read ALB HTTP lines and skip NLB TLS, connection-log and unparsed-request lines with a reason', () => {
    const result = read('aws-alb/elastic-aws-elb-test-alb.log', 'alb');
    expect(callAt(result, 1)).toEqual({
      v: 1,
      id: 'corpus:f:1',
      // request_creation_time, not the response time
      ts: Date.parse('2018-07-02T22:22:48.364Z'),
      sensor: { id: 'corpus', kind: 'log:alb' },
      src: { ip: '192.168.131.39', port: 2817 },
      request: {
        method: 'GET',
        scheme: 'http',
        host: 'www.example.com',
        target: '/',
        path: '/',
        query: [],
        headers: [],
      },
      response: { status: 200, headers: [] },
      durationMs: 1,
    });
    // a scanner's request with a space in the URL, redirected: kept as sent, without a duration (-1)
    expect(callAt(result, 2)).toMatchObject({
      request: { host: '127.0.0.1', path: '/shell' },
      response: { status: 301 },
    });
    expect(callAt(result, 2).durationMs).toBeUndefined();
    expect(new Set(result.skipped.map((s) => s.reason))).toEqual(
      new Set([
        'an NLB TLS log line, not an HTTP request',
        'an ALB connection log line, not an HTTP request',
        'the ALB could not parse the request line',
      ]),
    );
  });

  it('should read Zeek JSON: peers with ports, Basic auth from the user name, a Splunk-exported record', () => {
    const result = read('zeek/elastic-zeek-test-http.json.log', 'zeek');
    expect(callAt(result, 1)).toMatchObject({
      ts: 1547687130172.944,
      src: { ip: '10.178.98.102', port: 62995 },
      dst: { ip: '17.253.5.203', port: 80 },
      request: { host: 'ocsp.apple.com', headers: [['authorization', 'Basic']] },
      response: { status: 200, body: { size: 3735 } },
    });
    expect(callAt(result, 2).request.headers).toEqual([]);
    // line 8 wraps line 2's record in a Splunk search result
    expect({ ...callAt(result, 8), id: '' }).toEqual({ ...callAt(result, 2), id: '' });
  });
});
