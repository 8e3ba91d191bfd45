import { type ChildProcess, spawn } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type ApiCall } from '@apiscope/contracts';

import { CLI_BIN, REPO_ROOT } from '../support/corpus';

/** An Envoy default-format line whose path carries its number, so each line can be accounted for. */
const line = (n: number) =>
  `[2024-03-01T12:00:${String(n % 60).padStart(2, '0')}.${String(n % 1000).padStart(3, '0')}Z] "GET /items/${n} HTTP/1.1" 200 - 0 ${n} 3 2 "-" "load/1" "id-${n}" "shop.internal" "10.0.0.9:80"\n`;
const lines = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => line(from + i)).join('');
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

interface Running {
  child: ChildProcess;
  output: () => ApiCall[];
  stderr: () => string;
  stop: () => Promise<number | null>;
}

function sensor(file: string, data: string): Running {
  const child = spawn(
    process.execPath,
    [
      CLI_BIN,
      'sensor',
      'logs',
      '--format',
      'envoy',
      '--file',
      file,
      '--follow',
      '--data',
      data,
      '--sensor-id',
      'e2e',
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    output: () =>
      stdout
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as ApiCall),
    stderr: () => stderr,
    stop: () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}

async function until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const numbers = (calls: ApiCall[]) =>
  calls.map((c) => Number(c.request.path.split('/').pop())).sort((a, b) => a - b);

describe('apiscope sensor logs --follow', () => {
  const dir = mkdtempSync(join(tmpdir(), 'apiscope-follow-e2e-'));
  const log = join(dir, 'access.log');
  const data = join(dir, 'data');
  const started: Running[] = [];
  afterAll(async () => {
    for (const s of started) if (s.child.exitCode === null) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should lose and repeat nothing across rename rotation, copytruncate and a restart', async () => {
    writeFileSync(log, lines(1, 100));
    const first = sensor(log, data);
    started.push(first);
    await until(() => first.output().length === 100, 'the first 100 lines');

    // logrotate `create`: renamed, the server still writes a few lines to the old file, then a new one
    renameSync(log, `${log}.1`);
    appendFileSync(`${log}.1`, lines(101, 120));
    writeFileSync(log, lines(121, 200));
    await until(() => first.output().length >= 200, '200 lines after rename rotation');

    // logrotate `copytruncate`: lines appended right before the copy are only in the copy now
    appendFileSync(log, lines(201, 230));
    copyFileSync(log, `${log}.2`);
    truncateSync(log, 0);
    appendFileSync(log, lines(231, 260));
    await until(() => first.output().length >= 260, '260 lines after copytruncate');

    expect(await first.stop()).toBe(0);
    expect(first.stderr()).toMatch(
      new RegExp(`${log}: \\d+ lines, \\d+ events .* delivered to stdout, 0 skipped`),
    );

    // stopped: lines keep coming; a restart picks up exactly where the first run stopped
    appendFileSync(log, lines(261, 300));
    const second = sensor(log, data);
    started.push(second);
    await until(() => second.output().length >= 40, 'the 40 lines written while stopped');
    appendFileSync(log, lines(301, 310));
    await until(() => second.output().length >= 50, '10 more lines');
    expect(await second.stop()).toBe(0);

    const all = [...first.output(), ...second.output()];
    expect(numbers(all)).toEqual(range(1, 310));
    expect(new Set(all.map((c) => c.id)).size).toBe(310);
    expect(numbers(second.output())).toEqual(range(261, 310));
    const offsets = JSON.parse(readFileSync(join(data, 'log-offsets.json'), 'utf8')) as { version: number };
    expect(offsets.version).toBe(1);
  });
});
