import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import request from 'supertest';

import { type ApiCall, validateApiCall } from '@apiscope/contracts';

import { corpusFile } from '../support/corpus';
import { useEmbeddedServer } from '../support/embedded-server.fixture';
import { runCli } from '../support/run-cli';

const NGINX = corpusFile('logs', 'nginx', 'elastic-nginx-test-access.log');
const KEY = 'e2e-sensor-key-0123456789';

const events = (stdout: string): ApiCall[] =>
  stdout
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as ApiCall);

describe('apiscope sensor logs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'apiscope-sensor-logs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should print valid ApiCall events as NDJSON and a summary on stderr', async () => {
    const result = await runCli([
      'sensor',
      'logs',
      '--format',
      'nginx',
      '--file',
      NGINX,
      '--sensor-id',
      'edge-1',
    ]);
    expect(result.code).toBe(0);
    const calls = events(result.stdout);
    expect(calls).toHaveLength(14);
    for (const call of calls) expect(validateApiCall(call).ok).toBe(true);
    expect(calls[0]).toMatchObject({
      id: expect.stringMatching(/^edge-1:[0-9a-f]{16}:1$/),
      sensor: { id: 'edge-1', kind: 'log:nginx' },
    });
    expect(result.stderr).toBe(
      `${NGINX}: 14 lines, 14 events (100.0% parsed), 14 delivered to stdout, 0 skipped\n`,
    );
  });

  it('should read stdin, and a glob of rotated .gz files, into the same events as the file', async () => {
    const text = readFileSync(NGINX);
    writeFileSync(join(dir, 'access.log.1.gz'), gzipSync(text));
    const fromFile = await runCli([
      'sensor',
      'logs',
      '--format',
      'nginx',
      '--file',
      NGINX,
      '--sensor-id',
      's',
    ]);
    const fromStdin = await runCli(
      ['sensor', 'logs', '--format', 'nginx', '--stdin', '--sensor-id', 's'],
      {},
      text,
    );
    const fromGz = await runCli([
      'sensor',
      'logs',
      '--format',
      'nginx',
      '--file',
      join(dir, 'access.log*.gz'),
      '--sensor-id',
      's',
    ]);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    expect(fromGz.stdout).toBe(fromFile.stdout);
    expect(fromStdin.stderr).toMatch(/^stdin: 14 lines, 14 events/);
  });

  it('should report a malformed line once per kind of problem, with its number, and keep reading', async () => {
    const file = join(dir, 'mixed.log');
    const good = readFileSync(NGINX, 'utf8').split('\n')[0];
    writeFileSync(
      file,
      [good, 'garbage 1', good, 'garbage 2', good.replace('[25/Oct', '[99/Zzz')].join('\n'),
    );
    const result = await runCli(['sensor', 'logs', '--format', 'nginx', '--file', file]);
    expect(result.code).toBe(0);
    expect(events(result.stdout)).toHaveLength(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      `apiscope: ${file}:2: line skipped, the line is not in the combined format [NOT_THIS_FORMAT]; further lines with this problem are counted in the summary`,
      `apiscope: ${file}:5: line skipped, the log time is missing or malformed [BAD_TIME]; further lines with this problem are counted in the summary`,
      `${file}: 5 lines, 2 events (40.0% parsed), 2 delivered to stdout, 3 skipped (NOT_THIS_FORMAT 2 from line 2, BAD_TIME 1 from line 5)`,
    ]);
  });

  it.each([
    [['sensor', 'logs', '--file', NGINX], /required option '--format <format>' not specified/],
    [
      ['sensor', 'logs', '--format', 'apache', '--file', NGINX],
      /--format must be one of nginx, nginx-json, envoy, kong, apigw, alb, har, zeek/,
    ],
    [['sensor', 'logs', '--format', 'nginx'], /give either --file F \(repeatable\) or --stdin/],
    [
      ['sensor', 'logs', '--format', 'nginx', '--file', NGINX, '--sink', 'kafka://no-port/apiscope.calls.v1'],
      /--sink: invalid Kafka URL "kafka:\/\/no-port\/apiscope.calls.v1": brokers must be host:port/,
    ],
    [
      ['sensor', 'logs', '--format', 'nginx', '--file', NGINX, '--sink', 'http://127.0.0.1:9'],
      /needs --api-key KEY \(or APISCOPE_API_KEY\)/,
    ],
    [
      ['sensor', 'logs', '--format', 'nginx', '--file', NGINX, '--sink', 'ftp://x'],
      /--sink must be stdout, http:\/\/HOST:PORT or kafka:\/\/BROKERS\/TOPIC/,
    ],
    [['sensor', 'logs', '--format', 'har', '--file', NGINX, '--follow'], /--follow does not apply to HAR/],
    [
      ['sensor', 'logs', '--format', 'envoy', '--file', NGINX, '--nginx-format', 'combined'],
      /--nginx-format applies to --format nginx or nginx-json/,
    ],
    [
      ['sensor', 'logs', '--format', 'nginx', '--file', NGINX, '--nginx-format', '$remote_addr $status'],
      /logs neither \$request nor \$request_method/,
    ],
    [
      ['sensor', 'logs', '--format', 'nginx', '--file', '/nonexistent.log'],
      /cannot read \/nonexistent\.log: no such file/,
    ],
    [['sensor', 'logs', '--format', 'har', '--file', NGINX], /not a HAR file/],
  ])('should exit 2 with one clear line for %j', async (args, message) => {
    const result = await runCli(args, { APISCOPE_API_KEY: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('should print help for sensor logs', async () => {
    const result = await runCli(['sensor', 'logs', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: apiscope sensor logs \[options\]/);
    expect(result.stdout).toContain('--nginx-format <format>');
  });

  describe('with an http:// sink', () => {
    const server = useEmbeddedServer('sensor-sink', { apiKey: KEY });

    it('should deliver to a running apiscope, and not double count a second run', async () => {
      const args = [
        'sensor',
        'logs',
        '--format',
        'envoy',
        '--file',
        corpusFile('logs', 'envoy', 'elastic-envoyproxy-test-log.log'),
      ];
      const first = await runCli([...args, '--sink', server.url, '--api-key', KEY]);
      expect(first.code).toBe(0);
      expect(first.stderr).toMatch(
        /: 7 lines, 5 events \(71\.4% parsed\), 5 delivered to http:\/\/127\.0\.0\.1:\d+, 2 skipped \(NOT_HTTP 2 from line 1\)/,
      );
      const second = await runCli([...args, '--sink', server.url], { APISCOPE_API_KEY: KEY });
      expect(second.code).toBe(0);
      const inventory = await request(server.url)
        .get('/api/v1/inventory')
        .set('Authorization', `Bearer ${KEY}`)
        .expect(200);
      const calls = (inventory.body as { services: Array<{ endpoints: Array<{ calls: number }> }> }).services
        .flatMap((s) => s.endpoints)
        .reduce((n, e) => n + e.calls, 0);
      expect(calls).toBe(5);
    });

    it('should exit 1 with the reason when the key is refused', async () => {
      const result = await runCli([
        'sensor',
        'logs',
        '--format',
        'nginx',
        '--file',
        NGINX,
        '--sink',
        server.url,
        '--api-key',
        'wrong-key-0123456789',
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/ingest refused the batch: HTTP 401/);
    });
  });
});
