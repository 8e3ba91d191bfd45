import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Kafka, logLevel } from 'kafkajs';

import { startCli } from '../support/child-process';
import { CALLS_TOPIC, DistributedHarness, busiestPartition } from '../support/distributed-run';
import {
  countedInventory,
  generateCapture,
  nginxAccessLog,
  pcapSensorArgs,
  readLogOffset,
  readPcapCheckpoint,
  totalCalls,
  waitUntil,
} from '../support/resume-run';
import { runCli } from '../support/run-cli';

jest.setTimeout(240_000);

const EXCHANGES = 5000;

/**
 * Issue 11 "process faults" in distributed mode: `sensor pcap --resume --sink kafka://...` killed
 * by SIGKILL twice mid-file (after Kafka acknowledged a batch and before the checkpoint recorded
 * it; then from outside), resumed to the end, while two `apiscope pipeline` workers consume, one
 * of them killed by SIGKILL between storing a batch and committing it. Kafka cannot drop a repeated
 * batch, so the topic itself must hold each exchange once; the inventory must equal `analyze`'s.
 */
describe('sensor pcap and sensor logs --resume into Kafka after kill -9', () => {
  let harness: DistributedHarness;
  const dir = mkdtempSync(join(tmpdir(), 'apiscope-pcap-resume-kafka-'));
  const capture = join(dir, 'rest-traffic.pcap');
  const state = join(dir, 'sensor-state');

  beforeAll(async () => {
    generateCapture(capture, EXCHANGES);
    harness = await DistributedHarness.start();
  });

  afterAll(async () => {
    await harness?.teardown();
    rmSync(dir, { recursive: true, force: true });
  });

  const topicSize = async () => {
    const admin = new Kafka({ brokers: harness.mock.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(CALLS_TOPIC);
      return offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0);
    } finally {
      await admin.disconnect();
    }
  };

  it('should put each exchange in the topic once and end with the inventory of analyze', async () => {
    const embedded = await runCli(['analyze', '--pcap', capture, '--format', 'json']);
    expect(embedded.code).toBe(0);
    const expected = JSON.parse(embedded.stdout) as unknown;
    expect(totalCalls(expected)).toBe(EXCHANGES);
    const services = (expected as { services: Array<{ name: string; endpoints: Array<{ calls: number }> }> })
      .services;
    const busiest = busiestPartition(
      services.flatMap((s) => Array<string>(s.endpoints.reduce((n, e) => n + e.calls, 0)).fill(s.name)),
    );
    const sensor = pcapSensorArgs(capture, harness.kafkaUrl, '--resume', '--data', state);

    await harness.crashAndRecover({
      group: 'apiscope-pcap-resume-e2e',
      total: EXCHANGES,
      crashAt: { partition: busiest.partition, offset: Math.floor(busiest.events / 2) },
      maxBatch: 250,
      timeoutMs: 200_000,
      meanwhile: async () => {
        const first = await runCli(sensor, { APISCOPE_FAULT_CRASH_AFTER_BATCHES: '2' });
        expect(first.code).toBeNull();
        expect(readPcapCheckpoint(state)).toMatchObject({ batches: 1, complete: false });

        const second = startCli(sensor);
        await waitUntil(() => (readPcapCheckpoint(state)?.batches ?? 0) >= 3, 'two batches confirmed');
        expect(await second.signal('SIGKILL')).toBe(128);

        const third = await runCli(sensor);
        expect(third.code).toBe(0);
        expect(readPcapCheckpoint(state)?.complete).toBe(true);
        // the batch Kafka acknowledged before the first kill was found there, not produced again
        expect(await topicSize()).toBe(EXCHANGES);
      },
    });
    const distributed = await harness.inventory();
    expect(totalCalls(distributed)).toBe(EXCHANGES);
    expect(countedInventory(distributed)).toEqual(countedInventory(expected));
  });

  it('should put each line of a log in the topic once across kill -9 of `sensor logs --resume`', async () => {
    const log = join(dir, 'access.log');
    const lines = 6000;
    writeFileSync(log, nginxAccessLog(lines));
    const logState = join(dir, 'log-state');
    const before = await topicSize();
    const sensor = ['sensor', 'logs', '--format', 'nginx', '--file', log, '--sink', harness.kafkaUrl];
    const first = await runCli([...sensor, '--resume', '--data', logState], {
      APISCOPE_FAULT_CRASH_AFTER_BATCHES: '2',
    });
    expect(first.code).toBeNull();
    // Kafka holds the 2nd batch, the offsets do not say so
    expect(readLogOffset(logState)).toMatchObject({ line: 1000 });
    expect(await topicSize()).toBe(before + 2000);
    const second = await runCli([...sensor, '--resume', '--data', logState]);
    expect(second.code).toBe(0);
    expect(readLogOffset(logState)).toMatchObject({ line: lines, complete: true });
    expect(await topicSize()).toBe(before + lines);
  });
});
