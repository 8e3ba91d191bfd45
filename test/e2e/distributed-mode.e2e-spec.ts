import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { serviceNameOf } from '@apiscope/inference';
import { parseHar } from '@apiscope/logs';
import { KafkaCallSink, createKafkaClient } from '@apiscope/transport';

import { REPO_ROOT } from '../support/corpus';
import {
  CALLS_TOPIC,
  DistributedHarness,
  busiestPartition,
  comparableInventory,
} from '../support/distributed-run';
import { runCli } from '../support/run-cli';

jest.setTimeout(150_000);

const DEMO = join(REPO_ROOT, 'apps', 'cli', 'demo', 'demo-shop.har');
const MAX_BATCH = 15;

/**
 * The same traffic through embedded mode (`analyze`) and through distributed mode (Kafka, two
 * pipeline workers on a 6-partition topic, one of them killed by SIGKILL between storing a batch and
 * committing it, then restarted; a shared ClickHouse over HTTP): the inventories must be equal.
 */
describe('distributed mode gives the inventory of embedded mode', () => {
  let harness: DistributedHarness;

  beforeAll(async () => {
    harness = await DistributedHarness.start();
  });

  afterAll(async () => {
    await harness?.teardown();
  });

  it('should produce equal inventories, with no call lost or counted twice', async () => {
    // embedded mode runs while the distributed workers start and the sensor produces
    const embedded = runCli(['analyze', '--har', DEMO]);

    const { calls } = parseHar(readFileSync(DEMO, 'utf8'), { sensorId: 'har:demo-shop.har' });
    const sink = new KafkaCallSink({
      kafka: createKafkaClient('e2e-sensor', harness.mock.brokers),
      topic: CALLS_TOPIC,
      compression: 'gzip',
    });

    // the worker storing the middle of the busiest partition dies before committing it
    const busiest = busiestPartition(calls.map(serviceNameOf));
    expect(busiest.events).toBeGreaterThan(4 * MAX_BATCH);
    const run = await harness.crashAndRecover({
      group: 'apiscope-e2e',
      total: calls.length,
      crashAt: { partition: busiest.partition, offset: Math.floor(busiest.events / 2) },
      maxBatch: MAX_BATCH,
      timeoutMs: 110_000,
      meanwhile: async () => {
        await sink.connect();
        await sink.send(calls);
        expect((await sink.close()).sent).toBe(calls.length);
      },
    });
    expect(run.outputs()).toMatch(/replaying uncommitted batch \d+\.\.\d+ exactly/);

    const distributed = await harness.inventory();
    const { code, stdout } = await embedded;
    expect(code).toBe(0);
    expect(comparableInventory(distributed)).toEqual(comparableInventory(JSON.parse(stdout)));
  });
});
