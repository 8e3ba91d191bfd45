import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Kafka, Kafka as KafkaClient, logLevel } from 'kafkajs';

import { type ApiCall } from '@apiscope/contracts';
import { CallRepository, ClickHouseStore, EndpointRepository } from '@apiscope/storage';
import { KafkaCallSink, createKafkaClient } from '@apiscope/transport';

import { apiCall } from '../support/api-call.fixture';
import { type RunningCli, startCli } from '../support/child-process';
import { type ClickHouseGateway, startClickHouseGateway } from '../support/clickhouse-http-gateway';
import { type KafkaMock, startKafkaMock } from '../support/kafka-mock';
import { parsePrometheusText, sample, type Samples } from '../support/prometheus-text';
import { type TcpProxy, startTcpProxy } from '../support/tcp-proxy';

const TOPIC = 'apiscope.faults.v1';
const DLQ = 'apiscope.faults.dlq.v1';
const GROUP = 'faults-e2e';
const PER_PHASE = 300;
const SERVICES = 6;

jest.setTimeout(180_000);

async function waitUntil(what: string, predicate: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function committedTotal(kafka: Kafka): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [topic] = await admin.fetchOffsets({ groupId: GROUP, topics: [TOPIC] });
    return topic.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
  } finally {
    await admin.disconnect();
  }
}

/** Server mode through Kafka: the ClickHouse server goes away (its port refuses) and comes back. */
describe('storage faults (ClickHouse server unreachable under a Kafka pipeline worker)', () => {
  let mock: KafkaMock;
  let kafka: Kafka;
  let dir: string;
  let gateway: ClickHouseGateway;
  let proxy: TcpProxy;
  let worker: RunningCli | undefined;

  beforeAll(async () => {
    mock = await startKafkaMock([`${TOPIC}:3`, `${DLQ}:1`]);
    kafka = new KafkaClient({ brokers: mock.brokers, logLevel: logLevel.NOTHING, clientId: 'faults-e2e' });
    dir = mkdtempSync(join(tmpdir(), 'apiscope-faults-kafka-'));
    gateway = await startClickHouseGateway(join(dir, 'server'));
    proxy = await startTcpProxy(Number(new URL(gateway.url).port));
  });

  afterAll(async () => {
    await worker?.signal('SIGKILL');
    await proxy.close();
    await gateway.close();
    await mock.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should stop consuming while storage is down, then store everything exactly once', async () => {
    const calls: ApiCall[] = Array.from({ length: 2 * PER_PHASE }, (_, i) =>
      apiCall({ host: `svc-${i % SERVICES}.faults`, path: `/orders/${i}`, target: `/orders/${i}` }),
    );
    const produce = async (chunk: ApiCall[]) => {
      const sink = new KafkaCallSink({
        kafka: createKafkaClient('faults-sensor', mock.brokers),
        topic: TOPIC,
      });
      await sink.connect();
      await sink.send(chunk);
      expect((await sink.close()).sent).toBe(chunk.length);
    };
    await produce(calls.slice(0, PER_PHASE));

    worker = startCli([
      'pipeline',
      '--source',
      `kafka://${mock.brokers.join(',')}/${TOPIC}`,
      '--group',
      GROUP,
      '--dlq-topic',
      DLQ,
      '--clickhouse',
      `http://127.0.0.1:${proxy.port}`,
      '--data',
      join(dir, 'worker'),
      '--max-batch',
      '50',
      '--metrics-port',
      '0',
    ]);
    await worker.waitFor(/metrics on (http:\S+)/, 60_000);
    const metricsUrl = /metrics on (http:\S+)/.exec(worker.output())?.[1] ?? '';
    const scrape = async (): Promise<Samples> => parsePrometheusText(await (await fetch(metricsUrl)).text());
    await waitUntil(
      'the first half committed',
      async () => (await committedTotal(kafka)) === PER_PHASE,
      60_000,
    );

    await proxy.stop();
    await produce(calls.slice(PER_PHASE));
    await waitUntil(
      'storage degraded in the metrics',
      async () => {
        const m = await scrape();
        return sample(m, 'apiscope_storage_degraded') === 1;
      },
      30_000,
    );
    const atOutage = await committedTotal(kafka);
    await new Promise((r) => setTimeout(r, 3000));
    const during = await scrape();
    // stopped, not dropping: nothing committed, nothing refused, errors and retries counted
    expect(await committedTotal(kafka)).toBe(atOutage);
    expect(atOutage).toBeLessThan(2 * PER_PHASE);
    expect(sample(during, 'apiscope_events_dropped_total', { stage: 'kafka', reason: 'contract' })).toBe(0);
    expect(sample(during, 'apiscope_clickhouse_errors_total', { operation: 'batch' })).toBeGreaterThan(1);
    expect(sample(during, 'apiscope_storage_retries_total')).toBeGreaterThan(1);

    await proxy.start();
    await waitUntil(
      'everything committed',
      async () => (await committedTotal(kafka)) === 2 * PER_PHASE,
      90_000,
    );
    const after = await scrape();
    expect(sample(after, 'apiscope_storage_degraded')).toBe(0);
    expect(sample(after, 'apiscope_events_in_total', { stage: 'kafka' })).toBe(2 * PER_PHASE);
    expect(sample(after, 'apiscope_kafka_consumer_lag', { topic: TOPIC, partition: '0' })).toBe(0);
    expect(await worker.signal('SIGTERM')).toBe(0);

    const store = await ClickHouseStore.open({ url: gateway.url, database: 'apiscope', dataDir: dir });
    try {
      expect(await new CallRepository(store).count()).toBe(2 * PER_PHASE);
      const endpoints = await new EndpointRepository(store).all();
      expect(endpoints).toHaveLength(SERVICES);
      expect(endpoints.reduce((n, e) => n + e.calls, 0)).toBe(2 * PER_PHASE);
    } finally {
      await store.close();
    }
  });
});
