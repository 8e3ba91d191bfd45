import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import request from 'supertest';

import { type ApiCall, validateApiCall } from '@apiscope/contracts';

import { CLI_BIN, corpusFile, REPO_ROOT } from '../support/corpus';
import { useEmbeddedServer } from '../support/embedded-server.fixture';
import { tcpCapture } from '../support/pcap-fixture';
import { runCli, runNode } from '../support/run-cli';

const MATTERMOST = corpusFile('api-pcaps', 'suricata-verify__http-post-file__mattermost-api-v4-8065.pcap');
const NPM = corpusFile('api-pcaps', 'suricata-verify__lua-transform-11-bug-8173__npm-registry-api.pcap');
const KEY = 'e2e-sensor-key-0123456789';

const lines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as ApiCall);

const TRANSFER_ONE_BUFFER = 'const b = new ArrayBuffer(8); structuredClone(b, { transfer: [b] });';

describe('apiscope sensor pcap', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'apiscope-sensor-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should print one valid ApiCall per exchange on stdout and the summary on stderr', async () => {
    const result = await runCli(['sensor', 'pcap', '--file', NPM, '--sink', 'stdout', '--workers', '1']);
    expect(result.code).toBe(0);
    const calls = lines(result.stdout);
    expect(calls).toHaveLength(11);
    for (const call of calls) expect(validateApiCall(call).ok).toBe(true);
    expect(calls[0]).toMatchObject({
      v: 1,
      sensor: { kind: 'pcap' },
      request: { method: 'GET', scheme: 'http' },
      response: { status: 200 },
    });
    expect(result.stderr).toMatch(/^apiscope sensor pcap: 11 exchanges from 946 packets/);
    expect(result.stderr).toMatch(/sink: 11 events written to stdout/);
  });

  it('should give the same events with worker threads as in one thread', async () => {
    const one = await runCli(['sensor', 'pcap', '--file', NPM, '--sink', 'stdout', '--workers', '1']);
    const three = await runCli(['sensor', 'pcap', '--file', NPM, '--sink', 'stdout', '--workers', '3']);
    expect(three.code).toBe(0);
    const byId = (calls: ApiCall[]) => calls.sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(lines(three.stdout))).toEqual(byId(lines(one.stdout)));
  });

  it('should never transfer memory between its threads (V8 then compiles the hot path with detach checks)', async () => {
    // the probe works: a transfer invalidates the protector, and V8 says so
    const probe = await runNode(['--trace-protector-invalidation', '-e', TRANSFER_ONE_BUFFER]);
    expect(probe.stdout + probe.stderr).toMatch(/ArrayBufferDetaching/);
    // NPM is larger than a 1 MiB chunk: records cross reads and travel alone to their worker
    for (const workers of ['1', '2', '3']) {
      const run = await runNode([
        '--trace-protector-invalidation',
        CLI_BIN,
        ...['sensor', 'pcap', '--file', NPM, '--sink', 'stdout', '--workers', workers, '--no-progress'],
      ]);
      expect(run.code).toBe(0);
      expect(lines(run.stdout)).toHaveLength(11);
      expect(run.stdout + run.stderr).not.toMatch(/ArrayBufferDetaching/);
    }
  });

  it('should read a capture stream from stdin', async () => {
    const result = await runCli(
      ['sensor', 'pcap', '--stdin', '--sink', 'stdout', '--workers', '2'],
      {},
      readFileSync(NPM),
    );
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toHaveLength(11);
  });

  it('should say in one line why a capture holds no HTTP', async () => {
    const file = join(dir, 'tls.pcap');
    writeFileSync(
      file,
      tcpCapture([{ sport: 50000, dport: 443, seq: 1, payload: Buffer.from('16030100050100000100', 'hex') }]),
    );
    const result = await runCli(['sensor', 'pcap', '--file', file, '--sink', 'stdout']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /\nno HTTP: 100% of TCP payload bytes are TLS \(1 connections on port 443\)/,
    );
  });

  it.each([
    ['no input', ['--sink', 'stdout'], /give exactly one input/],
    ['two inputs', ['--file', MATTERMOST, '--stdin', '--sink', 'stdout'], /give exactly one input/],
    ['no sink', ['--file', MATTERMOST], /--sink is required/],
    [
      'a kafka sink without a port',
      ['--file', MATTERMOST, '--sink', 'kafka://localhost/apiscope.calls.v1'],
      /--sink: invalid Kafka URL "kafka:\/\/localhost\/apiscope.calls.v1": brokers must be host:port/,
    ],
    ['an unknown sink', ['--file', MATTERMOST, '--sink', 'ftp://x'], /--sink must be stdout, http/],
    [
      'an http sink without a key',
      ['--file', MATTERMOST, '--sink', 'http://127.0.0.1:1'],
      /needs an API key/,
    ],
    [
      'zero workers',
      ['--file', MATTERMOST, '--sink', 'stdout', '--workers', '0'],
      /--workers must be a whole number/,
    ],
    [
      'a body cap that is not a number',
      ['--file', MATTERMOST, '--sink', 'stdout', '--max-body', 'lots'],
      /--max-body must be a whole number/,
    ],
    [
      '--bpf without --interface',
      ['--stdin', '--bpf', 'tcp port 80', '--sink', 'stdout'],
      /--bpf needs --interface/,
    ],
    [
      'a file that is not a capture',
      ['--file', join(REPO_ROOT, 'package.json'), '--sink', 'stdout'],
      /not a pcap or pcapng capture/,
    ],
    [
      'a missing file',
      ['--file', '/nonexistent.pcap', '--sink', 'stdout'],
      /cannot read capture file \/nonexistent.pcap: ENOENT/,
    ],
    ['an empty file', ['--file', '/dev/null', '--sink', 'stdout'], /\/dev\/null: empty input, not a capture/],
  ])('should exit 2 with one clear line for %s', async (_name, args, message) => {
    const result = await runCli(['sensor', 'pcap', ...args], { APISCOPE_API_KEY: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  describe('with an http:// sink', () => {
    const server = useEmbeddedServer('sensor-api', { apiKey: KEY });

    it('should send the events to /api/v1/ingest and find them in the inventory', async () => {
      const result = await runCli(
        ['sensor', 'pcap', '--file', MATTERMOST, '--sink', server.url, '--workers', '2'],
        { APISCOPE_API_KEY: KEY },
      );
      expect(result.stderr).toMatch(/sink: 3 events accepted by http:\/\/127\.0\.0\.1:\d+, 0 refused/);
      expect(result.code).toBe(0);
      const inventory = await request(server.url)
        .get('/api/v1/inventory')
        .set('Authorization', `Bearer ${KEY}`)
        .expect(200);
      const endpoints = (
        inventory.body as {
          services: Array<{ name: string; endpoints: Array<{ method: string; path: string }> }>;
        }
      ).services
        .flatMap((s) => s.endpoints.map((e) => `${s.name} ${e.method} ${e.path}`))
        .sort();
      expect(endpoints).toEqual([
        'localhost:8065 POST /api/v4/uploads',
        'localhost:8065 POST /api/v4/uploads/{uploadId}',
        'localhost:8065 POST /api/v4/users/login',
      ]);
    });
  });
});

describe('apiscope analyze --pcap', () => {
  it('should print the inventory of a capture, flagging the open login route', async () => {
    const result = await runCli(['analyze', '--pcap', MATTERMOST, '--format', 'json']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as {
      services: Array<{ name: string; endpoints: Array<{ method: string; path: string; flags: string[] }> }>;
    };
    const login = doc.services[0].endpoints.find((e) => e.path === '/api/v4/users/login');
    // the login carries a plaintext password in its body: open and sensitive
    expect(login).toMatchObject({ method: 'POST', flags: ['unauthenticated', 'sensitive'] });
  });

  it('should exit 2 on a file that is not a capture', async () => {
    const result = await runCli(['analyze', '--pcap', join(REPO_ROOT, 'package.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a pcap or pcapng capture/);
  });
});
