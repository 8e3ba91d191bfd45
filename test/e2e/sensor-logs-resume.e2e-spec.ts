import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startCli } from '../support/child-process';
import { useEmbeddedServer } from '../support/embedded-server.fixture';
import {
  comparable,
  fetchInventory,
  nginxAccessLog,
  readLogOffset,
  totalCalls,
  waitUntil,
} from '../support/resume-run';
import { runCli } from '../support/run-cli';
import { startUp } from '../support/up-process';

jest.setTimeout(240_000);

const KEY = 'e2e-logs-resume-key-0123456789';
const LINES = 30_000;

/**
 * Issue 11 "process faults" for the log sensor: `sensor logs --file F --sink http://... --resume`
 * killed by SIGKILL mid-file twice (right after the API stored a batch and before its offset was
 * saved; then from outside), then resumed to the end. The inventory must equal, in every field,
 * that of an undisturbed run of the same log into a second apiscope.
 */
describe('sensor logs --resume after kill -9', () => {
  const dir = mkdtempSync(join(tmpdir(), 'apiscope-logs-resume-'));
  const log = join(dir, 'access.log');
  const state = join(dir, 'sensor-state');
  const server = useEmbeddedServer('logs-resume', { apiKey: KEY });

  beforeAll(() => writeFileSync(log, nginxAccessLog(LINES)));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sensor = (sink: string, ...extra: string[]) => [
    'sensor',
    'logs',
    '--format',
    'nginx',
    '--file',
    log,
    '--sink',
    sink,
    '--sensor-id',
    'edge-logs',
    ...extra,
  ];

  it('should end with the inventory of an undisturbed run', async () => {
    const first = await runCli(sensor(server.url, '--resume', '--data', state), {
      APISCOPE_API_KEY: KEY,
      APISCOPE_FAULT_CRASH_AFTER_BATCHES: '3',
    });
    expect(first.code).toBeNull();
    // the 3rd batch is stored, its offset is not
    expect(readLogOffset(state)).toMatchObject({ line: 2000 });

    const second = startCli(sensor(server.url, '--resume', '--data', state), { APISCOPE_API_KEY: KEY });
    await waitUntil(() => (readLogOffset(state)?.line ?? 0) >= 8000, 'the resumed run saved line 8000');
    expect(await second.signal('SIGKILL')).toBe(128);
    expect(readLogOffset(state)?.complete).toBeUndefined();

    const third = await runCli(sensor(server.url, '--resume', '--data', state), { APISCOPE_API_KEY: KEY });
    expect(third.code).toBe(0);
    expect(third.stderr).toMatch(/resumed at line \d+/);
    expect(readLogOffset(state)).toMatchObject({ line: LINES, complete: true });
    const again = await runCli(sensor(server.url, '--resume', '--data', state), { APISCOPE_API_KEY: KEY });
    expect(again.stderr).toMatch(/already read to its end \(line 30000\) by an earlier run: nothing sent/);

    const other = await startUp(join(dir, 'undisturbed'), [], /apiscope is up at/);
    try {
      const undisturbed = await runCli(sensor(other.url), { APISCOPE_API_KEY: other.key });
      expect(undisturbed.code).toBe(0);
      const expected = await fetchInventory(other.url, other.key);
      const actual = await fetchInventory(server.url, KEY);
      expect(totalCalls(expected)).toBe(LINES);
      expect(comparable(actual)).toEqual(comparable(expected));
    } finally {
      await other.stop();
    }
  });

  it('should refuse a corrupt offsets file with exit 2 and --resume with --stdin', async () => {
    const own = join(dir, 'corrupt-state');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(own, { recursive: true });
    writeFileSync(join(own, 'log-offsets.json'), '{"version":1,"generations":{"ab');
    const corrupt = await runCli(sensor('stdout', '--resume', '--data', own));
    expect(corrupt.code).toBe(2);
    expect(corrupt.stdout).toBe('');
    expect(corrupt.stderr).toMatch(/cannot read the log offsets in .*: fix or delete it/);
    const stdin = await runCli(['sensor', 'logs', '--format', 'nginx', '--stdin', '--resume'], {}, '');
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toMatch(/--resume needs --file/);
  });
});
