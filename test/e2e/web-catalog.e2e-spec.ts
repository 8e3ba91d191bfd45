import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import request from 'supertest';

import { HttpIngestClient } from '@apiscope/transport';

import { apiCall } from '../support/api-call.fixture';
import { useEmbeddedServer } from '../support/embedded-server.fixture';

const KEY = 'e2e-catalog-admin-key-0123456789';
const auth = { Authorization: `Bearer ${KEY}` };
const INDEX =
  '<!doctype html><title>catalog</title><script type="module" src="/assets/app-3f2a.js"></script>';
const SCRIPT = 'console.log("catalog")';

/** A build's layout as Vite writes it: index.html, hashed assets, public files. */
function writeBuild(dir: string): void {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'app-3f2a.js'), SCRIPT);
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, '.build-hash'), 'abc');
}

describe('web catalog served by the API (embedded, real HTTP)', () => {
  const server = useEmbeddedServer('catalog-e2e', (dir) => {
    writeBuild(join(dir, 'ui'));
    return { dataDir: join(dir, 'data'), apiKey: KEY, api: { uiDir: join(dir, 'ui') } };
  });

  beforeAll(async () => {
    const client = new HttpIngestClient({ url: server.url, apiKey: KEY, batchSize: 50 });
    await client.send([
      apiCall({ path: '/admin/users/1', target: '/admin/users/1' }),
      apiCall({ path: '/admin/users/2', target: '/admin/users/2' }),
      apiCall({ path: '/users/1', target: '/users/1', headers: [['authorization', 'Bearer abc']] }),
      apiCall({ path: '/users/2', target: '/users/2' }),
      apiCall({ path: '/orders/1', target: '/orders/1', headers: [['authorization', 'Bearer abc']] }),
      apiCall({
        path: '/Orders/Export',
        target: '/Orders/Export',
        headers: [['authorization', 'Bearer abc']],
      }),
      apiCall({ path: '/health', target: '/health' }),
    ]);
  });

  it.each(['/', '/endpoints?flag=unauthenticated', '/endpoint?service=a&method=GET&path=%2Fx', '/findings'])(
    'should answer the app page %s with index.html, uncached and without a key',
    async (path) => {
      const res = await request(server.url).get(path).set('Accept', 'text/html').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toBe(INDEX);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    },
  );

  it('should serve hashed assets for good, and a missing asset as a 404', async () => {
    const res = await request(server.url).get('/assets/app-3f2a.js').expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.text).toBe(SCRIPT);
    await request(server.url).get('/assets/app-old.js').expect(404);
    await request(server.url).get('/favicon.svg').expect(200).expect('Content-Type', /svg/);
  });

  it.each([
    ['/api/v1/services', 401, /problem\+json/],
    ['/api/v1/nothing-here', 401, /problem\+json/],
    ['/api', 404, /problem\+json/],
    ['/healthz', 200, /json/],
    ['/api/docs', 200, /html/],
  ])('should never shadow %s with the app', async (path, status, type) => {
    const res = await request(server.url).get(path).set('Accept', 'text/html').expect(status);
    expect(res.headers['content-type']).toMatch(type);
    expect(res.text).not.toBe(INDEX);
  });

  it.each([
    '/../package.json',
    '/%2e%2e/%2e%2e/package.json',
    '/assets/..%2f..%2fpackage.json',
    '/.build-hash',
    '/index.html/..',
  ])('should not serve anything outside the build for %s', async (path) => {
    const res = await request(server.url).get(path).set('Accept', 'text/html');
    expect([200, 400, 404]).toContain(res.status);
    if (res.status === 200) expect(res.text).toBe(INDEX);
    expect(res.text).not.toContain('"workspaces"');
    expect(res.text).not.toBe('abc');
  });

  it('should leave other methods and non-HTML requests to the API', async () => {
    await request(server.url).post('/').set(auth).expect(404);
    const json = await request(server.url).get('/findings').set('Accept', 'application/json').expect(404);
    expect(json.headers['content-type']).toMatch(/problem\+json/);
  });

  it.each([
    // [query, expected paths]
    [{ auth: 'unauthenticated' }, ['/admin/users/{userId}', '/health']],
    [{ auth: 'authenticated' }, ['/Orders/Export', '/orders/{orderId}']],
    [{ auth: 'mixed' }, ['/users/{userId}']],
    [{ auth: 'unknown' }, []],
    [{ pathContains: 'ORDERS' }, ['/Orders/Export', '/orders/{orderId}']],
    [{ pathContains: 'admin', auth: 'unauthenticated', flag: 'unauthenticated' }, ['/admin/users/{userId}']],
    [{ pathContains: "') OR 1=1 --" }, []],
  ])('should filter endpoints by auth status and path text: %j', async (query, paths) => {
    const res = await request(server.url).get('/api/v1/endpoints').query(query).set(auth).expect(200);
    expect(res.body.items.map((e: { path: string }) => e.path)).toEqual(paths);
  });

  it.each([{ auth: 'root' }, { pathContains: 'a\u0000b' }, { pathContains: 'x'.repeat(2049) }])(
    'should refuse a bad filter %j with 400',
    async (query) => {
      await request(server.url).get('/api/v1/endpoints').query(query).set(auth).expect(400);
    },
  );
});
