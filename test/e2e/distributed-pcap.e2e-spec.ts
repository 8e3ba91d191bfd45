import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DistributedHarness, busiestPartition, comparableInventory } from '../support/distributed-run';
import { generateCapture } from '../support/resume-run';
import { runCli } from '../support/run-cli';

jest.setTimeout(150_000);

const EXCHANGES = 400;
const MAX_BATCH = 20;

/**
 * Issue 8's end-to-end test: one capture through (a) `apiscope analyze --pcap` and (b) `apiscope
 * sensor pcap --sink kafka://...` with two `apiscope pipeline` workers on a 6-partition topic, one
 * of them killed by SIGKILL mid-way (after storing a batch, before committing it) and restarted.
 * The capture is bench/pcap-generate.ts's seeded REST traffic over six services (the same bytes on
 * every run; out-of-order and retransmitted segments included), written to a temp dir.
 */
describe('a capture through sensor -> Kafka -> two workers gives the inventory of analyze --pcap', () => {
  let harness: DistributedHarness;
  let dir: string;
  let capture: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'apiscope-distributed-pcap-'));
    capture = join(dir, 'rest-traffic.pcap');
    generateCapture(capture, EXCHANGES);
    harness = await DistributedHarness.start();
  });

  afterAll(async () => {
    await harness?.teardown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should give equal inventories (endpoints, counts, flags, profiles), no call lost or counted twice', async () => {
    const embedded = await runCli(['analyze', '--pcap', capture]);
    expect(embedded.code).toBe(0);

    const expected = comparableInventory(JSON.parse(embedded.stdout));
    const services = expected as Array<{ name: string; endpoints: Array<{ calls: number }> }>;
    const total = (doc: unknown) =>
      (doc as typeof services).flatMap((s) => s.endpoints).reduce((n, e) => n + e.calls, 0);
    expect(total(expected)).toBe(EXCHANGES);

    // the worker storing the middle of the busiest partition (key = service) dies before committing it
    const busiest = busiestPartition(services.flatMap((s) => Array<string>(total([s])).fill(s.name)));
    expect(busiest.events).toBeGreaterThan(4 * MAX_BATCH);
    const run = await harness.crashAndRecover({
      group: 'apiscope-pcap-e2e',
      total: EXCHANGES,
      crashAt: { partition: busiest.partition, offset: Math.floor(busiest.events / 2) },
      maxBatch: MAX_BATCH,
      timeoutMs: 110_000,
      meanwhile: async () => {
        const sensor = await runCli([
          'sensor',
          'pcap',
          '--file',
          capture,
          '--sink',
          harness.kafkaUrl,
          '--workers',
          '1',
          '--no-progress',
        ]);
        expect(sensor.code).toBe(0);
      },
    });
    expect(run.outputs()).toMatch(/replaying uncommitted batch \d+\.\.\d+ exactly/);

    const distributed = comparableInventory(await harness.inventory());
    expect(total(distributed)).toBe(EXCHANGES);
    expect(distributed).toEqual(expected);
  });
});
