import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startCli } from '../support/child-process';
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
import { runCli } from '../support/run-cli';
import { startUp } from '../support/up-process';

jest.setTimeout(240_000);

const KEY = 'e2e-up-kill-key-0123456789';
const EXCHANGES = 8000;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * Issue 11 "process faults", embedded mode: the pipeline runs inside `apiscope up`, so killing the
 * pipeline worker mid-batch is killing `up` by SIGKILL while a sensor's batch is being stored
 * (the sensor sends its next batch as soon as one is confirmed, so one is always in flight). `up`
 * is started again on the same data directory, the sensor (killed too) resumes, and the inventory
 * must equal that of an undisturbed run. (The Kafka worker's kill between storing and committing a
 * batch is covered by kafka-pipeline, distributed-pcap and distributed-mode e2e specs.)
 */
describe('apiscope up killed by SIGKILL mid-batch, sensor resumed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'apiscope-up-kill-'));
  const capture = join(dir, 'rest-traffic.pcap');
  const state = join(dir, 'sensor-state');
  const data = join(dir, 'up-data');
  const reference = useEmbeddedServer('up-kill-reference', { apiKey: KEY });

  beforeAll(() => generateCapture(capture, EXCHANGES));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sensor = (sink: string, ...extra: string[]) => pcapSensorArgs(capture, sink, ...extra);

  it('should lose nothing and count nothing twice', async () => {
    const port = await freePort();
    const up = await startUp(data, ['--port', String(port)], /apiscope is up at/);
    const url = `http://127.0.0.1:${port}`;
    const streaming = startCli(sensor(url, '--resume', '--data', state), { APISCOPE_API_KEY: up.key });
    try {
      await waitUntil(() => (readPcapCheckpoint(state)?.batches ?? 0) >= 2, 'two batches stored');
    } finally {
      // the pipeline (inside up) dies with a batch in hand, and the sensor with it
      await up.kill();
      await streaming.signal('SIGKILL');
    }
    expect(readPcapCheckpoint(state)?.complete).toBe(false);

    const again = await startUp(data, ['--port', String(port)], /apiscope is up at/);
    try {
      const resumed = await runCli(sensor(url, '--resume', '--data', state), { APISCOPE_API_KEY: again.key });
      expect(resumed.stderr).toMatch(/resumed \(checkpoint /);
      expect(resumed.code).toBe(0);
      const undisturbed = await runCli(sensor(reference.url), { APISCOPE_API_KEY: KEY });
      expect(undisturbed.code).toBe(0);
      const actual = await fetchInventory(url, again.key);
      const expected = await fetchInventory(reference.url, KEY);
      expect(totalCalls(actual)).toBe(EXCHANGES);
      expect(countedInventory(actual)).toEqual(countedInventory(expected));
    } finally {
      await again.stop();
    }
  });
});
