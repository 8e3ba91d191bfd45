/**
 * Distributed-mode figures against librdkafka's mock cluster (loopback, 6 partitions), on the calls
 * of one capture (bench/pcap-generate.ts, seeded REST traffic of six services, decoded once by
 * `apiscope sensor pcap`):
 *  1. sensor -> Kafka: KafkaCallSink produce rate (events/s), gzip and snappy;
 *  2. Kafka -> pipeline -> ClickHouse: consume-and-store rate of one `apiscope pipeline` worker and
 *     of two workers in one group (ClickHouse: one chdb engine behind the HTTP gateway of the tests);
 *  3. end-to-end lag at a steady rate below capacity: p50/p99 of (row stored - event sent);
 *  4. the same events through embedded mode's in-process bus into the same ClickHouse: rate and lag.
 * Every phase stores into its own database and checks that every event was stored exactly once.
 * Usage: npm run bench kafka   (BENCH_EXCHANGES=12000, BENCH_LAG_SECONDS=15, BENCH_TICK_MS=1000; the mock
 * keeps at most 5 MiB per partition)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Kafka, logLevel } from 'kafkajs';

import { type ApiCall } from '@apiscope/contracts';
import { ClickHouseStore } from '@apiscope/storage';
import { KafkaCallSink, type KafkaCompression, createKafkaClient } from '@apiscope/transport';

import { type RunningCli, startCli } from '../test/support/child-process';
import { type ClickHouseGateway, startClickHouseGateway } from '../test/support/clickhouse-http-gateway';
import { startKafkaMock } from '../test/support/kafka-mock';

const EXCHANGES = Number(process.env['BENCH_EXCHANGES'] ?? 12_000);
const LAG_SECONDS = Number(process.env['BENCH_LAG_SECONDS'] ?? 15);
/**
 * How often the paced sensor sends. librdkafka's mock answers a fetch with one message set (one
 * producer request's share) per partition, so every send becomes one stored batch per partition:
 * with sends every few ms the worker would pay a batch's fixed cost per handful of events, which a
 * real broker (many message sets per fetch) does not impose. One send a second is a sensor's flush.
 */
const TICK_MS = Number(process.env['BENCH_TICK_MS'] ?? 1000);
const TOPIC = 'apiscope.calls.v1';
const LAG_TOPIC = 'apiscope.lag.v1';
const MAX_BATCH = 5000;
const ROOT = join(__dirname, '..');
const SWC_ENV = { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'apps', 'cli', 'tsconfig.runtime.json') };

/** The capture's calls, as the packet sensor emits them. */
function captureCalls(dir: string): ApiCall[] {
  const file = join(dir, 'bench.pcap');
  execFileSync(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, 'pcap-generate.ts'), file, String(EXCHANGES)],
    {
      env: SWC_ENV,
      stdio: 'pipe',
    },
  );
  const ndjson = execFileSync(
    process.execPath,
    [
      join(ROOT, 'apps', 'cli', 'bin', 'apiscope.js'),
      'sensor',
      'pcap',
      '--file',
      file,
      '--sink',
      'stdout',
      '--workers',
      '1',
      '--no-progress',
    ],
    { maxBuffer: 1024 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] },
  ).toString('utf8');
  return ndjson
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as ApiCall);
}

/** The same calls with ids of their own (another run of the traffic) and, when given, a send time. */
const copyOf = (call: ApiCall, tag: string, ts?: number): ApiCall => ({
  ...call,
  id: `${tag}-${call.id}`,
  ...(ts !== undefined && { ts }),
});

async function produce(brokers: string[], calls: ApiCall[], compression: KafkaCompression): Promise<number> {
  const sink = new KafkaCallSink({
    kafka: createKafkaClient(`bench-${compression}`, brokers),
    topic: TOPIC,
    compression,
  });
  await sink.connect();
  const started = performance.now();
  for (let i = 0; i < calls.length; i += 1000) await sink.send(calls.slice(i, i + 1000));
  const stats = await sink.close(120_000);
  if (stats.sent !== calls.length) throw new Error(`sent ${stats.sent} of ${calls.length}`);
  return calls.length / ((performance.now() - started) / 1000);
}

async function committed(brokers: string[], group: string, topic: string): Promise<number> {
  const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const [t] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    return t.partitions.reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
  } finally {
    await admin.disconnect();
  }
}

function workers(
  n: number,
  brokers: string[],
  gateway: ClickHouseGateway,
  group: string,
  topic: string,
  database: string,
): RunningCli[] {
  return Array.from({ length: n }, () =>
    startCli(
      [
        'pipeline',
        '--source',
        `kafka://${brokers.join(',')}/${topic}`,
        '--group',
        group,
        '--clickhouse',
        gateway.url,
        '--max-batch',
        String(MAX_BATCH),
      ],
      { CLICKHOUSE_DATABASE: database },
    ),
  );
}

