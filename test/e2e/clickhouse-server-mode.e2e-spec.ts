import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import request from 'supertest';

import { CallRepository, ClickHouseStore, EndpointRepository, runMigrations } from '@apiscope/storage';

import { apiCall } from '../support/api-call.fixture';
import { startCli } from '../support/child-process';
import { type ClickHouseGateway, startClickHouseGateway } from '../support/clickhouse-http-gateway';

const KEY = 'server-mode-key-0123456789';

/** Server mode (CLICKHOUSE_URL) over the HTTP protocol, against a real ClickHouse engine. */
describe('ClickHouse server mode (HTTP interface)', () => {
  let dir: string;
  let gateway: ClickHouseGateway;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'apiscope-server-'));
    gateway = await startClickHouseGateway(dir);
  });

  afterAll(async () => {
    await gateway.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should migrate, bind parameters and read back through the HTTP client', async () => {
    const store = await ClickHouseStore.open({ url: gateway.url, database: 'apiscope_srv', dataDir: dir });
    try {
      expect(store.mode).toBe('server');
      expect((await runMigrations(store)).alreadyApplied).toEqual([]);
      expect((await runMigrations(store)).applied).toEqual([]);
      const endpoints = new EndpointRepository(store);
      expect(await endpoints.list({ limit: 5, service: "x' OR 1=1 --\ttab\\back" })).toEqual([]);
      expect(await new CallRepository(store).count()).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('should serve `apiscope api --clickhouse URL` with ingest and inventory', async () => {
    const api = startCli(['api', '--port', '0', '--clickhouse', gateway.url, '--data', dir], {
      APISCOPE_API_KEY: KEY,
    });
    try {
      await api.waitFor(/apiscope is up at (http:\S+)/);
      const url = /apiscope is up at (http:\S+)/.exec(api.output())?.[1] ?? '';
      const calls = [apiCall({ path: '/a/1', target: '/a/1' }), apiCall({ path: '/a/2', target: '/a/2' })];
      await request(url)
        .post('/api/v1/ingest')
        .set('Authorization', `Bearer ${KEY}`)
        .send({ calls })
        .expect(200, { accepted: 2, rejected: 0, rejections: [] });
      await request(url)
        .post('/api/v1/ingest')
        .set('Authorization', `Bearer ${KEY}`)
        .send({ calls })
        .expect(200);
      const res = await request(url)
        .get('/api/v1/endpoints')
        .set('Authorization', `Bearer ${KEY}`)
        .expect(200);
      expect(res.body.items.map((e: { path: string; calls: number }) => [e.path, e.calls])).toEqual([
        ['/a/{aId}', 2],
      ]);
    } finally {
      await api.signal('SIGTERM');
    }
  });
});
