import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CLI_BIN, REPO_ROOT } from '../support/corpus';

const KEY = 'e2e-up-log-key-0123456789';
const line = (n: number) =>
  `10.1.0.${n % 200} - - [01/Mar/2024:10:00:${String(n % 60).padStart(2, '0')} +0000] "GET /orders/${n} HTTP/1.1" 200 12 "-" "client/1"\n`;
const lines = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => line(from + i)).join('');

async function until<T>(probe: () => Promise<T | undefined>, what: string, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('apiscope up --log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'apiscope-up-log-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should follow a log while running and keep its offset in the data directory', async () => {
    const log = join(dir, 'access.log');
    writeFileSync(log, lines(1, 30));
    const data = join(dir, 'data');
    const child = spawn(
      process.execPath,
      [CLI_BIN, 'up', '--data', data, '--port', '0', '--log', `nginx:${log}`],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, APISCOPE_API_KEY: KEY },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const url = await until(
        () => Promise.resolve(/apiscope is up at (http:\/\/\S+)/.exec(stderr)?.[1]),
        'the start-up line',
      );
      const calls = async () => {
        const res = await fetch(`${url}/api/v1/inventory`, { headers: { authorization: `Bearer ${KEY}` } });
        const doc = (await res.json()) as {
          services: Array<{ endpoints: Array<{ path: string; calls: number }> }>;
        };
        return doc.services.flatMap((s) => s.endpoints);
      };
      const first = await until(
        async () => ((await calls())[0]?.calls === 30 ? calls() : undefined),
        '30 calls',
      );
      expect(first).toEqual([expect.objectContaining({ path: '/orders/{orderId}', calls: 30 })]);
      appendFileSync(log, lines(31, 45));
      await until(async () => ((await calls())[0]?.calls === 45 ? true : undefined), '45 calls');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(existsSync(join(data, 'log-offsets.json'))).toBe(true);
    expect(stderr).toMatch(/following nginx:/);
  });
});
