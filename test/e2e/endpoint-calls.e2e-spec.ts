import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import request from 'supertest';

import { type ApiCall } from '@apiscope/contracts';
import { parseHar } from '@apiscope/logs';

import { apiCall } from '../support/api-call.fixture';
import { REPO_ROOT } from '../support/corpus';
import { useEmbeddedServer } from '../support/embedded-server.fixture';

const ADMIN = 'endpoint-calls-admin-key-0123456789';
const admin = { Authorization: `Bearer ${ADMIN}` };
const DEMO = join(REPO_ROOT, 'apps', 'cli', 'demo');
const SHOP = 'api.shop.example';
const EDGE = 'edge.example.com';

interface Endpoint {
  id: string;
  service: string;
  method: string;
  path: string;
  calls: number;
}
interface Call {
  ts: string;
  status: number;
  durationMs: number | null;
  client: string;
  sensorKind: string;
  credentials: string;
  authSchemes: string[];
  requestSize: number;
  responseSize: number;
  incomplete: boolean;
  path: string;
}

/** A call to the edge service from a given client address at a given time. */
const edgeCall = (ip: string, ts: number, status: number): ApiCall => ({
  ...apiCall({ host: EDGE, path: '/status', target: '/status', headers: [['host', EDGE]] }, { status }),
  src: { ip, port: 40000 },
  ts,
});

