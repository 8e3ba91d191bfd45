import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { useEmbeddedServer } from '../support/embedded-server.fixture';
import {
  countedInventory,
  fetchInventory,
  generateCapture,
  pcapSensorArgs,
  readPcapCheckpoint,
  totalCalls,
  waitUntil,
} from '../support/resume-run';
import { runCli, type CliResult } from '../support/run-cli';
import { startCli } from '../support/child-process';
import { startUp } from '../support/up-process';

jest.setTimeout(240_000);

const KEY = 'e2e-resume-key-0123456789';
const EXCHANGES = 8000;

/**
 * Issue 11 "process faults" for the packet sensor: `sensor pcap --file F --sink http://... --resume`
 * killed by SIGKILL mid-file twice (once right after the API stored a batch and before the
 * checkpoint recorded it, the worst moment; once from outside at whatever point it had reached),
 * then resumed to the end. The inventory must equal that of an undisturbed run of the same capture
 * into a second apiscope (`apiscope up` in a child process): same endpoints, same calls, status
 * codes, first/last seen, auth and flags: nothing lost and nothing counted twice. Two workers, so
 * the per-shard checkpoint counts are exercised.
 */
describe('sensor pcap --resume after kill -9', () => {
  const dir = mkdtempSync(join(tmpdir(), 'apiscope-pcap-resume-'));
  const capture = join(dir, 'rest-traffic.pcap');
  const state = join(dir, 'sensor-state');
  const server = useEmbeddedServer('pcap-resume', { apiKey: KEY });

  beforeAll(() => generateCapture(capture, EXCHANGES));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sensor = (sink: string, ...extra: string[]) => pcapSensorArgs(capture, sink, ...extra);

  it('should end with the inventory of an undisturbed run', async () => {
    // 1: dies by SIGKILL after the API accepted its 2nd batch, before the checkpoint counted it
    const first = await runCli([...sensor(server.url, '--resume', '--data', state)], {
      APISCOPE_API_KEY: KEY,
      APISCOPE_FAULT_CRASH_AFTER_BATCHES: '2',
    });
    expect(first.code).toBeNull();
    expect(readPcapCheckpoint(state)).toMatchObject({ batches: 1, complete: false });
    expect(readdirSync(join(state, 'pcap-resume')).some((f) => f.endsWith('.pending.ndjson'))).toBe(true);

    // 2: resumed (sends that batch again first), killed from outside once it got further
    const second = startCli(sensor(server.url, '--resume', '--data', state), { APISCOPE_API_KEY: KEY });
    await waitUntil(
      () => (readPcapCheckpoint(state)?.batches ?? 0) >= 3,
      'the resumed run confirmed two batches',
    );
    expect(await second.signal('SIGKILL')).toBe(128);
    const killedAt = readPcapCheckpoint(state);
    expect(killedAt?.complete).toBe(false);

    // 3: resumed to the end
    const third: CliResult = await runCli(sensor(server.url, '--resume', '--data', state), {
      APISCOPE_API_KEY: KEY,
    });
    expect(third.stderr).toMatch(/resumed \(checkpoint .*; \d+ events delivered before were skipped/);
    expect(third.code).toBe(0);
    const done = readPcapCheckpoint(state);
    expect(done?.complete).toBe(true);
    expect(done?.delivered.reduce((a, b) => a + b, 0)).toBe(EXCHANGES);

    // the undisturbed run, into a second apiscope
    const otherDir = join(dir, 'undisturbed');
    const other = await startUp(otherDir, [], /apiscope is up at/);
    try {
      const undisturbed = await runCli(sensor(other.url), { APISCOPE_API_KEY: other.key });
      expect(undisturbed.code).toBe(0);
      const expected = await fetchInventory(other.url, other.key);
      const actual = await fetchInventory(server.url, KEY);
      expect(totalCalls(expected)).toBe(EXCHANGES);
      expect(totalCalls(actual)).toBe(EXCHANGES);
      expect(countedInventory(actual)).toEqual(countedInventory(expected));
    } finally {
      await other.stop();
    }
  });

  it('should say what is wrong with a corrupt or foreign checkpoint and exit 2, sending nothing', async () => {
    const own = join(dir, 'corrupt-state');
    const first = await runCli(sensor('stdout', '--resume', '--data', own));
    expect(first.code).toBe(0);
    const file = readdirSync(join(own, 'pcap-resume')).find((f) => f.endsWith('.json')) as string;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(own, 'pcap-resume', file), '{"kind":"apiscope-pcap-checkpoint","version":1,"capt');
    const corrupt = await runCli(sensor('stdout', '--resume', '--data', own));
    expect(corrupt.code).toBe(2);
    expect(corrupt.stdout).toBe('');
    expect(corrupt.stderr).toMatch(/is not a usable apiscope pcap checkpoint \(.*\): delete it/);

    rmSync(join(own, 'pcap-resume', file));
    expect((await runCli(sensor('stdout', '--resume', '--data', own))).code).toBe(0);
    const otherSensor = await runCli([...sensor('stdout', '--resume', '--data', own), '--sensor-id', 'x']);
    expect(otherSensor.code).toBe(2);
    expect(otherSensor.stderr).toMatch(/was made with --sensor-id "pcap:rest-traffic.pcap", now "x"/);
    expect(existsSync(join(own, 'pcap-resume', file))).toBe(true);
  });

  it('should refuse --resume without --file (exit 2)', async () => {
    const result = await runCli(
      ['sensor', 'pcap', '--stdin', '--sink', 'stdout', '--resume'],
      {},
      Buffer.alloc(0),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--resume needs --file/);
  });
});
