import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Kafka, logLevel, Kafka as KafkaClient, Partitioners } from 'kafkajs';

import { type ApiCall } from '@apiscope/contracts';
import { CallRepository, ClickHouseStore, EndpointRepository } from '@apiscope/storage';
import { KafkaCallSink, createKafkaClient } from '@apiscope/transport';

import { apiCall } from '../support/api-call.fixture';
import { corpusFile } from '../support/corpus';
import { runCli } from '../support/run-cli';
import { type RunningCli, startCli as startCliProcess } from '../support/child-process';
import { type KafkaMock, startKafkaMock } from '../support/kafka-mock';

const TOPIC = 'apiscope.calls.v1';
const DLQ = 'apiscope.calls.dlq.v1';
const CALLS = 3000;
const SERVICES = 12;

async function committedTotal(kafka: Kafka, groupId: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [topic] = await admin.fetchOffsets({ groupId, topics: [TOPIC] });
    return topic.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
  } finally {
    await admin.disconnect();
  }
}

async function waitUntil(predicate: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}

jest.setTimeout(240_000);

const running: RunningCli[] = [];
const startCli = (...args: Parameters<typeof startCliProcess>) => {
  const cli = startCliProcess(...args);
  running.push(cli);
  return cli;
};

describe('apiscope pipeline (Kafka consumer group, librdkafka mock cluster)', () => {
  let mock: KafkaMock;
  let kafka: Kafka;
  let dir: string;

  beforeAll(async () => {
    mock = await startKafkaMock([`${TOPIC}:6`, `${DLQ}:1`, 'sensor.e2e.v1:2']);
    kafka = new KafkaClient({ brokers: mock.brokers, logLevel: logLevel.NOTHING, clientId: 'e2e' });
    dir = mkdtempSync(join(tmpdir(), 'apiscope-kafka-'));
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((cli) => cli.signal('SIGKILL')));
  });

  afterAll(async () => {
    await mock.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should store every call exactly once across a SIGKILL between store and commit, and dead-letter poison', async () => {
    const calls: ApiCall[] = Array.from({ length: CALLS }, (_, i) =>
      apiCall(
        { host: `svc-${i % SERVICES}.test`, path: `/items/${i}`, target: `/items/${i}` },
        { status: i % 10 === 0 ? 500 : 200 },
      ),
    );
    const sink = new KafkaCallSink({
      kafka: createKafkaClient('e2e-sensor', mock.brokers),
      topic: TOPIC,
      compression: 'snappy',
    });
    await sink.connect();
    await sink.send(calls);
    expect(await sink.close()).toEqual({ sent: CALLS, buffered: 0, dropped: 0, failedSends: 0 });
    const raw = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await raw.connect();
    await raw.send({
      topic: TOPIC,
      messages: [
        { key: 'poison', value: 'this is not json' },
        { key: 'poison', value: JSON.stringify({ ...calls[0], id: 'v2', v: 2 }) },
        {
          key: 'poison',
          value: JSON.stringify({
            ...calls[0],
            id: 'no-method',
            request: { ...calls[0].request, method: undefined },
          }),
        },
      ],
    });
    await raw.disconnect();
    const total = CALLS + 3;

    // worker A dies by SIGKILL right after storing its 3rd batch, before committing its offsets
    const a = startCli(
      [
        'pipeline',
        '--source',
        `kafka://${mock.brokers.join(',')}/${TOPIC}`,
        '--data',
        dir,
        '--max-batch',
        '100',
        '--session-timeout',
        '6000',
      ],
      {
        APISCOPE_FAULT_CRASH_AFTER_BATCHES: '3',
      },
    );
    expect(await a.exited).toBe(128);
    // worker B takes over the same group and storage, replays the uncommitted batch exactly, finishes
    const b = startCli([
      'pipeline',
      '--source',
      `kafka://${mock.brokers.join(',')}/${TOPIC}`,
      '--data',
      dir,
      '--max-batch',
      '100',
      '--session-timeout',
      '6000',
    ]);
    await b.waitFor(/replaying uncommitted batch \d+\.\.\d+ exactly/, 60_000);
    await waitUntil(async () => (await committedTotal(kafka, 'apiscope-pipeline')) === total, 120_000).catch(
      (e: unknown) => {
        throw new Error(`${String(e)}; worker B said:\n${b.output().slice(-3000)}`);
      },
    );
    expect(await b.signal('SIGTERM')).toBe(0);

    const store = await ClickHouseStore.open({ dataDir: dir, database: 'apiscope' });
    try {
      expect(await new CallRepository(store).count()).toBe(CALLS);
      const endpoints = await new EndpointRepository(store).all();
      expect(endpoints).toHaveLength(SERVICES);
      expect(endpoints.reduce((n, e) => n + e.calls, 0)).toBe(CALLS);
      for (const e of endpoints) {
        expect(e.pathTemplate).toBe('/items/{itemId}');
        expect(e.calls).toBe(CALLS / SERVICES);
      }
    } finally {
      await store.close();
    }

    const reasons: string[] = [];
    const dlq = kafka.consumer({ groupId: 'e2e-dlq-reader' });
    await dlq.connect();
    await dlq.subscribe({ topic: DLQ, fromBeginning: true });
    await new Promise<void>((resolve) => {
      void dlq.run({
        eachMessage: ({ message }) => {
          reasons.push(message.headers?.['apiscope-dlq-reason']?.toString() ?? '');
          if (reasons.length === 3) resolve();
          return Promise.resolve();
        },
      });
    });
    await dlq.disconnect();
    expect(reasons.sort()).toEqual([
      '(event): must be a JSON object',
      'request.method: is required',
      'v: unsupported contract version 2; this build reads v1',
    ]);
  });

  it('should refuse a malformed --source with exit 2', async () => {
    const bad = startCli(['pipeline', '--source', 'http://nope']);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toMatch(/--source: invalid Kafka URL "http:\/\/nope"/);
  });

  it('should send every exchange of a capture from `sensor pcap --sink kafka://` keyed by service', async () => {
    const capture = corpusFile(
      'api-pcaps',
      'suricata-verify__lua-transform-11-bug-8173__npm-registry-api.pcap',
    );
    const stdout = await runCli(['sensor', 'pcap', '--file', capture, '--sink', 'stdout', '--workers', '1']);
    expect(stdout.code).toBe(0);
    const expected = stdout.stdout.trim().split('\n').filter(Boolean).length;
    expect(expected).toBeGreaterThan(0);
    const sent = await runCli([
      'sensor',
      'pcap',
      '--file',
      capture,
      '--sink',
      `kafka://${mock.brokers.join(',')}/sensor.e2e.v1`,
      '--workers',
      '1',
    ]);
    expect(sent.code).toBe(0);
    expect(sent.stderr).toContain(`${expected} events sent to Kafka topic sensor.e2e.v1`);
    const keys: string[] = [];
    const reader = kafka.consumer({ groupId: 'e2e-sensor-reader' });
    await reader.connect();
    await reader.subscribe({ topic: 'sensor.e2e.v1', fromBeginning: true });
    await new Promise<void>((resolve) => {
      void reader.run({
        eachMessage: ({ message }) => {
          keys.push(message.key?.toString() ?? '');
          expect(message.headers?.['apiscope-contract']?.toString()).toBe('1');
          if (keys.length === expected) resolve();
          return Promise.resolve();
        },
      });
    });
    await reader.disconnect();
    expect(keys).toHaveLength(expected);
    expect(keys.every((k) => k !== '')).toBe(true);
  });
});
