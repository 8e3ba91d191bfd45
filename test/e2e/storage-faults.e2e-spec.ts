import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import request from 'supertest';

import { startEmbeddedServer, type EmbeddedServer } from '@apiscope/cli';
import { type ApiCall } from '@apiscope/contracts';
import { parseHar } from '@apiscope/logs';
import { CallRepository, ClickHouseStore, DeadLetterRepository } from '@apiscope/storage';
import { type PublishOutcome } from '@apiscope/transport';

import { ClickHouseFaults } from '../support/clickhouse-faults';
import { canonicalInventory } from '../support/inventory-compare.util';
import { parsePrometheusText, sample } from '../support/prometheus-text';
import { runCli } from '../support/run-cli';

const DEMO_HAR = join(__dirname, '..', '..', 'apps', 'cli', 'demo', 'demo-shop.har');
const KEY = 'e2e-storage-faults-key-0123456789';
const auth = { Authorization: `Bearer ${KEY}` };

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Embedded storage failing mid-batch and then altogether, while events keep arriving. */
describe('storage faults (embedded ClickHouse, connection made to fail)', () => {
  let dir: string;
  let server: EmbeddedServer;
  let faults: ClickHouseFaults;
  let calls: ApiCall[];
  let undisturbed: unknown;

  const metrics = async () =>
    parsePrometheusText((await request(server.url).get('/metrics').set(auth).expect(200)).text);
  const publish = (chunk: ApiCall[]): Promise<PublishOutcome> =>
    server.bus.publish(chunk.map((payload) => ({ payload, source: 'faults' })));

  beforeAll(async () => {
    calls = parseHar(readFileSync(DEMO_HAR, 'utf8'), { sensorId: 'har:demo-shop.har' }).calls;
    // the undisturbed run: the same capture through `apiscope analyze` in its own process
    const analyzed = await runCli(['analyze', '--har', DEMO_HAR, '--format', 'json']);
    expect(analyzed.code).toBe(0);
    undisturbed = JSON.parse(analyzed.stdout);
    dir = mkdtempSync(join(tmpdir(), 'apiscope-faults-'));
    server = await startEmbeddedServer({
      dataDir: dir,
      host: '127.0.0.1',
      port: 0,
      apiKey: KEY,
      logger: false,
    });
    faults = new ClickHouseFaults(server.app.get(ClickHouseStore));
  });

  afterAll(async () => {
    faults.heal();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should retry, report degraded, hold the events, and store each exactly once when storage returns', async () => {
    const third = Math.ceil(calls.length / 3);
    await publish(calls.slice(0, third));
    await request(server.url).get('/healthz').expect(200);

    // mid-batch: the calls table takes the batch, the endpoint statistics refuse it
    faults.failInserts(/endpoint_stats/);
    const second = Array.from({ length: 5 }, (_, i) =>
      publish(calls.slice(third + Math.ceil((third * i) / 5), third + Math.ceil((third * (i + 1)) / 5))),
    );
    const degraded = await until('a degraded /healthz', async () => {
      const res = await request(server.url).get('/healthz');
      return res.status === 503 ? (res.body as Record<string, unknown>) : undefined;
    });
    expect(degraded).toMatchObject({ status: 'degraded', storage: 'ok' });
    expect(String(degraded['reason'])).toMatch(/storage writes failing since .*ECONNREFUSED/);
    const during = await metrics();
    expect(sample(during, 'apiscope_storage_degraded')).toBe(1);
    expect(sample(during, 'apiscope_clickhouse_errors_total', { operation: 'batch' })).toBeGreaterThan(0);
    expect(sample(during, 'apiscope_buffer_events', { buffer: 'bus' })).toBeGreaterThan(0);
    expect(sample(during, 'apiscope_buffer_events', { buffer: 'bus' })).toBeLessThanOrEqual(
      sample(during, 'apiscope_buffer_capacity_events', { buffer: 'bus' }),
    );

    // then unreachable altogether (pings too), while the rest of the capture arrives
    faults.down();
    const third3 = publish(calls.slice(2 * third));
    const unreachable = await until('storage unreachable on /healthz', async () => {
      const res = await request(server.url).get('/healthz');
      return res.body.storage === 'unreachable' ? (res.body as Record<string, unknown>) : undefined;
    });
    expect(unreachable['status']).toBe('degraded');
    await new Promise((r) => setTimeout(r, 1500));
    const retries = sample(await metrics(), 'apiscope_storage_retries_total');
    expect(retries).toBeGreaterThan(2);

    faults.heal();
    const outcomes = await Promise.all([...second, third3]);
    expect(outcomes.reduce((n, o) => n + o.accepted, 0)).toBe(calls.length - third);
    const healthy = await request(server.url).get('/healthz').expect(200);
    expect(healthy.body).toEqual({ status: 'ok', storage: 'ok', queuedEvents: 0 });
    expect(sample(await metrics(), 'apiscope_storage_degraded')).toBe(0);

    // nothing lost, nothing twice
    expect(await server.app.get(CallRepository).count()).toBe(calls.length);
    expect(await server.app.get(DeadLetterRepository).count()).toBe(0);
    const inventory = await request(server.url).get('/api/v1/inventory').set(auth).expect(200);
    expect(canonicalInventory(inventory.body)).toEqual(canonicalInventory(undisturbed));
  });
});
