import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';

import { LogSkipCode } from '@apiscope/logs';

import { LogInputException, LogInputExceptionCode } from './log-input.exception';
import { type LogSensorSettings } from './log-sensor-settings.type';
import { MemorySink } from './memory-sink.util';
import { readLogInput } from './read-log-input.usecase';

const CORPUS = join(
  process.env['APISCOPE_CORPUS'] ?? resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus'),
);
const NGINX = join(CORPUS, 'logs', 'nginx', 'elastic-nginx-test-access.log');
const ALB = join(CORPUS, 'logs', 'aws-alb', 'elastic-aws-elb-test-alb.log');

function settings(
  overrides: Partial<LogSensorSettings> = {},
): LogSensorSettings & { sink: MemorySink; warnings: string[] } {
  const warnings: string[] = [];
  return {
    format: 'nginx',
    sensorId: 'edge',
    sink: new MemorySink(),
    warn: (l) => warnings.push(l),
    warnings,
    ...overrides,
  } as LogSensorSettings & {
    sink: MemorySink;
    warnings: string[];
  };
}

describe(readLogInput.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'apiscope-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should give a rotated .gz, stdin and the plain file the same events and ids', async () => {
    const text = readFileSync(NGINX);
    const gz = join(dir, 'access.log.2.gz');
    writeFileSync(gz, gzipSync(text));
    const plain = settings();
    const zipped = settings();
    const piped = settings();
    await readLogInput(NGINX, plain);
    await readLogInput(gz, zipped);
    // stdin arrives in arbitrary chunks
    const chunks = [text.subarray(0, 100), text.subarray(100, 1001), text.subarray(1001)];
    await readLogInput('-', piped, Readable.from(chunks));
    expect(plain.sink.calls).toHaveLength(14);
    expect(zipped.sink.calls).toEqual(plain.sink.calls);
    expect(piped.sink.calls).toEqual(plain.sink.calls);
    expect(plain.sink.calls[0].id).toMatch(/^edge:[0-9a-f]{16}:1$/);
  });

  it('should send batches that end at multiples of the block size, so a re-read repeats them', async () => {
    const run = settings({ blockLines: 5 });
    await readLogInput(NGINX, run);
    const ends = run.sink.batches.map((b) => Number(b[b.length - 1].id.split(':').pop()));
    expect(ends).toEqual([5, 10, 14]);
  });

  it('should report each kind of skipped line once, with its first line number, and count the rest', async () => {
    const run = settings({ format: 'alb' });
    const stats = await readLogInput(ALB, run);
    expect(stats).toMatchObject({ lines: 10, events: 2, accepted: 2, refused: 0 });
    expect(stats.skipped.get(LogSkipCode.NOT_HTTP)).toMatchObject({ count: 7, firstLine: 3 });
    expect(run.warnings).toEqual([
      expect.stringMatching(
        /alb\.log:3: line skipped, an NLB TLS log line, not an HTTP request \[NOT_HTTP\]/,
      ),
      expect.stringMatching(/alb\.log:10: line skipped, .* \[NO_REQUEST\]/),
    ]);
  });

  it('should deliver what a damaged .gz held before the damage and say where it stopped', async () => {
    const zipped = gzipSync(Buffer.from(readFileSync(NGINX, 'utf8').repeat(50)));
    const cut = join(dir, 'cut.log.gz');
    writeFileSync(cut, zipped.subarray(0, Math.floor(zipped.length * 0.6)));
    const run = settings();
    const stats = await readLogInput(cut, run);
    expect(run.sink.calls.length).toBeGreaterThan(0);
    expect(stats.warnings).toEqual([
      expect.stringMatching(/^reading stopped at line \d+: unexpected end of file/),
    ]);
  });

  it('should read a HAR export with content-based ids', async () => {
    const har = join(CORPUS, 'har', 'mitmproxy2swagger', 'headers_and_params_har.har');
    const run = settings({ format: 'har' });
    const stats = await readLogInput(har, run);
    expect(stats).toMatchObject({ events: 1, accepted: 1 });
    expect(run.sink.calls[0]).toMatchObject({
      id: expect.stringMatching(/^edge:[0-9a-f]{16}:0$/),
      sensor: { kind: 'har' },
    });
  });

  it.each([
    [join(dir, 'missing.log'), 'nginx', LogInputExceptionCode.NOT_FOUND],
    [NGINX, 'har', LogInputExceptionCode.NOT_HAR],
  ] as const)('should refuse %s read as %s', async (path, format, code) => {
    const error = await readLogInput(path, settings({ format })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LogInputException);
    expect((error as LogInputException).code).toBe(code);
  });
});