async function rows(gateway: ClickHouseGateway, database: string, dir: string): Promise<number> {
  const store = await ClickHouseStore.open({ url: gateway.url, database, dataDir: dir });
  try {
    const [r] = await store.client
      .query({ query: `SELECT count() AS n FROM ${database}.calls`, format: 'JSONEachRow' })
      .then((q) => q.json<{ n: string }>());
    return Number(r.n);
  } finally {
    await store.close();
  }
}

/** p50/p99 of stored minus sent, over the rows whose ts is their send time. */
async function lag(gateway: ClickHouseGateway, database: string, dir: string): Promise<number[]> {
  const store = await ClickHouseStore.open({ url: gateway.url, database, dataDir: dir });
  try {
    const [r] = await store.client
      .query({
        query: `SELECT quantilesExact(0.5, 0.99)(dateDiff('millisecond', ts, ingested_at)) AS q FROM ${database}.calls`,
        format: 'JSONEachRow',
      })
      .then((q) => q.json<{ q: number[] }>());
    return r.q;
  } finally {
    await store.close();
  }
}

/** Consume-and-store rate of `n` workers over the topic's events, from their first commit to the last. */
async function consume(
  n: number,
  brokers: string[],
  gateway: ClickHouseGateway,
  dir: string,
  total: number,
): Promise<number> {
  const database = `bench_workers_${n}`;
  const group = `bench-${n}`;
  const procs = workers(n, brokers, gateway, group, TOPIC, database);
  try {
    let startedAt = 0;
    let seen = 0;
    for (;;) {
      const done = await committed(brokers, group, TOPIC);
      // the clock starts at the first stored batch: process start-up and group join are not consumption
      if (done > 0 && startedAt === 0) {
        startedAt = performance.now();
        seen = done;
      }
      if (done >= total) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const rate = (total - seen) / ((performance.now() - startedAt) / 1000);
    const stored = await rows(gateway, database, dir);
    if (stored !== total) throw new Error(`${n} worker(s) stored ${stored} rows for ${total} events`);
    return rate;
  } finally {
    await Promise.all(procs.map((p) => p.signal('SIGTERM')));
  }
}

/** Sends `calls` at `rate` events/s, every TICK_MS what is due, each stamped with its send time. */
async function paced(calls: ApiCall[], rate: number, send: (batch: ApiCall[]) => void): Promise<void> {
  const started = Date.now();
  let sent = 0;
  while (sent < calls.length) {
    const due = Math.min(calls.length, Math.floor(((Date.now() - started) / 1000) * rate));
    if (due > sent) {
      const now = Date.now();
      send(calls.slice(sent, due).map((c) => ({ ...c, ts: now })));
      sent = due;
    }
    await new Promise((r) => setTimeout(r, TICK_MS));
  }
}

/** One worker on a topic of its own, fed at `rate`: p50/p99 lag from sensor send to stored row. */
async function kafkaLag(
  brokers: string[],
  gateway: ClickHouseGateway,
  dir: string,
  calls: ApiCall[],
  rate: number,
): Promise<number[]> {
  const database = 'bench_lag_kafka';
  const [worker] = workers(1, brokers, gateway, 'bench-lag', LAG_TOPIC, database);
  try {
    await worker.waitFor(/joined group/, 60_000);
    await new Promise((r) => setTimeout(r, 2000));
    const sink = new KafkaCallSink({
      kafka: createKafkaClient('bench-lag', brokers),
      topic: LAG_TOPIC,
      compression: 'snappy',
    });
    await sink.connect();
    await paced(calls, rate, (batch) => void sink.send(batch));
    await sink.close(60_000);
    while ((await committed(brokers, 'bench-lag', LAG_TOPIC)) < calls.length)
      await new Promise((r) => setTimeout(r, 200));
    const stored = await rows(gateway, database, dir);
    if (stored !== calls.length) throw new Error(`lag run stored ${stored} rows for ${calls.length} events`);
    return await lag(gateway, database, dir);
  } finally {
    await worker.signal('SIGTERM');
  }
}

/** Embedded mode's path for the same events: in-process bus -> pipeline use case -> the same ClickHouse. */
async function inProcess(
  gateway: ClickHouseGateway,
  dir: string,
  calls: ApiCall[],
  lagCalls: ApiCall[],
  rate: number,
): Promise<{ rate: number; lag: number[] }> {
  const { NestFactory } = await import('@nestjs/core');
  const { StorageModule } = await import('@apiscope/storage');
  const { TransportModule, InProcessBus } = await import('@apiscope/transport');
  const { PipelineModule } = await import('@apiscope/pipeline');
  const open = async (database: string) => {
    const app = await NestFactory.createApplicationContext(
      {
        module: class BenchEmbeddedModule {},
        imports: [
          StorageModule.forRoot({ url: gateway.url, database, dataDir: dir }),
          TransportModule.forRoot(),
          PipelineModule.forBus(),
        ],
      },
      { logger: false },
    );
    await app.init();
    return { app, bus: app.get(InProcessBus) };
  };
  const source = 'bench';
  let result: { rate: number; lag: number[] };
  {
    const { app, bus } = await open('bench_bus');
    const started = performance.now();
    for (let i = 0; i < calls.length; i += MAX_BATCH)
      await bus.publish(calls.slice(i, i + MAX_BATCH).map((payload) => ({ payload, source })));
    await bus.drain();
    result = { rate: calls.length / ((performance.now() - started) / 1000), lag: [] };
    await app.close();
    const stored = await rows(gateway, 'bench_bus', dir);
    if (stored !== calls.length) throw new Error(`in-process bus stored ${stored} of ${calls.length}`);
  }
  {
    const { app, bus } = await open('bench_lag_bus');
    const pending: Array<Promise<unknown>> = [];
    await paced(lagCalls, rate, (batch) =>
      pending.push(bus.publish(batch.map((payload) => ({ payload, source })))),
    );
    await Promise.all(pending);
    await bus.drain();
    await app.close();
    result.lag = await lag(gateway, 'bench_lag_bus', dir);
  }
  return result;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'apiscope-kbench-'));
  const calls = captureCalls(dir);
  const mock = await startKafkaMock([`${TOPIC}:6`, `${LAG_TOPIC}:6`, 'apiscope.calls.dlq.v1:1']);
  const gateway = await startClickHouseGateway(dir);
  try {
    const bytes = calls.reduce((n, c) => n + JSON.stringify(c).length, 0);
    console.log(
      `capture: ${calls.length} calls of ${new Set(calls.map((c) => c.request.host)).size} services (${(bytes / calls.length).toFixed(0)} bytes of JSON per call)`,
    );
    const half = Math.floor(calls.length / 2);
    const gzip = await produce(mock.brokers, calls.slice(0, half), 'gzip');
    const snappy = await produce(mock.brokers, calls.slice(half), 'snappy');
    console.log(
      `sensor -> Kafka (KafkaCallSink, sends of 1000): gzip ${gzip.toFixed(0)} events/s, snappy ${snappy.toFixed(0)} events/s`,
    );
    const one = await consume(1, mock.brokers, gateway, dir, calls.length);
    console.log(
      `Kafka -> 1 pipeline worker -> ClickHouse: ${one.toFixed(0)} events/s (batches of ${MAX_BATCH})`,
    );
    const two = await consume(2, mock.brokers, gateway, dir, calls.length);
    console.log(
      `Kafka -> 2 pipeline workers -> ClickHouse: ${two.toFixed(0)} events/s (x${(two / one).toFixed(2)} one worker; both write to one chdb engine that runs queries one at a time, on a 2-core machine)`,
    );

    // steady load well below one worker's capacity, so the lag is the path's, not a backlog's
    const rate = Math.max(100, Math.round(Math.min(one, 4000) / 4 / 100) * 100);
    const lagCalls = Array.from({ length: rate * LAG_SECONDS }, (_, i) =>
      copyOf(calls[i % calls.length], `lag${Math.floor(i / calls.length)}`),
    );
    const kafka = await kafkaLag(mock.brokers, gateway, dir, lagCalls, rate);
    console.log(
      `end-to-end lag at ${rate} events/s for ${LAG_SECONDS} s, a send every ${TICK_MS} ms (sensor send -> row stored), Kafka + 1 worker: p50 ${kafka[0]} ms, p99 ${kafka[1]} ms`,
    );
    const bus = await inProcess(
      gateway,
      dir,
      calls.map((c) => copyOf(c, 'bus')),
      lagCalls.map((c) => copyOf(c, 'bus')),
      rate,
    );
    console.log(
      `embedded in-process bus -> same pipeline -> same ClickHouse: ${bus.rate.toFixed(0)} events/s (Kafka + 1 worker: ${((100 * one) / bus.rate).toFixed(0)}% of it); lag at ${rate} events/s: p50 ${bus.lag[0]} ms, p99 ${bus.lag[1]} ms`,
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
