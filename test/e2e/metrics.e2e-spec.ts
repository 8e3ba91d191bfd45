import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import request from 'supertest';

import { type ApiCall } from '@apiscope/contracts';
import { parseHar } from '@apiscope/logs';
import { HttpIngestClient } from '@apiscope/transport';

import { parsePrometheusText, sample, type Samples } from '../support/prometheus-text';
import { useEmbeddedServer } from '../support/embedded-server.fixture';

const DEMO_HAR = join(__dirname, '..', '..', 'apps', 'cli', 'demo', 'demo-shop.har');
const KEY = 'e2e-metrics-admin-key-0123456789';
const auth = { Authorization: `Bearer ${KEY}` };

describe('GET /metrics (embedded, real HTTP, real ClickHouse)', () => {
  const scrape = async (): Promise<Samples> => {
    const res = await request(server.url).get('/metrics').set(auth).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    return parsePrometheusText(res.text);
  };
  const delta = (before: Samples, after: Samples, name: string, labels: Record<string, string>) =>
    sample(after, name, labels) - sample(before, name, labels);

  const server = useEmbeddedServer('metrics', {
    apiKey: KEY,
  });

  it('should refuse /metrics without a key (401) and hide it from non-admin keys (404)', async () => {
    await request(server.url).get('/metrics').expect(401);
    const created = await request(server.url)
      .post('/api/v1/keys')
      .set(auth)
      .send({ name: 'metrics-viewer', role: 'viewer' })
      .expect(201);
    await request(server.url)
      .get('/metrics')
      .set({ Authorization: `Bearer ${(created.body as { key: string }).key}` })
      .expect(404);
  });

  it('should move every counter by exactly what ingesting the demo capture did', async () => {
    const { calls } = parseHar(readFileSync(DEMO_HAR, 'utf8'), { sensorId: 'metrics-e2e' });
    // what a broken producer sends: the contract refuses them one by one
    const broken = [
      { v: 1, id: 'broken-1' },
      { v: 2, id: 'broken-2' },
    ] as unknown as ApiCall[];
    const before = await scrape();
    const client = new HttpIngestClient({ url: server.url, apiKey: KEY, batchSize: 50 });
    const outcome = await client.send([...calls, ...broken]);
    expect(outcome.rejected).toBe(2);
    const after = await scrape();
    const total = calls.length + broken.length;
    const moved = (name: string, labels: Record<string, string>) => delta(before, after, name, labels);

    expect(calls.length).toBeGreaterThan(20);
    expect(moved('apiscope_events_in_total', { stage: 'ingest' })).toBe(total);
    expect(moved('apiscope_events_out_total', { stage: 'ingest' })).toBe(calls.length);
    expect(moved('apiscope_events_dropped_total', { stage: 'ingest', reason: 'contract' })).toBe(2);
    expect(moved('apiscope_events_in_total', { stage: 'bus' })).toBe(total);
    expect(moved('apiscope_events_out_total', { stage: 'bus' })).toBe(total);
    expect(moved('apiscope_events_in_total', { stage: 'pipeline' })).toBe(total);
    expect(moved('apiscope_events_out_total', { stage: 'pipeline' })).toBe(calls.length);
    expect(moved('apiscope_events_dropped_total', { stage: 'pipeline', reason: 'contract' })).toBe(2);
    expect(moved('apiscope_batch_size_events_sum', { stage: 'pipeline' })).toBe(total);
    const batches = moved('apiscope_batch_size_events_count', { stage: 'pipeline' });
    expect(batches).toBeGreaterThanOrEqual(Math.ceil(total / 50 / 2));
    expect(moved('apiscope_batch_duration_seconds_count', { stage: 'pipeline' })).toBe(batches);
    expect(sample(after, 'apiscope_clickhouse_errors_total', { operation: 'batch' })).toBe(0);
    expect(sample(after, 'apiscope_storage_degraded')).toBe(0);
    expect(sample(after, 'apiscope_buffer_events', { buffer: 'bus' })).toBe(0);
    expect(sample(after, 'apiscope_buffer_capacity_events', { buffer: 'bus' })).toBeGreaterThan(0);
    const service = 'api.shop.example';
    expect(sample(after, 'apiscope_templating_state', { service, kind: 'endpoints' })).toBeGreaterThan(0);
    expect(sample(after, 'apiscope_templating_state', { service, kind: 'nodes' })).toBeGreaterThan(1);
    expect(sample(after, 'apiscope_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('should keep the service label bounded however many services it has seen', async () => {
    const client = new HttpIngestClient({ url: server.url, apiKey: KEY, batchSize: 500 });
    const { calls } = parseHar(readFileSync(DEMO_HAR, 'utf8'), { sensorId: 'metrics-hosts' });
    const flood = Array.from({ length: 120 }, (_, i) => ({
      ...calls[0],
      id: `flood-${i}`,
      request: { ...calls[0].request, host: `h${i}.flood.example` },
    }));
    await client.send(flood);
    const after = await scrape();
    const services = new Set(
      [...after.keys()]
        .filter((k) => k.startsWith('apiscope_templating_state{'))
        .map((k) => /service=([^,}]*)/.exec(k)?.[1]),
    );
    expect(services.size).toBe(51);
    expect(services.has('_other')).toBe(true);
    expect(
      sample(after, 'apiscope_templating_state', { service: '_other', kind: 'endpoints' }),
    ).toBeGreaterThan(60);
  });
});
