import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import request from 'supertest';

import { type EmbeddedServer } from '@apiscope/cli';
import { parseHar } from '@apiscope/logs';

import { apiCall } from '../support/api-call.fixture';
import { REPO_ROOT } from '../support/corpus';
import { runCli } from '../support/run-cli';
import { useEmbeddedServer } from '../support/embedded-server.fixture';

const KEY = 'drift-admin-key-0123456789';
const auth = { Authorization: `Bearer ${KEY}` };
const DEMO = join(REPO_ROOT, 'apps', 'cli', 'demo');
const SHOP = 'api.shop.example';
const HAR_END = Date.parse('2026-11-20T09:15:00Z');

/** Demo spec + demo capture, and a few calls beyond what the spec documents. */
async function loadDemo(server: EmbeddedServer): Promise<void> {
  await request(server.url)
    .post('/api/v1/specs')
    .set(auth)
    .send({ service: SHOP, document: readFileSync(join(DEMO, 'shop-api.openapi.yaml'), 'utf8') })
    .expect(201);
  const { calls } = parseHar(readFileSync(join(DEMO, 'demo-shop.har'), 'utf8'), { sensorId: 'har:demo' });
  await request(server.url).post('/api/v1/ingest').set(auth).send({ calls }).expect(200);
}

const shopCall = (path: string, query: Array<[string, string]>, status: number, ts: number) => ({
  ...apiCall(
    {
      host: SHOP,
      path,
      target: query.length > 0 ? `${path}?${query.map(([k, v]) => `${k}=${v}`).join('&')}` : path,
      query,
      headers: [
        ['host', SHOP],
        ['authorization', 'Bearer opaque-token-0123456789abcdef'],
      ],
    },
    { status },
  ),
  ts,
});

describe('GET /api/v1/services/{service}/drift', () => {
  const server = useEmbeddedServer('drift', {
    apiKey: KEY,
  });

  beforeAll(async () => {
    await loadDemo(server);
    // parameter types are read on a sample of calls: a few calls, so the sample holds one
    const extra = [
      ...[1, 2, 3, 4].map((i) =>
        shopCall(
          '/v1/products',
          [
            ['page', 'two'],
            ['sort', 'price'],
          ],
          200,
          HAR_END - i * 1000,
        ),
      ),
      shopCall('/v1/orders/3f2b8c1e-7d4a-4e9b-9c1d-2a6f5e8b7c90', [], 404, HAR_END - 2000),
    ];
    await request(server.url).post('/api/v1/ingest').set(auth).send({ calls: extra }).expect(200);
  });

  it('should report the demo capture against its spec: fields, parameters, types and statuses', async () => {
    const res = await request(server.url).get(`/api/v1/services/${SHOP}/drift`).set(auth).expect(200);
    expect(res.body).toMatchObject({ service: SHOP, specVersion: 1 });
    const seen = (
      res.body.items as Array<{ method: string; path: string; drift: Array<Record<string, string>> }>
    )
      .flatMap((e) => e.drift.map((d) => [e.method, e.path, d.kind, d.location, d.name, d.status ?? null]))
      .sort();
    expect(seen).toEqual(
      [
        ['GET', '/v1/orders/{orderId}', 'undocumented-status', 'response-body', '404', '404'],
        ['GET', '/v1/products', 'type-mismatch', 'query', 'page', null],
        ['GET', '/v1/products', 'undocumented-field', 'response-body', '$.next', '200'],
        ['GET', '/v1/products', 'undocumented-parameter', 'query', 'sort', null],
        ['GET', '/v1/products/{productId}', 'undocumented-field', 'response-body', '$.stock', '200'],
        ['POST', '/v1/orders', 'undocumented-field', 'response-body', '$.status', '201'],
      ].sort(),
    );
    expect(res.body.summary).toEqual({
      'undocumented-parameter': 1,
      'undocumented-field': 3,
      'type-mismatch': 1,
      'undocumented-status': 1,
      'required-field-never-seen': 0,
    });
    // each item's id is the endpoint's id in the lists
    const products = res.body.items.find((e: { path: string }) => e.path === '/v1/products');
    const one = await request(server.url)
      .get(`/api/v1/endpoints/${products.endpointId}`)
      .set(auth)
      .expect(200);
    expect(one.body).toMatchObject({ method: 'GET', path: '/v1/products', spec: { security: 'public' } });
  });

  it('should note beside the unauthenticated flag what the spec says of security', async () => {
    const res = await request(server.url)
      .get('/api/v1/endpoints')
      .query({ service: SHOP, limit: 100 })
      .set(auth)
      .expect(200);
    const of = (method: string, path: string) =>
      (res.body.items as Array<{ method: string; path: string; flags: string[]; spec?: unknown }>).find(
        (e) => e.method === method && e.path === path,
      );
    expect(of('GET', '/healthz')).toMatchObject({ flags: ['unauthenticated'], spec: { security: 'public' } });
    expect(of('GET', '/v1/users/me')?.spec).toEqual({ security: 'required' });
    expect(of('GET', '/v1/products/{productId}')?.spec).toEqual({ security: 'public', deprecated: true });
    expect(of('GET', '/internal/admin/users/{userId}')?.spec).toBeUndefined();
  });

  it('should answer 404 problem+json for a service without a reference spec, and refuse unknown parameters', async () => {
    const res = await request(server.url)
      .get('/api/v1/services/auth.shop.example/drift')
      .set(auth)
      .expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.detail).toMatch(/no reference spec/);
    await request(server.url).get(`/api/v1/services/${SHOP}/drift`).query({ x: 1 }).set(auth).expect(400);
    await request(server.url).get(`/api/v1/services/${SHOP}/drift`).expect(401);
  });
});

