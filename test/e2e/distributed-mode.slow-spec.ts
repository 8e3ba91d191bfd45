import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Kafka, logLevel } from 'kafkajs';
import request from 'supertest';

import { parseHar } from '@apiscope/logs';
import { KafkaCallSink, createKafkaClient } from '@apiscope/transport';

import { type RunningCli, startCli as startCliProcess } from '../support/child-process';
import { type ClickHouseGateway, startClickHouseGateway } from '../support/clickhouse-http-gateway';
import { REPO_ROOT } from '../support/corpus';
import { type KafkaMock, startKafkaMock } from '../support/kafka-mock';
import { runCli } from '../support/run-cli';

jest.setTimeout(300_000);

const TOPIC = 'apiscope.calls.v1';
const GROUP = 'apiscope-e2e';
const KEY = 'distributed-key-0123456789';
const DEMO = join(REPO_ROOT, 'apps', 'cli', 'demo', 'demo-shop.har');

interface Inventory {
  services: Array<{
    name: string;
    endpoints: Array<
      Record<string, unknown> & {
        auth: Record<string, unknown>;
        sensitive: Array<{ class: string; name: string }>;
      }
    >;
  }>;
}

const essentials = (doc: Inventory) =>
  doc.services.map((s) => ({
    name: s.name,
    endpoints: s.endpoints.map((e) => ({
      method: e['method'],
      path: e['path'],
      calls: e['calls'],
      firstSeen: e['firstSeen'],
      lastSeen: e['lastSeen'],
      statusCodes: e['statusCodes'],
      flags: e['flags'],
      auth: {
        status: e.auth['status'],
        schemes: e.auth['schemes'],
        unauthenticatedSuccesses: e.auth['unauthenticatedSuccesses'],
      },
      sensitive: e.sensitive.map((f) => `${f.name}:${f.class}`),
    })),
  }));

const running: RunningCli[] = [];
const startCli = (...args: Parameters<typeof startCliProcess>) => {
  const cli = startCliProcess(...args);
  running.push(cli);
  return cli;
};

/**
 * The same traffic through embedded mode (`analyze`) and through distributed mode (Kafka, two
 * pipeline workers on a 6-partition topic, one of them killed by SIGKILL between storing a batch and
 * committing it, then restarted; a shared ClickHouse over HTTP): the inventories must be equal.
 */
describe('distributed mode gives the inventory of embedded mode', () => {
  let mock: KafkaMock;
  let dir: string;
  let gateway: ClickHouseGateway;

  beforeAll(async () => {
    mock = await startKafkaMock([`${TOPIC}:6`, 'apiscope.calls.dlq.v1:1']);
    dir = mkdtempSync(join(tmpdir(), 'apiscope-distributed-'));
    gateway = await startClickHouseGateway(dir);
  });

  afterAll(async () => {
    await Promise.all(running.splice(0).map((cli) => cli.signal('SIGKILL')));
    await gateway.close();
    await mock.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should produce equal inventories, with no call lost or counted twice', async () => {
    const embedded = await runCli(['analyze', '--har', DEMO]);
    expect(embedded.code).toBe(0);
    const expected = JSON.parse(embedded.stdout) as unknown;

    const { calls } = parseHar(readFileSync(DEMO, 'utf8'), { sensorId: 'har:demo-shop.har' });
    const sink = new KafkaCallSink({
      kafka: createKafkaClient('e2e-sensor', mock.brokers),
      topic: TOPIC,
      compression: 'gzip',
    });
    await sink.connect();
    await sink.send(calls);
    expect((await sink.close()).sent).toBe(calls.length);

    const source = `kafka://${mock.brokers.join(',')}/${TOPIC}`;
    const worker = (env: NodeJS.ProcessEnv = {}) =>
      startCli(
        [
          'pipeline',
          '--source',
          source,
          '--group',
          GROUP,
          '--clickhouse',
          gateway.url,
          '--max-batch',
          '15',
          '--session-timeout',
          '6000',
        ],
        env,
      );
    const doomed = worker({ APISCOPE_FAULT_CRASH_AFTER_BATCHES: '2' });
    const steady = worker();
    expect(await doomed.exited).toBe(128);
    const restarted = worker();

    const kafka = new Kafka({ brokers: mock.brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const deadline = Date.now() + 180_000;
    for (;;) {
      const [offsets] = await admin.fetchOffsets({ groupId: GROUP, topics: [TOPIC] });
      const committed = offsets.partitions.reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
      if (committed === calls.length) break;
      if (Date.now() > deadline)
        throw new Error(
          `only ${committed}/${calls.length} committed:\n${steady.output().slice(-1500)}\n${restarted.output().slice(-1500)}`,
        );
      await new Promise((r) => setTimeout(r, 500));
    }
    await admin.disconnect();
    expect(await steady.signal('SIGTERM')).toBe(0);
    expect(await restarted.signal('SIGTERM')).toBe(0);

    const api = startCli(['api', '--port', '0', '--clickhouse', gateway.url], { APISCOPE_API_KEY: KEY });
    await api.waitFor(/apiscope is up at (http:\S+)/);
    const url = /apiscope is up at (http:\S+)/.exec(api.output())?.[1] ?? '';
    const res = await request(url).get('/api/v1/inventory').set('Authorization', `Bearer ${KEY}`).expect(200);
    await api.signal('SIGTERM');
    // Endpoints, counts, flags, auth and data classes must be equal. Profile statistics (sampled
    // parameter and body counters) are not compared: a batch replayed after the SIGKILL re-applies its
    // sampled profile deltas (the call counts stay exact through the dedup tokens).
    expect(essentials(res.body as Inventory)).toEqual(essentials(expected as Inventory));
  });
});