describe('GET /api/v1/endpoints/{id}/calls on the demo shop capture', () => {
  const server = useEmbeddedServer('endpoint-calls', { apiKey: ADMIN });
  let viewer: Record<string, string>;
  let ingest: Record<string, string>;
  let shop: Endpoint[];

  const callsOf = (id: string, query: Record<string, string | number> = {}, headers = viewer) =>
    request(server.url).get(`/api/v1/endpoints/${id}/calls`).query(query).set(headers);

  beforeAll(async () => {
    const { calls } = parseHar(readFileSync(join(DEMO, 'demo-shop.har'), 'utf8'), { sensorId: 'har:demo' });
    for (let i = 0; i < calls.length; i += 1000)
      await request(server.url)
        .post('/api/v1/ingest')
        .set(admin)
        .send({ calls: calls.slice(i, i + 1000) })
        .expect(200);
    const t0 = Date.UTC(2026, 10, 2, 8, 0, 0);
    await request(server.url)
      .post('/api/v1/ingest')
      .set(admin)
      .send({
        calls: [
          edgeCall('192.168.77.12', t0 + 1000, 200),
          edgeCall('2001:db8:1:2::5', t0 + 3000, 503),
          edgeCall('10.20.30.40', t0 + 2000, 204),
        ],
      })
      .expect(200);
    const key = async (role: string) => {
      const res = await request(server.url)
        .post('/api/v1/keys')
        .set(admin)
        .send({ name: `calls-${role}`, role })
        .expect(201);
      return { Authorization: `Bearer ${(res.body as { key: string }).key}` };
    };
    viewer = await key('viewer');
    ingest = await key('ingest');
    const list = await request(server.url)
      .get('/api/v1/endpoints')
      .query({ service: SHOP, limit: 500 })
      .set(viewer)
      .expect(200);
    shop = (list.body.items as Endpoint[]).filter((e) => e.calls > 0);
  });

  it('should list every call of each endpoint of the capture, newest first, concrete paths kept', async () => {
    expect(shop.length).toBeGreaterThan(3);
    for (const e of shop) {
      const res = await callsOf(e.id, { limit: 200 }).expect(200);
      const items = res.body.items as Call[];
      // every call sits under one stored key resolving to exactly one endpoint
      expect({ endpoint: `${e.method} ${e.path}`, n: items.length }).toEqual({
        endpoint: `${e.method} ${e.path}`,
        n: Math.min(e.calls, 200),
      });
      const times = items.map((c) => Date.parse(c.ts));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      const shape = new RegExp(`^${e.path.split('#')[0].replace(/\{[^}]+\}/g, '[^/]+')}$`);
      for (const c of items) {
        expect(c.path).toMatch(shape);
        expect(c.sensorKind).toBe('har');
        expect(['present', 'absent', 'unknown']).toContain(c.credentials);
      }
    }
  });

  it('should keep concrete ids in the paths of a templated endpoint', async () => {
    const templated = shop.find((e) => e.path.includes('{') && e.calls > 1);
    expect(templated).toBeDefined();
    const items = (await callsOf(templated!.id).expect(200)).body.items as Call[];
    expect(items.length).toBeGreaterThan(1);
    expect(items.every((c) => !c.path.includes('{'))).toBe(true);
  });

  it('should cap the count at limit, and default to 50', async () => {
    const busiest = [...shop].sort((a, b) => b.calls - a.calls)[0];
    expect(busiest.calls).toBeGreaterThan(2);
    const all = (await callsOf(busiest.id, { limit: 200 }).expect(200)).body.items as Call[];
    const two = (await callsOf(busiest.id, { limit: 2 }).expect(200)).body.items as Call[];
    expect(two).toHaveLength(2);
    expect(two.map((c) => c.ts)).toEqual(all.slice(0, 2).map((c) => c.ts));
    const byDefault = (await callsOf(busiest.id).expect(200)).body.items as Call[];
    expect(byDefault).toHaveLength(Math.min(busiest.calls, 50));
  });

  it('should mask client addresses and report status, duration and sizes', async () => {
    const list = await request(server.url).get('/api/v1/endpoints').query({ service: EDGE }).set(viewer);
    const [edge] = list.body.items as Endpoint[];
    const items = (await callsOf(edge.id).expect(200)).body.items as Call[];
    expect(items.map((c) => [c.client, c.status])).toEqual([
      ['2001:db8:x:x:x:x:x:x', 503],
      ['10.20.x.x', 204],
      ['192.168.x.x', 200],
    ]);
    expect(items[0]).toMatchObject({
      ts: new Date(Date.UTC(2026, 10, 2, 8, 0, 3)).toISOString(),
      durationMs: 10,
      sensorKind: 'test',
      credentials: 'absent',
      incomplete: false,
      path: '/status',
    });
    expect(JSON.stringify(items)).not.toMatch(/192\.168\.77|10\.20\.30|2001:db8:1:2/);
  });

  it('should include the calls stored under an older, finer template that now resolves to the endpoint', async () => {
    const host = 'api.github.test';
    const user = (login: string, second: number): ApiCall => ({
      ...apiCall({ host, path: `/users/${login}`, target: `/users/${login}`, headers: [['host', host]] }),
      ts: Date.UTC(2026, 10, 3, 9, 0, second),
    });
    // one user first: nothing learnt yet, so this call is stored under `/users/torvalds` itself
    await request(server.url)
      .post('/api/v1/ingest')
      .set(admin)
      .send({ calls: [user('torvalds', 0)] })
      .expect(200);
    const logins = [
      'octocat',
      'gaearon',
      'sindresorhus',
      'defunkt',
      'mojombo',
      'kentcdodds',
      'mitchellh',
      'fabpot',
    ];
    await request(server.url)
      .post('/api/v1/ingest')
      .set(admin)
      .send({
        calls: [...logins.map((l, i) => user(l, i + 1)), ...Array.from({ length: 12 }, () => user('me', 30))],
      })
      .expect(200);
    const list = await request(server.url)
      .get('/api/v1/endpoints')
      .query({ service: host })
      .set(viewer)
      .expect(200);
    const byPath = new Map((list.body.items as Endpoint[]).map((e) => [e.path, e]));
    const templated = byPath.get('/users/{username}');
    expect(templated?.calls).toBe(9);
    const items = (await callsOf(templated!.id).expect(200)).body.items as Call[];
    expect(items.map((c) => c.path)).toEqual(
      [...logins]
        .reverse()
        .map((l) => `/users/${l}`)
        .concat('/users/torvalds'),
    );
    const me = (await callsOf(byPath.get('/users/me')!.id, { limit: 200 }).expect(200)).body.items as Call[];
    expect(me).toHaveLength(12);
    expect(new Set(me.map((c) => c.path))).toEqual(new Set(['/users/me']));
  });

  it('should answer 404 problem+json for an id that names nothing', async () => {
    const ghost = Buffer.from(JSON.stringify([SHOP, 'GET', '/nothing'])).toString('base64url');
    const res = await callsOf(ghost).expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    await callsOf('not-an-id').expect(404);
  });

  it.each([['0'], ['201'], ['abc'], ['1.5']])('should answer 400 to limit=%s', async (limit) => {
    const res = await callsOf(shop[0].id, { limit }).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('should refuse unknown query parameters', async () => {
    await callsOf(shop[0].id, { since: '2026' }).expect(400);
  });

  it('should refuse an ingest key (403) and a request without a key (401)', async () => {
    await callsOf(shop[0].id, {}, ingest).expect(403);
    await request(server.url).get(`/api/v1/endpoints/${shop[0].id}/calls`).expect(401);
  });
});