describe('orphan window', () => {
  const server = useEmbeddedServer('orphan-window', {
    apiKey: KEY,
    api: { orphanWindowMs: 24 * 3600 * 1000 },
  });

  beforeAll(async () => {
    await loadDemo(server);
  });

  const flagsOf = async (method: string, path: string) => {
    const res = await request(server.url)
      .get('/api/v1/endpoints')
      .query({ service: SHOP, pathPrefix: path, limit: 100 })
      .set(auth)
      .expect(200);
    return (res.body.items as Array<{ method: string; path: string; calls: number; flags: string[] }>).find(
      (e) => e.method === method && e.path === path,
    );
  };

  it('should make a documented endpoint whose calls are older than the window an orphan again', async () => {
    expect(await flagsOf('GET', '/v1/users/me')).toMatchObject({ calls: 38, flags: ['sensitive'] });
    // three days later the service is still called, but not on /v1/users/me
    const later = shopCall('/v1/orders', [['status', 'open']], 200, HAR_END + 3 * 24 * 3600 * 1000);
    await request(server.url)
      .post('/api/v1/ingest')
      .set(auth)
      .send({ calls: [later] })
      .expect(200);
    expect(await flagsOf('GET', '/v1/users/me')).toMatchObject({ calls: 38, flags: ['orphan', 'sensitive'] });
    expect((await flagsOf('GET', '/v1/orders'))?.flags).toEqual([]);
    // a deprecated operation no longer called is an orphan, not a zombie
    expect((await flagsOf('GET', '/v1/products/{productId}'))?.flags).toEqual(['orphan', 'unauthenticated']);
  });
});

describe('apiscope analyze --orphan-window', () => {
  const orphansWithCalls = (stdout: string): string[] =>
    (
      JSON.parse(stdout) as {
        services: Array<{
          name: string;
          endpoints: Array<{ method: string; path: string; calls: number; flags: string[] }>;
        }>;
      }
    ).services
      .flatMap((s) => s.endpoints)
      .filter((e) => e.calls > 0 && e.flags.includes('orphan'))
      .map((e) => `${e.method} ${e.path}`);

  it('should make documented endpoints not called in the last minutes of the capture orphans', async () => {
    const args = [
      'analyze',
      '--har',
      join(DEMO, 'demo-shop.har'),
      '--spec',
      `${SHOP}=${join(DEMO, 'shop-api.openapi.yaml')}`,
    ];
    const byDefault = await runCli(args);
    expect(byDefault.code).toBe(0);
    expect(orphansWithCalls(byDefault.stdout)).toEqual([]);
    const windowed = await runCli([...args, '--orphan-window', '30s']);
    expect(windowed.code).toBe(0);
    // the capture's last 30 s (it ends 09:14:21) saw no order lookups, cancellations or product pages
    expect(orphansWithCalls(windowed.stdout)).toEqual([
      'DELETE /v1/orders/{orderId}',
      'GET /v1/orders/{orderId}',
      'GET /v1/products/{productId}',
    ]);
    const bad = await runCli([...args, '--orphan-window', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--orphan-window must be a positive duration/);
  });
});
