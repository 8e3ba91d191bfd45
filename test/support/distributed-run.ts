import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Kafka, logLevel, Partitioners } from 'kafkajs';
import request from 'supertest';

import { type RunningCli, startCli } from './child-process';
import { type ClickHouseGateway, startClickHouseGateway } from './clickhouse-http-gateway';
import { type KafkaMock, startKafkaMock } from './kafka-mock';

export const CALLS_TOPIC = 'apiscope.calls.v1';
const PARTITIONS = 6;
const API_KEY = 'distributed-key-0123456789';

/**
 * Distributed mode in one test file: librdkafka's mock cluster (6 partitions), a ClickHouse shared
 * by every process over HTTP, and the `apiscope` processes (sensors, workers, API) it starts. Every
 * wait is bounded, and teardown kills every process it started, so a failure can neither hang the
 * run nor leave a worker behind.
 */
export class DistributedHarness {
  private readonly running: RunningCli[] = [];
  private closed = false;

  private constructor(
    readonly mock: KafkaMock,
    readonly gateway: ClickHouseGateway,
    private readonly dir: string,
  ) {}

  static async start(): Promise<DistributedHarness> {
    const mock = await startKafkaMock([`${CALLS_TOPIC}:${PARTITIONS}`, 'apiscope.calls.dlq.v1:1']);
    const dir = mkdtempSync(join(tmpdir(), 'apiscope-distributed-'));
    const gateway = await startClickHouseGateway(dir).catch(async (error: unknown) => {
      await mock.stop();
      throw error;
    });
    return new DistributedHarness(mock, gateway, dir);
  }

  get kafkaUrl(): string {
    return `kafka://${this.mock.brokers.join(',')}/${CALLS_TOPIC}`;
  }

  cli(args: string[], env: NodeJS.ProcessEnv = {}): RunningCli {
    // a test body still running after teardown (a timeout) must not start what nobody stops
    if (this.closed) throw new Error('harness torn down');
    const cli = startCli(args, env);
    this.running.push(cli);
    return cli;
  }

  async teardown(): Promise<void> {
    this.closed = true;
    await Promise.all(this.running.splice(0).map((cli) => cli.signal('SIGKILL')));
    await this.gateway.close();
    await this.mock.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Offsets committed by the group on the calls topic, summed over partitions. */
  async committed(group: string): Promise<number> {
    const admin = new Kafka({ brokers: this.mock.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [CALLS_TOPIC] });
      return offsets.partitions.reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * Two `apiscope pipeline` workers of one group on the topic holding `total` events. Both carry a
   * fault: whichever owns `crashAt.partition` when it stores the batch holding `crashAt.offset` dies
   * by SIGKILL before committing it (the worst moment), whatever the group's assignment. The dead
   * worker is started again; the run ends when the group has committed every event.
   * `meanwhile` (producing the events) runs while the workers start, as it would in production.
   */
  async crashAndRecover(options: {
    group: string;
    total: number;
    crashAt: { partition: number; offset: number };
    maxBatch: number;
    timeoutMs: number;
    meanwhile?: () => Promise<void>;
  }): Promise<{ outputs: () => string }> {
    const deadline = Date.now() + options.timeoutMs;
    const worker = (env: NodeJS.ProcessEnv = {}) =>
      this.cli(
        [
          'pipeline',
          '--source',
          this.kafkaUrl,
          '--group',
          options.group,
          '--clickhouse',
          this.gateway.url,
          '--max-batch',
          String(options.maxBatch),
          '--session-timeout',
          '6000',
        ],
        env,
      );
    const fault = { APISCOPE_FAULT_CRASH_AT: `${options.crashAt.partition}:${options.crashAt.offset}` };
    const workers = [worker(fault), worker(fault)];
    const outputs = () =>
      workers
        .map((w, i) => `--- worker ${i}, exit ${w.child.exitCode}:\n${w.output().slice(-2500)}`)
        .join('\n');
    await within(options.meanwhile?.() ?? Promise.resolve(), deadline - Date.now(), () => 'producing');
    const dead = await within(
      Promise.race(workers.map((w, i) => w.exited.then((code) => ({ i, code })))),
      deadline - Date.now(),
      () => `no worker died at ${options.crashAt.partition}:${options.crashAt.offset}\n${outputs()}`,
    );
    if (dead.code !== 128) throw new Error(`worker ${dead.i} exited with ${dead.code}\n${outputs()}`);
    workers.push(worker());
    for (;;) {
      if ((await this.committed(options.group)) === options.total) break;
      if (Date.now() > deadline) throw new Error(`not all ${options.total} events committed\n${outputs()}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    const codes = await within(
      Promise.all(workers.filter((_, i) => i !== dead.i).map((w) => w.signal('SIGTERM'))),
      20_000,
      () => `workers did not stop on SIGTERM\n${outputs()}`,
    );
    if (codes.some((c) => c !== 0)) throw new Error(`workers exited with ${codes.join(', ')}\n${outputs()}`);
    return { outputs };
  }

  /** The inventory the API serves from the shared ClickHouse. */
  async inventory(): Promise<unknown> {
    const api = this.cli(['api', '--port', '0', '--clickhouse', this.gateway.url], {
      APISCOPE_API_KEY: API_KEY,
    });
    try {
      await api.waitFor(/apiscope is up at (http:\S+)/, 60_000);
      const url = /apiscope is up at (http:\S+)/.exec(api.output())?.[1] ?? '';
      const res = await request(url).get('/api/v1/inventory').set('Authorization', `Bearer ${API_KEY}`);
      if (res.status !== 200) throw new Error(`inventory answered ${res.status}: ${res.text.slice(0, 500)}`);
      return res.body as unknown;
    } finally {
      await within(api.signal('SIGTERM'), 20_000, () => 'api did not stop');
    }
  }
}

/** Resolves as `work` does, or rejects after `ms` with the message `why()` gives. */
export async function within<T>(work: Promise<T>, ms: number, why: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${why()}`)), Math.max(0, ms));
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The partition (as the sensors' Kafka sink chooses it: kafkajs default partitioner, key = service)
 * holding most of these events, and how many it holds.
 */
export function busiestPartition(keys: readonly string[]): { partition: number; events: number } {
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionMetadata = Array.from({ length: PARTITIONS }, (_, partitionId) => ({
    partitionId,
    leader: 1,
    partitionErrorCode: 0,
    replicas: [1],
    isr: [1],
  }));
  const counts = new Array<number>(PARTITIONS).fill(0);
  for (const key of keys)
    counts[partitioner({ topic: CALLS_TOPIC, partitionMetadata, message: { key, value: null } })] += 1;
  const events = Math.max(...counts);
  return { partition: counts.indexOf(events), events };
}

interface InventoryDoc {
  services: Array<{ name: string; endpoints: Array<Record<string, unknown>> }>;
}

/**
 * What must be equal between embedded and distributed mode: every field of every endpoint,
 * profile-derived ones included (parameters, body schemas, sensitive fields and their counts),
 * since replays are exact for profiles too. Ordering of services and endpoints is the inventory's.
 */
export function comparableInventory(doc: unknown): unknown {
  return (doc as InventoryDoc).services.map((s) => ({
    ...s,
    endpoints: s.endpoints.map((e) => {
      const { latencyMs, ...rest } = e as { latencyMs?: { avg: number; max: number } } & Record<
        string,
        unknown
      >;
      // a float sum added up in another order: equal to the microsecond, not to the last bit
      return {
        ...rest,
        ...(latencyMs && { latencyMs: { avg: latencyMs.avg.toFixed(3), max: latencyMs.max.toFixed(3) } }),
      };
    }),
  }));
}
