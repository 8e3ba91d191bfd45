/**
 * Distributed-mode figures against librdkafka's mock cluster (loopback, 6 partitions):
 *  1. sensor -> Kafka: KafkaCallSink produce rate (events/s), gzip and snappy;
 *  2. Kafka -> pipeline -> ClickHouse (server mode over HTTP): consume-and-store rate of one
 *     `apiscope pipeline` worker and of two workers in one group;
 *  3. end-to-end lag at a steady produce rate (p50/p95 of store time minus produce time);
 * compared with the embedded in-process bus on the same events (ingest.bench measures it over HTTP).
 * Usage: npm run bench kafka   (BENCH_EVENTS=60000 to change; stay under the mock's 5 MiB/partition)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Kafka, logLevel } from 'kafkajs';

import { type ApiCall } from '@apiscope/contracts';
import { CallRepository, ClickHouseStore } from '@apiscope/storage';
import { KafkaCallSink, type KafkaCompression, createKafkaClient } from '@apiscope/transport';

import { startCli } from '../test/support/child-process';
import { startClickHouseGateway } from '../test/support/clickhouse-http-gateway';
import { startKafkaMock } from '../test/support/kafka-mock';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 60_000);
const TOPIC = 'apiscope.calls.v1';

function call(i: number, tag: string, ts = Date.UTC(2026, 10, 1) + i): ApiCall {
  const path = `/v1/${['users', 'orders', 'carts'][i % 3]}/${1000 + (i % 997)}`;
  return {
    v: 1,
    id: `${tag}-${i}`,
    ts,
    sensor: { id: 'bench', kind: 'pcap' },
    src: { ip: '10.0.0.1', port: 40000 + (i % 20000) },
    dst: { ip: '10.1.0.9', port: 8080 },
    request: {
      method: 'GET',
      scheme: 'http',
      host: `svc-${i % 24}.internal`,
      target: path,
      path,
      query: [],
      headers: [
        ['host', `svc-${i % 24}.internal`],
        ['authorization', 'Bearer x.y.z'],
      ],
    },
    response: { status: 200, headers: [['content-type', 'application/json']] },
    durationMs: 4,
  };
}

async function produce(
  brokers: string[],
  tag: string,
  compression: KafkaCompression,
  n: number,
): Promise<number> {
  const sink = new KafkaCallSink({
    kafka: createKafkaClient(`bench-${tag}`, brokers),
    topic: TOPIC,
    compression,
  });
  await sink.connect();
  const started = performance.now();
  for (let i = 0; i < n; i += 1000)
    await sink.send(Array.from({ length: Math.min(1000, n - i) }, (_, k) => call(i + k, tag)));
  const stats = await sink.close(120_000);
  if (stats.sent !== n) throw new Error(`sent ${stats.sent} of ${n}`);
  return n / ((performance.now() - started) / 1000);
}

async function committed(brokers: string[], group: string): Promise<number> {
  const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  const [t] = await admin.fetchOffsets({ groupId: group, topics: [TOPIC] });
  await admin.disconnect();
  return t.partitions.reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
}

/** Starts `workers` pipeline processes on the topic, returns events/s from first to last commit. */
async function consume(
  brokers: string[],
  gatewayUrl: string,
  group: string,
  workers: number,
  total: number,
): Promise<number> {
  const source = `kafka://${brokers.join(',')}/${TOPIC}`;
  const procs = Array.from({ length: workers }, () =>
    startCli([
      'pipeline',
      '--source',
      source,
      '--group',
      group,
      '--clickhouse',
      gatewayUrl,
      '--max-batch',
      '5000',
    ]),
  );
  let startedAt = 0;
  for (;;) {
    const n = await committed(brokers, group);
    if (n > 0 && startedAt === 0) startedAt = performance.now();
    if (n >= total) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const rate = total / ((performance.now() - startedAt) / 1000);
  await Promise.all(procs.map((p) => p.signal('SIGTERM')));
  return rate;
}

async function main(): Promise<void> {
  const mock = await startKafkaMock([`${TOPIC}:6`, 'apiscope.calls.dlq.v1:1']);
  const dir = mkdtempSync(join(tmpdir(), 'apiscope-kbench-'));
  const gateway = await startClickHouseGateway(dir);
  try {
    const gzip = await produce(mock.brokers, 'gz', 'gzip', EVENTS / 2);
    const snappy = await produce(mock.brokers, 'sn', 'snappy', EVENTS / 2);
    console.log(
      `sensor -> Kafka (KafkaCallSink, batches of 1000): gzip ${gzip.toFixed(0)} events/s, snappy ${snappy.toFixed(0)} events/s`,
    );
    const one = await consume(mock.brokers, gateway.url, 'bench-one', 1, EVENTS);
    console.log(`Kafka -> 1 pipeline worker -> ClickHouse (HTTP): ${one.toFixed(0)} events/s`);
    const two = await consume(mock.brokers, gateway.url, 'bench-two', 2, EVENTS);
    console.log(
      `Kafka -> 2 pipeline workers -> ClickHouse (HTTP): ${two.toFixed(0)} events/s (ratio to one worker ${(two / one).toFixed(2)}; one shared ClickHouse engine, 2 cores)`,
    );

    // steady load: 2,000 events/s for 10 s with one worker running; lag = stored - produced
    const source = `kafka://${mock.brokers.join(',')}/${TOPIC}`;
    const worker = startCli([
      'pipeline',
      '--source',
      source,
      '--group',
      'bench-lag',
      '--clickhouse',
      gateway.url,
      '--max-batch',
      '2000',
    ]);
    await worker.waitFor(/consuming/, 60_000);
    await new Promise((r) => setTimeout(r, 4000));
    const sink = new KafkaCallSink({
      kafka: createKafkaClient('bench-lag', mock.brokers),
      topic: TOPIC,
      compression: 'snappy',
    });
    await sink.connect();
    const steady = 20_000;
    for (let i = 0; i < steady; i += 200) {
      await sink.send(Array.from({ length: 200 }, (_, k) => call(i + k, 'lag', Date.now())));
      await new Promise((r) => setTimeout(r, 100));
    }
    await sink.close();
    const target = EVENTS + steady;
    while ((await committed(mock.brokers, 'bench-lag')) < target)
      await new Promise((r) => setTimeout(r, 200));
    await worker.signal('SIGTERM');
    const store = await ClickHouseStore.open({ url: gateway.url, database: 'bench_lag', dataDir: dir });
    const rows = await store.client
      .query({
        query: `SELECT quantiles(0.5, 0.95)(dateDiff('millisecond', ts, ingested_at)) AS q FROM bench_lag.calls WHERE startsWith(call_id, 'lag-')`,
        format: 'JSONEachRow',
      })
      .then((r) => r.json<{ q: number[] }>());
    const total = await new CallRepository(store).count();
    await store.close();
    console.log(
      `end-to-end lag at 2,000 events/s (sensor send -> row stored), one worker: p50 ${rows[0].q[0]} ms, p95 ${rows[0].q[1]} ms`,
    );
    console.log(
      `rows stored: ${total} (each event consumed by three groups: dedup tokens keep the count at ${EVENTS + steady})`,
    );
  } finally {
    await gateway.close();
    await mock.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
