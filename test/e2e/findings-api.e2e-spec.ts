import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import request from 'supertest';

import { ChangeTrackerService } from '@apiscope/api';
import { SEVERITIES } from '@apiscope/inventory';
import { parseHar } from '@apiscope/logs';

import { apiCall } from '../support/api-call.fixture';
import { REPO_ROOT } from '../support/corpus';
import { useEmbeddedServer } from '../support/embedded-server.fixture';

const ADMIN = 'findings-admin-key-0123456789';
const DEMO = join(REPO_ROOT, 'apps', 'cli', 'demo');
const SHOP = 'api.shop.example';

interface Item {
  id: string;
  endpoint: { service: string; method: string; pathTemplate: string };
  rule: string;
  severity: string;
  category: string;
  title: string;
  detail: string;
  evidence: Array<{ location: string; name: string; class: string; count: number; example: string }>;
  service: string;
  endpointId: string;
  method: string;
  path: string;
}
interface Risk {
  score: number;
  level: string;
  factors: Array<{ source: string; points: number; reason: string }>;
  capped: boolean;
}

/** The demo shop capture and its reference spec, plus calls without credentials to an operation the spec protects. */
describe('GET /api/v1/findings on the demo shop capture', () => {
  let viewer: Record<string, string>;
  let ingest: Record<string, string>;
  let all: Item[];
  const admin = { Authorization: `Bearer ${ADMIN}` };
  const since = new Date().toISOString();

  const findings = (query: Record<string, string | number>, headers = viewer) =>
    request(server.url).get('/api/v1/findings').query(query).set(headers);

  const server = useEmbeddedServer('findings', {
    apiKey: ADMIN,
    api: { changeIntervalMs: 0 },
  });

  beforeAll(async () => {
    await request(server.url)
      .post('/api/v1/specs')
      .set(admin)
      .send({ service: SHOP, document: readFileSync(join(DEMO, 'shop-api.openapi.yaml'), 'utf8') })
      .expect(201);
    const { calls } = parseHar(readFileSync(join(DEMO, 'demo-shop.har'), 'utf8'), { sensorId: 'har:demo' });
    // the spec requires a bearer token on GET /v1/orders (global security); these carry none and get 200
    const bypass = [1, 2, 3].map(() =>
      apiCall({
        host: SHOP,
        scheme: 'https',
        path: '/v1/orders',
        target: '/v1/orders',
        headers: [['host', SHOP]],
      }),
    );
    for (let i = 0; i < calls.length; i += 1000)
      await request(server.url)
        .post('/api/v1/ingest')
        .set(admin)
        .send({ calls: calls.slice(i, i + 1000) })
        .expect(200);
    await request(server.url).post('/api/v1/ingest').set(admin).send({ calls: bypass }).expect(200);
    const key = async (role: string) => {
      const res = await request(server.url)
        .post('/api/v1/keys')
        .set(admin)
        .send({ name: `findings-${role}`, role })
        .expect(201);
      return { Authorization: `Bearer ${(res.body as { key: string }).key}` };
    };
    viewer = await key('viewer');
    ingest = await key('ingest');
    all = (await findings({ limit: 500 }).expect(200)).body.items as Item[];
  });

  const rulesOf = (method: string, path: string, service = SHOP) =>
    all
      .filter((f) => f.service === service && f.method === method && f.path === path)
      .map((f) => f.rule)
      .sort();

  it('should find the leaks of the capture, and the auth the spec requires but traffic bypasses', () => {
    expect(rulesOf('GET', '/internal/admin/users/{userId}')).toEqual([
      'credential-exposure',
      'credential-exposure',
      'excessive-data-exposure',
      'sensitive-data-unauthenticated',
    ]);
    expect(rulesOf('GET', '/v1/orders')).toEqual(['auth-inconsistency', 'spec-auth-bypassed']);
    // public in the spec (`security: []`): open, flagged unauthenticated, but no spec finding
    expect(rulesOf('GET', '/v1/products')).toEqual([]);
    // a token endpoint hands out a JWT by design: an info finding, no risk points
    expect(rulesOf('POST', '/oauth/token', 'auth.shop.example')).toEqual([
      'credential-issued',
      'missing-rate-limit',
    ]);
    const bypassed = all.find((f) => f.rule === 'spec-auth-bypassed')!;
    expect(bypassed).toMatchObject({ severity: 'high', category: 'API2:2023' });
    expect(bypassed.detail).toContain('3 of');
    const hash = all.find((f) => f.evidence.some((e) => e.class === 'password_hash'))!;
    expect(hash.evidence[0].example).not.toMatch(/^\$2[aby]\$\d\d\$.{53}$/); // masked, never raw
  });

  it('should list items in the agreed shape and order, each id once', () => {
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const f of all) {
      expect(Object.keys(f).sort()).toEqual(
        [
          'category',
          'detail',
          'endpoint',
          'endpointId',
          'evidence',
          'id',
          'method',
          'path',
          'rule',
          'service',
          'severity',
          'title',
        ].sort(),
      );
      expect([f.service, f.method, f.path]).toEqual([
        f.endpoint.service,
        f.endpoint.method,
        f.endpoint.pathTemplate,
      ]);
    }
    expect(new Set(all.map((f) => f.id)).size).toBe(all.length);
    const key = (f: Item) => [SEVERITIES.indexOf(f.severity as never), f.service, f.method, f.path, f.rule];
    const sorted = [...all].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
      return a.id < b.id ? -1 : 1;
    });
    expect(all.map((f) => f.id)).toEqual(sorted.map((f) => f.id));
    expect(all[0].severity).toBe('critical');
  });

  it('should agree with the risk of every endpoint and service of GET /api/v1/inventory', async () => {
    const inventory = await request(server.url).get('/api/v1/inventory').set(viewer).expect(200);
    const services = inventory.body.services as Array<{
      name: string;
      risk: Risk;
      endpoints: Array<{ method: string; path: string; risk: Risk }>;
    }>;
    for (const s of services) {
      expect(s.risk.level).toMatch(/^(critical|high|medium|low|none)$/);
      for (const e of s.endpoints) {
        // every finding but the informational ones (0 points) is a factor of its endpoint's risk
        const own = all.filter(
          (f) => f.service === s.name && f.method === e.method && f.path === e.path && f.severity !== 'info',
        );
        expect({
          endpoint: `${e.method} ${e.path}`,
          factors: e.risk.factors.map((f) => f.source).sort(),
        }).toEqual({ endpoint: `${e.method} ${e.path}`, factors: own.map((f) => f.id).sort() });
        expect(e).not.toHaveProperty('exposure');
      }
    }
    const shop = services.find((s) => s.name === SHOP)!;
    expect(shop.risk).toMatchObject({ level: 'critical', score: 100 });
  });

  it('should carry the risk in endpoint lists and details, and resolve every endpointId', async () => {
    const leak = all.find((f) => f.rule === 'credential-exposure')!;
    const detail = await request(server.url)
      .get(`/api/v1/endpoints/${leak.endpointId}`)
      .set(viewer)
      .expect(200);
    expect([detail.body.method, detail.body.path]).toEqual([leak.method, leak.path]);
    expect((detail.body.risk as Risk).factors.map((f) => f.source)).toContain(leak.id);
    const list = await request(server.url)
      .get('/api/v1/endpoints')
      .query({ limit: 500 })
      .set(viewer)
      .expect(200);
    const ids = new Set((list.body.items as Array<{ id: string; risk: Risk }>).map((e) => e.id));
    for (const f of all) expect(ids.has(f.endpointId)).toBe(true);
    expect((list.body.items as Array<{ risk: Risk }>).every((e) => typeof e.risk.score === 'number')).toBe(
      true,
    );
  });

  it.each<[string, Record<string, string>, (f: Item) => boolean]>([
    ['severity', { severity: 'critical' }, (f) => f.severity === 'critical'],
    ['service', { service: 'auth.shop.example' }, (f) => f.service === 'auth.shop.example'],
    ['category (OWASP id)', { category: 'API3:2023' }, (f) => f.category === 'API3:2023'],
    ['data class', { class: 'otp_secret' }, (f) => f.evidence.some((e) => e.class === 'otp_secret')],
    ['rule', { rule: 'spec-auth-bypassed' }, (f) => f.rule === 'spec-auth-bypassed'],
    [
      'several filters at once',
      { service: SHOP, severity: 'high', category: 'API2:2023' },
      (f) => f.service === SHOP && f.severity === 'high' && f.category === 'API2:2023',
    ],
  ])('should filter by %s', async (_name, query, keep) => {
    const expected = all.filter(keep);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    const res = await findings({ ...query, limit: 500 }).expect(200);
    expect((res.body.items as Item[]).map((f) => f.id)).toEqual(expected.map((f) => f.id));
  });

  it('should filter by endpointId, alone or with a service it does not belong to', async () => {
    const target = all.find((f) => f.rule === 'spec-auth-bypassed')!;
    const res = await findings({ endpointId: target.endpointId }).expect(200);
    expect((res.body.items as Item[]).map((f) => f.id)).toEqual(
      all.filter((f) => f.endpointId === target.endpointId).map((f) => f.id),
    );
    expect(res.body.items).toHaveLength(2);
    const none = await findings({ endpointId: target.endpointId, service: 'auth.shop.example' }).expect(200);
    expect(none.body).toEqual({ items: [], nextCursor: null });
  });

  it.each([1, 2, 3])('should page with limit=%i, no finding repeated or skipped', async (limit) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages <= all.length; pages++) {
      const res = await findings(cursor === null ? { limit } : { limit, cursor }).expect(200);
      const items = res.body.items as Item[];
      expect(items.length).toBeLessThanOrEqual(limit);
      seen.push(...items.map((f) => f.id));
      cursor = res.body.nextCursor as string | null;
      if (cursor === null) break;
    }
    expect(seen).toEqual(all.map((f) => f.id));
  });

  it('should page a filtered list the same way', async () => {
    const expected = all.filter((f) => f.service === SHOP).map((f) => f.id);
    const first = await findings({ service: SHOP, limit: 2 }).expect(200);
    const rest = await findings({ service: SHOP, limit: 500, cursor: first.body.nextCursor }).expect(200);
    expect([...first.body.items, ...rest.body.items].map((f: Item) => f.id)).toEqual(expected);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('should let viewers read, refuse the ingest role (403) and callers without a key (401)', async () => {
    await findings({}).expect(200);
    const denied = await findings({}, ingest).expect(403);
    expect(denied.headers['content-type']).toMatch(/^application\/problem\+json/);
    const anonymous = await request(server.url).get('/api/v1/findings').expect(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it.each<[string, Record<string, string | number>, string]>([
    ['an unknown severity', { severity: 'urgent' }, 'severity'],
    ['a category outside the OWASP 2023 list', { category: 'API11:2023' }, 'category'],
    ['an unknown data class', { class: 'name' }, 'class'],
    ['an unknown rule', { rule: 'shadow' }, 'rule'],
    ['a malformed endpointId', { endpointId: '../etc/passwd' }, 'endpointId'],
    ['an endpointId this API never issued', { endpointId: 'bm90LWFuLWlk' }, 'endpointId'],
    ['a forged cursor', { cursor: 'WyJ4Il0' }, 'cursor'],
    ['limit 0', { limit: 0 }, 'limit'],
    ['limit above 500', { limit: 501 }, 'limit'],
    ['an unknown parameter', { sort: 'severity' }, 'sort'],
  ])('should refuse %s with a 400 problem naming the field', async (_name, query, field) => {
    const res = await findings(query).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((res.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
  });

  it('should feed each finding once into the change log as new_finding, keyed by its id', async () => {
    const tracker = server.app.get(ChangeTrackerService);
    await tracker.lookNow();
    await tracker.lookNow(); // nothing new the second time
    const feed = await request(server.url)
      .get('/api/v1/changes')
      .query({ since, limit: 1000 })
      .set(viewer)
      .expect(200);
    const subjects = (feed.body.items as Array<{ kind: string; subject: string }>)
      .filter((c) => c.kind === 'new_finding')
      .map((c) => c.subject)
      .sort();
    expect(subjects).toEqual(all.map((f) => f.id).sort());
  });

  it('should remember the findings in storage and report only a finding that appears later', async () => {
    const tracker = server.app.get(ChangeTrackerService);
    await tracker.lookNow();
    const later = new Date().toISOString();
    // a profile answered without credentials: GET /v1/users/{id} (auth required by the spec) had no open call
    const data = JSON.stringify({ id: 7, email: 'jane.doe@example.com', phone: '+14155552671' });
    const leak = apiCall(
      { host: SHOP, scheme: 'https', path: '/v1/users/7', target: '/v1/users/7', headers: [['host', SHOP]] },
      {
        status: 200,
        headers: [['content-type', 'application/json']],
        body: {
          contentType: 'application/json',
          size: data.length,
          truncated: false,
          encoding: 'utf8',
          data,
        },
      },
    );
    await request(server.url)
      .post('/api/v1/ingest')
      .set(admin)
      .send({ calls: [leak] })
      .expect(200);
    await tracker.lookNow();
    const feed = await request(server.url)
      .get('/api/v1/changes')
      .query({ since: later })
      .set(viewer)
      .expect(200);
    const found = (feed.body.items as Array<{ kind: string; path: string; subject: string }>)
      .filter((c) => c.kind === 'new_finding')
      .map((c) => [c.path, c.subject.split(' ')[0]]);
    expect(found.sort()).toEqual([
      ['/v1/users/{id}', 'auth-inconsistency'],
      ['/v1/users/{id}', 'sensitive-data-unauthenticated'],
      ['/v1/users/{id}', 'spec-auth-bypassed'],
    ]);
  });
});
