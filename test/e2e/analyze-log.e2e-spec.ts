import { corpusFile } from '../support/corpus';
import { runCli } from '../support/run-cli';

interface EndpointRow {
  service: string;
  method: string;
  path: string;
  calls: number;
  auth: string;
}

interface InventoryJson {
  services: Array<{
    name: string;
    endpoints: Array<{ method: string; path: string; calls: number; auth: { status: string } }>;
  }>;
}

function rows(stdout: string): EndpointRow[] {
  const doc = JSON.parse(stdout) as InventoryJson;
  return doc.services
    .flatMap((s) =>
      s.endpoints.map((e) => ({
        service: s.name,
        method: e.method,
        path: e.path,
        calls: e.calls,
        auth: e.auth.status,
      })),
    )
    .sort((a, b) => `${a.service} ${a.method} ${a.path}`.localeCompare(`${b.service} ${b.method} ${b.path}`));
}

const row = (
  service: string,
  method: string,
  path: string,
  calls: number,
  auth = 'unknown',
): EndpointRow => ({
  service,
  method,
  path,
  calls,
  auth,
});

describe('apiscope analyze --log', () => {
  it.each<[string, string[], EndpointRow[]]>([
    [
      // combined logs no Host: one "unknown" service; ids and numbers templated by the pipeline
      'nginx',
      ['nginx', 'elastic-ingress-nginx-test-ingest-raw.log'],
      [
        row('unknown', 'DELETE', '/products/{productId}', 1),
        row('unknown', 'GET', '/', 1),
        row('unknown', 'GET', '/favicon.ico', 7),
        row('unknown', 'GET', '/products/{productId}', 6),
        row('unknown', 'GET', '/v2', 3),
        row('unknown', 'GET', '/v2/some', 1),
        row('unknown', 'GETI', '/products/{productId}', 1),
        row('unknown', 'PATCH', '/products/{productId}', 1),
        row('unknown', 'PATCHP', '/products/{productId}', 1),
        row('unknown', 'POST', '/_bulk', 1),
        row('unknown', 'POST', '/products', 1),
      ],
    ],
    [
      'envoy',
      ['envoy', 'elastic-envoyproxy-test-log.log'],
      [
        row('192.168.99.107:30901', 'GET', '/elastic', 1),
        row('httpbin.org', 'GET', '/httpbin/status/{statuId}', 1),
        row('localhost:8000', 'GET', '/service/{serviceId}', 1),
        row('localhost:9001', 'GET', '/backend/', 1),
        row('www.elastic.co', 'GET', '/elastic/', 1),
      ],
    ],
    [
      // the gateway's own templates come through as paths where no real path is logged
      'apigw',
      ['aws-apigateway', 'elastic-test-apigateway-rest.log'],
      [
        row('asad15n3p0.execute-api.us-east-1.amazonaws.com', 'GET', '/', 1),
        row('asad15n3p0.execute-api.us-east-1.amazonaws.com', 'GET', '/pets/{petId}', 1),
        row('unknown', 'GET', '/pets', 1),
        row('unknown', 'GET', '/pets/{petId}', 2),
      ],
    ],
    [
      'alb',
      ['aws-alb', 'elastic-aws-elb-test-alb.log'],
      [row('127.0.0.1', 'GET', '/shell', 1), row('www.example.com', 'GET', '/', 1)],
    ],
    ['kong', ['kong', 'kong-docs-http-log-example.json'], [row('httpbin.org', 'GET', '/get', 1)]],
    [
      // Zeek logs the Basic-auth user name: that call counts as authenticated
      'zeek',
      ['zeek', 'elastic-zeek-test-http.json.log'],
      [
        row('httpbin.org', 'GET', '/ip', 2),
        row(
          'ocsp.apple.com',
          'GET',
          // an OCSP request: base64 DER in the path; the learnt templater makes both segments parameters
          '/{id}/{id2}',
          1,
          'authenticated',
        ),
      ],
    ],
  ])('should find the endpoints of the %s corpus log', async (format, file, expected) => {
    const result = await runCli(['analyze', '--log', `${format}:${corpusFile('logs', ...file)}`]);
    expect(result.code).toBe(0);
    expect(rows(result.stdout)).toEqual(expected);
  });

  it('should print one summary line for a log with skipped lines, naming each problem once', async () => {
    const file = corpusFile('logs', 'aws-alb', 'elastic-aws-elb-test-alb.log');
    const result = await runCli(['analyze', '--log', `alb:${file}`, '--format', 'table']);
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([
      `${file}: 10 lines, 2 events (20.0% parsed), 2 delivered to the pipeline, 8 skipped (NOT_HTTP 7 from line 3, NO_REQUEST 1 from line 10)`,
    ]);
  });

  it('should not count a log twice when it is read twice (same ids, same batches)', async () => {
    const file = corpusFile('logs', 'nginx', 'elastic-nginx-test-access.log');
    const once = await runCli(['analyze', '--log', `nginx:${file}`]);
    const twice = await runCli(['analyze', '--log', `nginx:${file}`, '--log', `nginx:${file}`]);
    expect(rows(once.stdout).reduce((n, r) => n + r.calls, 0)).toBe(14);
    expect(rows(twice.stdout)).toEqual(rows(once.stdout));
  });

  it('should mix HAR files and logs in one inventory', async () => {
    const result = await runCli([
      'analyze',
      '--har',
      corpusFile('har', 'mitmproxy2swagger', 'headers_and_params_har.har'),
      '--log',
      `kong:${corpusFile('logs', 'kong', 'kong-docs-http-log-example.json')}`,
    ]);
    expect(result.code).toBe(0);
    // one endpoint seen by both inputs; the HAR call carried an API key, the Kong one is unknown,
    // and unknown credentials do not make the endpoint "mixed"
    expect(rows(result.stdout)).toEqual([row('httpbin.org', 'GET', '/get', 2, 'authenticated')]);
  });

  it.each([
    [
      ['analyze', '--log', 'apache:/var/log/x.log'],
      /--log takes FORMAT:PATH with FORMAT one of nginx, nginx-json, envoy/,
    ],
    [['analyze', '--log', 'nginx'], /--log takes FORMAT:PATH/],
    [
      ['analyze', '--log', 'nginx:/nonexistent/access.log'],
      /cannot read \/nonexistent\/access\.log: no such file/,
    ],
    [['analyze', '--log', 'nginx:/nonexistent/*.log'], /no file matches \/nonexistent\/\*\.log/],
  ])('should exit 2 with one clear line for %j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
