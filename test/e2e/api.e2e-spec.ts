import request from 'supertest';

import { InventoryCacheService } from '@apiscope/api';
import { ResolvedEndpointRepository } from '@apiscope/storage';
import { HttpIngestClient, TransportException } from '@apiscope/transport';

import { apiCall } from '../support/api-call.fixture';
import { runCli } from '../support/run-cli';
import { useEmbeddedServer } from '../support/embedded-server.fixture';

const KEY = 'e2e-admin-key-0123456789';
const auth = { Authorization: `Bearer ${KEY}` };

describe('apiscope API (embedded, real HTTP, real ClickHouse)', () => {
  const server = useEmbeddedServer('e2e', {
    apiKey: KEY,
  });

  it('should answer /healthz without a key', async () => {
    const res = await request(server.url).get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok', storage: 'ok', queuedEvents: 0 });
  });

  it('should send security headers, but no HSTS over plain HTTP and no CORS by default', async () => {
    const res = await request(server.url)
      .get('/api/v1/services')
      .set(auth)
      .set('Origin', 'https://catalog.example.com')
      .expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(server.url)
      .options('/api/v1/services')
      .set('Origin', 'https://catalog.example.com')
      .set('Access-Control-Request-Method', 'GET');
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each([
    ['GET', '/api/v1/inventory'],
    ['GET', '/api/v1/services'],
    ['GET', '/api/v1/endpoints'],
    ['POST', '/api/v1/ingest'],
  ])('should refuse %s %s without a key and with a wrong key', async (method, path) => {
    const missing = await request(server.url)[method === 'GET' ? 'get' : 'post'](path).expect(401);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.body).toMatchObject({ type: 'https://apiscope.dev/problems/unauthorized', status: 401 });
    const wrong = await request(server.url)
      [method === 'GET' ? 'get' : 'post'](path)
      .set('Authorization', 'Bearer not-the-key')
      .expect(401);
    expect(wrong.body.detail).toBe('invalid API key');
  });

  it('should ingest over HTTP and read the calls back through the inventory', async () => {
    const client = new HttpIngestClient({ url: server.url, apiKey: KEY, batchSize: 3 });
    const calls = [
      apiCall({ path: '/users/42', target: '/users/42' }),
      apiCall({
        path: '/users/43',
        target: '/users/43',
        headers: [
          ['host', 'api.example.com'],
          ['authorization', 'Bearer abc'],
        ],
      }),
      apiCall({ path: '/users/44', target: '/users/44' }, { status: 404 }),
      apiCall(
        {
          method: 'POST',
          path: '/users',
          target: '/users',
          headers: [
            ['host', 'api.example.com'],
            ['x-api-key', 'k'],
          ],
        },
        { status: 201 },
      ),
      apiCall({ path: '/health', target: '/health', host: 'other.example.com:8443' }, null),
    ];
    const outcome = await client.send(calls);
    expect(outcome).toEqual({ accepted: 5, rejected: 0, rejections: [] });

    const res = await request(server.url).get('/api/v1/inventory').set(auth).expect(200);
    expect(res.body.services.map((s: { name: string }) => s.name)).toEqual([
      'api.example.com',
      'other.example.com:8443',
    ]);
    const [api, other] = res.body.services;
    expect(api.endpoints).toEqual([
      {
        method: 'POST',
        path: '/users',
        calls: 1,
        firstSeen: expect.stringMatching(/^2026-11-01T12:00:\d\d\.000Z$/),
        lastSeen: expect.stringMatching(/^2026-11-01T12:00:\d\d\.000Z$/),
        statusCodes: { '201': 1 },
        latencyMs: { avg: 10, max: 10 },
        auth: {
          schemes: ['api-key-header'],
          status: 'authenticated',
          unauthenticatedSuccesses: 0,
          unauthenticatedStatusCodes: {},
          apiKeys: [{ in: 'header', name: 'x-api-key', calls: 1 }],
        },
        flags: [],
        sensitive: [],
        parameters: [],
        requestBody: null,
        responses: { '201': {} },
        risk: { score: 0, level: 'none', factors: [], capped: false },
      },
      expect.objectContaining({
        method: 'GET',
        path: '/users/{userId}',
        calls: 3,
        statusCodes: { '200': 2, '404': 1 },
        auth: {
          schemes: ['bearer'],
          status: 'mixed',
          unauthenticatedSuccesses: 1,
          unauthenticatedStatusCodes: { '200': 1, '404': 1 },
          bearer: { jwt: 0, opaque: 1 },
        },
        flags: ['unauthenticated'],
        parameters: [
          { name: 'userId', in: 'path', required: true, schema: { type: 'integer', format: 'int32' } },
        ],
      }),
    ]);
    expect(other.endpoints).toEqual([
      expect.objectContaining({ method: 'GET', path: '/health', calls: 1, statusCodes: { '0': 1 } }),
    ]);
  });

  it('should not count a re-sent batch twice', async () => {
    const batch = [
      apiCall({ path: '/orders/1', target: '/orders/1' }),
      apiCall({ path: '/orders/2', target: '/orders/2' }),
    ];
    await request(server.url).post('/api/v1/ingest').set(auth).send({ calls: batch }).expect(200);
    await request(server.url).post('/api/v1/ingest').set(auth).send({ calls: batch }).expect(200);
    const res = await request(server.url)
      .get('/api/v1/endpoints')
      .query({ pathPrefix: '/orders/' })
      .set(auth)
      .expect(200);
    expect(res.body.items.map((e: { path: string; calls: number }) => [e.path, e.calls])).toEqual([
      ['/orders/{orderId}', 2],
    ]);
  });

  it('should count equal ids from two sensors as different calls (ids are unique per sensor)', async () => {
    const fromA = [
      apiCall({ path: '/invoices/1', target: '/invoices/1' }),
      apiCall({ path: '/invoices/2', target: '/invoices/2' }),
    ].map((c, i) => ({ ...c, id: `same-${i}`, sensor: { id: 'sensor-a', kind: 'pcap' } }));
    const fromB = fromA.map((c) => ({ ...c, sensor: { id: 'sensor-b', kind: 'pcap' } }));
    await request(server.url).post('/api/v1/ingest').set(auth).send({ calls: fromA }).expect(200);
    await request(server.url).post('/api/v1/ingest').set(auth).send({ calls: fromB }).expect(200);
    const res = await request(server.url)
      .get('/api/v1/endpoints')
      .query({ pathPrefix: '/invoices/' })
      .set(auth)
      .expect(200);
    expect(res.body.items.map((e: { calls: number }) => e.calls)).toEqual([4]);
  });

  it('should keep the good calls of a batch and dead-letter the bad ones with the reason', async () => {
    const good = apiCall({ path: '/carts/9', target: '/carts/9' });
    const res = await request(server.url)
      .post('/api/v1/ingest')
      .set(auth)
      .send({
        calls: [
          good,
          { ...good, id: 'bad-1', v: 2 },
          { ...good, id: 'bad-2', request: { ...good.request, method: undefined } },
        ],
      })
      .expect(200);
    expect(res.body).toEqual({
      accepted: 1,
      rejected: 2,
      rejections: [
        { index: 1, reason: 'v: unsupported contract version 2; this build reads v1' },
        { index: 2, reason: 'request.method: is required' },
      ],
    });
  });

  it.each([
    ['calls missing', {}, 'calls'],
    ['calls not an array', { calls: 'x' }, 'calls'],
    ['an element not an object', { calls: [1] }, 'calls'],
    ['an unknown field', { calls: [], extra: true }, 'extra'],
    ['too many calls', { calls: Array.from({ length: 5001 }, () => ({})) }, 'calls'],
  ])('should answer 400 problem+json naming the field for %s', async (_name, body, field) => {
    const res = await request(server.url).post('/api/v1/ingest').set(auth).send(body).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toBe('https://apiscope.dev/problems/validation');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('should answer 400, not 500, to a body that is not JSON, without a stack trace', async () => {
    const res = await request(server.url)
      .post('/api/v1/ingest')
      .set(auth)
      .set('content-type', 'application/json')
      .send('{"calls": [')
      .expect(400);
    expect(res.body.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('should page endpoints with a cursor and bound the page size', async () => {
    const first = await request(server.url)
      .get('/api/v1/endpoints')
      .query({ limit: 2 })
      .set(auth)
      .expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(typeof first.body.nextCursor).toBe('string');
    const second = await request(server.url)
      .get('/api/v1/endpoints')
      .query({ limit: 2, cursor: first.body.nextCursor })
      .set(auth)
      .expect(200);
    const seen = [...first.body.items, ...second.body.items].map(
      (e: { service: string; method: string; path: string }) => `${e.service} ${e.method} ${e.path}`,
    );
    expect(new Set(seen).size).toBe(seen.length);
    await request(server.url).get('/api/v1/endpoints').query({ limit: 501 }).set(auth).expect(400);
    const bad = await request(server.url)
      .get('/api/v1/endpoints')
      .query({ cursor: 'garbage' })
      .set(auth)
      .expect(400);
    expect(bad.body.errors).toEqual([{ field: 'cursor', problem: 'cursor is not one this API returned' }]);
  });

  it('should filter endpoints by service, method and flag', async () => {
    const res = await request(server.url)
      .get('/api/v1/endpoints')
      .query({ service: 'api.example.com', method: 'get', flag: 'unauthenticated' })
      .set(auth)
      .expect(200);
    expect(res.body.items.map((e: { path: string }) => e.path)).toEqual([
      '/carts/{cartId}',
      '/invoices/{invoiceId}',
      '/orders/{orderId}',
      '/users/{userId}',
    ]);
    await request(server.url).get('/api/v1/endpoints').query({ flag: 'nonsense' }).set(auth).expect(400);
    await request(server.url).get('/api/v1/endpoints').query({ method: "GET' OR 1=1" }).set(auth).expect(400);
  });

  it('should list services with counts, paged by name', async () => {
    const res = await request(server.url).get('/api/v1/services').set(auth).expect(200);
    expect(res.body.items[0]).toMatchObject({ name: 'api.example.com', endpoints: 5, calls: 11 });
    const first = await request(server.url).get('/api/v1/services?limit=1').set(auth).expect(200);
    expect(first.body.items.map((s: { name: string }) => s.name)).toEqual(['api.example.com']);
    const second = await request(server.url)
      .get(`/api/v1/services?limit=1&cursor=${first.body.nextCursor}`)
      .set(auth)
      .expect(200);
    expect(second.body).toEqual({
      items: [expect.objectContaining({ name: 'other.example.com:8443' })],
      nextCursor: null,
    });
    const prefixed = await request(server.url).get('/api/v1/services?prefix=other').set(auth).expect(200);
    expect(prefixed.body.items.map((s: { name: string }) => s.name)).toEqual(['other.example.com:8443']);
  });

  it('should sort endpoints by calls and last seen, paging through the same order', async () => {
    const all = await request(server.url)
      .get('/api/v1/endpoints?sort=-calls&limit=500')
      .set(auth)
      .expect(200);
    const calls = all.body.items.map((e: { calls: number }) => e.calls);
    expect(calls).toEqual([...calls].sort((a, b) => b - a));
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await request(server.url)
        .get('/api/v1/endpoints')
        .query({ sort: '-calls', limit: 2, ...(cursor !== null && { cursor }) })
        .set(auth)
        .expect(200);
      paged.push(...res.body.items.map((e: { id: string }) => e.id));
      cursor = res.body.nextCursor;
    } while (cursor !== null);
    expect(paged).toEqual(all.body.items.map((e: { id: string }) => e.id));
    const byLastSeen = await request(server.url).get('/api/v1/endpoints?sort=lastSeen').set(auth).expect(200);
    const seen = byLastSeen.body.items.map((e: { lastSeen: string }) => Date.parse(e.lastSeen));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const first = await request(server.url)
      .get('/api/v1/endpoints?sort=-calls&limit=1')
      .set(auth)
      .expect(200);
    const mixed = await request(server.url)
      .get(`/api/v1/endpoints?sort=path&cursor=${first.body.nextCursor}`)
      .set(auth)
      .expect(400);
    expect(mixed.body.errors[0].field).toBe('cursor');
  });

  it('should serve one endpoint by its opaque id, and 404 an id that names nothing', async () => {
    const list = await request(server.url).get('/api/v1/endpoints?pathPrefix=/users/').set(auth).expect(200);
    const [endpoint] = list.body.items;
    const res = await request(server.url).get(`/api/v1/endpoints/${endpoint.id}`).set(auth).expect(200);
    expect(res.body).toEqual(endpoint);
    expect(res.body).toMatchObject({ service: 'api.example.com', method: 'GET', path: '/users/{userId}' });
    const ghost = Buffer.from(JSON.stringify(['api.example.com', 'GET', '/nothing'])).toString('base64url');
    await request(server.url).get(`/api/v1/endpoints/${ghost}`).set(auth).expect(404);
    await request(server.url).get('/api/v1/endpoints/not-an-id').set(auth).expect(404);
    await request(server.url).get('/api/v1/endpoints/..%2F..%2Fetc%2Fpasswd').set(auth).expect(400);
  });

  it('should count calls per service and hour, per endpoint too', async () => {
    const window = { from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z' };
    const res = await request(server.url).get('/api/v1/stats/calls').query(window).set(auth).expect(200);
    expect(res.body).toMatchObject({ interval: 'hour', from: '2026-11-01T00:00:00.000Z', nextCursor: null });
    expect(res.body.items).toEqual([
      {
        service: 'api.example.com',
        bucket: '2026-11-01T12:00:00.000Z',
        calls: 11,
        clientErrors: 1,
        serverErrors: 0,
        unanswered: 0,
      },
      {
        service: 'other.example.com:8443',
        bucket: '2026-11-01T12:00:00.000Z',
        calls: 1,
        clientErrors: 0,
        serverErrors: 0,
        unanswered: 1,
      },
    ]);
    const list = await request(server.url).get('/api/v1/endpoints?pathPrefix=/users/').set(auth).expect(200);
    const one = await request(server.url)
      .get('/api/v1/stats/calls')
      .query({ ...window, interval: 'day', endpoint: list.body.items[0].id })
      .set(auth)
      .expect(200);
    expect(one.body.items).toEqual([
      expect.objectContaining({ bucket: '2026-11-01T00:00:00.000Z', calls: 3 }),
    ]);
    await request(server.url)
      .get('/api/v1/stats/calls')
      .query({ from: '2026-01-01T00:00:00Z', to: '2026-12-01T00:00:00Z' })
      .set(auth)
      .expect(400);
  });

  it('should show dead letters to admins with the monitored traffic credentials masked', async () => {
    const leaky = apiCall({
      path: '/x',
      target: '/x',
      headers: [
        ['host', 'api.example.com'],
        ['authorization', 'Bearer sup3r-s3cret-t0ken'],
      ],
    });
    await request(server.url)
      .post('/api/v1/ingest')
      .set(auth)
      .send({ calls: [{ ...leaky, v: 9 }] })
      .expect(200);
    const res = await request(server.url).get('/api/v1/dead-letters?source=ingest').set(auth).expect(200);
    const letter = res.body.items.find((l: { excerpt: string }) => l.excerpt.includes('authorization'));
    expect(letter).toMatchObject({
      source: 'ingest',
      reason: expect.stringContaining('unsupported contract version'),
    });
    expect(letter.excerpt).toContain('"authorization","***"');
    expect(JSON.stringify(res.body)).not.toContain('sup3r-s3cret-t0ken');
  });

  it('should serve its own OpenAPI document to key holders only', async () => {
    await request(server.url).get('/api/docs/openapi.json').expect(401);
    const res = await request(server.url).get('/api/docs/openapi.json').set(auth).expect(200);
    expect(res.body.openapi).toBe('3.0.0');
    const page = await request(server.url).get('/api/docs').expect(200);
    expect(page.text).toContain('swagger-ui');
    const init = await request(server.url).get('/api/docs/swagger-ui-init.js').expect(200);
    expect(init.text).not.toContain('/api/v1/keys'); // the page holds no document: it fetches it with a key
    expect(init.text).toContain('/api/docs/openapi.json');
  });

  it('should make the ingest client fail fast on a refused key', async () => {
    const client = new HttpIngestClient({
      url: server.url,
      apiKey: 'wrong-key',
      maxAttempts: 3,
      backoffMs: 1,
    });
    await expect(client.send([apiCall()])).rejects.toBeInstanceOf(TransportException);
  });

  it('should revise templates as evidence arrives: early calls re-attributed, counted once', async () => {
    const host = 'api.github.test';
    const user = (login: string, extra: Partial<Parameters<typeof apiCall>[0]> = {}) =>
      apiCall({
        host,
        path: `/users/${login}`,
        target: `/users/${login}`,
        headers: [['host', host]],
        ...extra,
      });
    // one user first: nothing to learn, stored as it is
    await request(server.url)
      .post('/api/v1/ingest')
      .set(auth)
      .send({ calls: [user('torvalds')] })
      .expect(200);
    let res = await request(server.url)
      .get('/api/v1/inventory')
      .query({ service: host })
      .set(auth)
      .expect(200);
    expect(res.body.services[0].endpoints.map((e: { path: string }) => e.path)).toEqual(['/users/torvalds']);
    // more users, and `/users/me` often: `{username}` is learnt and `me` stays itself
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
    const calls = [...logins.map((l) => user(l)), ...Array.from({ length: 12 }, () => user('me'))];
    await request(server.url).post('/api/v1/ingest').set(auth).send({ calls }).expect(200);
    res = await request(server.url).get('/api/v1/inventory').query({ service: host }).set(auth).expect(200);
    expect(
      res.body.services[0].endpoints.map((e: { path: string; calls: number }) => [e.path, e.calls]),
    ).toEqual([
      ['/users/{username}', 9],
      ['/users/me', 12],
    ]);
    const services = await request(server.url).get('/api/v1/services').set(auth).expect(200);
    expect(services.body.items.find((s: { name: string }) => s.name === host)).toMatchObject({
      endpoints: 2,
      calls: 21,
    });
  });

  it('should make one endpoint per GraphQL operation and describe bodies and JWT issuers', async () => {
    const host = 'gql.example.test';
    const jwt = `${Buffer.from('{"alg":"ES256"}').toString('base64url')}.${Buffer.from(
      '{"iss":"https://auth.example.test/","aud":"gql"}',
    ).toString('base64url')}.sig`;
    const op = (query: string, variables: Record<string, unknown>) => {
      const data = JSON.stringify({ query, variables });
      return apiCall(
        {
          method: 'POST',
          host,
          path: '/graphql',
          target: '/graphql',
          headers: [
            ['host', host],
            ['authorization', `Bearer ${jwt}`],
          ],
          body: {
            contentType: 'application/json',
            size: data.length,
            truncated: false,
            encoding: 'utf8',
            data,
          },
        },
        {
          body: {
            contentType: 'application/json',
            size: 20,
            truncated: false,
            encoding: 'utf8',
            data: JSON.stringify({ data: { ok: true } }),
          },
        },
      );
    };
    const calls = [
      op('query GetUser($id: ID!) { user(id: $id) { name } }', { id: 'u1' }),
      op('query GetUser($id: ID!) { user(id: $id) { name } }', { id: 'u2' }),
      op('mutation AddStar { addStar { ok } }', {}),
    ];
    await request(server.url).post('/api/v1/ingest').set(auth).send({ calls }).expect(200);
    const res = await request(server.url)
      .get('/api/v1/inventory')
      .query({ service: host })
      .set(auth)
      .expect(200);
    const endpoints = res.body.services[0].endpoints;
    expect(
      endpoints.map((e: { path: string; graphql: unknown; calls: number }) => [e.path, e.graphql, e.calls]),
    ).toEqual([
      ['/graphql', { operationType: 'mutation', operationName: 'AddStar' }, 1],
      ['/graphql', { operationType: 'query', operationName: 'GetUser' }, 2],
    ]);
    expect(endpoints[1].auth).toMatchObject({
      schemes: ['bearer'],
      bearer: { jwt: 2, opaque: 0 },
      jwtIssuers: [{ alg: 'ES256', iss: 'https://auth.example.test/', aud: ['gql'], calls: 2 }],
    });
    expect(endpoints[1].requestBody.content['application/json'].schema.properties.variables).toEqual({
      type: 'object',
      properties: { id: { type: 'string' } },
      required: ['id'],
    });
    expect(endpoints[1].responses['200'].content['application/json'].schema).toMatchObject({
      type: 'object',
    });
    expect(JSON.stringify(res.body)).not.toContain(jwt);
  });

  it('should apply pin and merge corrections from the CLI and the API to past and future calls', async () => {
    const host = 'plans.example.test';
    const call = (path: string) => apiCall({ host, path, target: path, headers: [['host', host]] });
    const paths = ['/plans/basic', '/plans/premium', '/plans/enterprise', '/plans/starter', '/plans/compare'];
    await request(server.url)
      .post('/api/v1/ingest')
      .set(auth)
      .send({ calls: [...paths, '/plans/compare'].map(call) })
      .expect(200);
    const endpointsOf = async (): Promise<Array<[string, number]>> => {
      const res = await request(server.url)
        .get('/api/v1/inventory')
        .query({ service: host })
        .set(auth)
        .expect(200);
      const endpoints = res.body.services[0].endpoints as Array<{ path: string; calls: number }>;
      return endpoints.map((e) => [e.path, e.calls]);
    };
    // dictionary words stay literal on their own
    expect(await endpointsOf()).toHaveLength(5);

    const cli = await runCli(['templates', 'pin', host, '/plans/compare', '--url', server.url], {
      APISCOPE_API_KEY: KEY,
    });
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({
      service: host,
      action: 'pin',
      template: '/plans/compare',
    });
    await request(server.url)
      .post(`/api/v1/services/${host}/templates`)
      .set(auth)
      .send({ action: 'merge', template: '/plans/{plan}' })
      .expect(201);
    expect(await endpointsOf()).toEqual([
      ['/plans/{plan}', 4],
      ['/plans/compare', 2],
    ]);
    await request(server.url)
      .post('/api/v1/ingest')
      .set(auth)
      .send({ calls: [call('/plans/family')] })
      .expect(200);
    expect(await endpointsOf()).toEqual([
      ['/plans/{plan}', 5],
      ['/plans/compare', 2],
    ]);
    const list = await request(server.url).get(`/api/v1/services/${host}/templates`).set(auth).expect(200);
    expect(list.body.corrections.map((c: { action: string }) => c.action)).toEqual(['pin', 'merge']);

    const bad = await request(server.url)
      .post(`/api/v1/services/${host}/templates`)
      .set(auth)
      .send({ action: 'explode', template: 'plans' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['action', 'template']);
    const usage = await runCli(['templates', 'pin', host, 'plans', '--url', server.url], {
      APISCOPE_API_KEY: KEY,
    });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/give a path template/);
  });

  it('should build the resolved inventory once for concurrent reads, and again after a write', async () => {
    const builds = jest.spyOn(server.app.get(ResolvedEndpointRepository), 'list');
    const reads = (n: number) =>
      Promise.all(
        Array.from({ length: n }, (_, i) =>
          request(server.url)
            .get(['/api/v1/endpoints', '/api/v1/services', '/api/v1/inventory'][i % 3])
            .set(auth),
        ),
      );
    try {
      await reads(1);
      builds.mockClear();
      expect((await reads(9)).map((r) => r.status)).toEqual(Array(9).fill(200));
      expect(builds).not.toHaveBeenCalled(); // nothing changed: served from the cache
      // a write through the pipeline changes the storage fingerprint: the next read sees it
      await request(server.url)
        .post('/api/v1/ingest')
        .set(auth)
        .send({ calls: [apiCall({ host: 'cache.example.com', headers: [['host', 'cache.example.com']] })] })
        .expect(200);
      let services: string[] = [];
      for (let i = 0; i < 100 && !services.includes('cache.example.com'); i++) {
        const res = await request(server.url).get('/api/v1/services').query({ limit: 500 }).set(auth);
        services = (res.body.items as Array<{ name: string }>).map((s) => s.name);
        if (!services.includes('cache.example.com')) await new Promise((r) => setTimeout(r, 50));
      }
      expect(services).toContain('cache.example.com');
      // a write in this process (spec import, corrections) invalidates: concurrent reads share one build
      server.app.get(InventoryCacheService).invalidate();
      builds.mockClear();
      expect((await reads(9)).map((r) => r.status)).toEqual(Array(9).fill(200));
      expect(builds).toHaveBeenCalledTimes(1);
    } finally {
      builds.mockRestore();
    }
  });

  it('should filter endpoints by sensitive data class on the server, and refuse an unknown class', async () => {
    const host = 'classes.example.com';
    const json = (data: unknown) => {
      const text = JSON.stringify(data);
      return {
        contentType: 'application/json',
        size: text.length,
        truncated: false,
        encoding: 'utf8' as const,
        data: text,
      };
    };
    const call = (path: string, body: unknown) =>
      apiCall({ host, path, target: path, headers: [['host', host]] }, { body: json(body) });
    const calls = [
      call('/profile', { email: 'ada.lovelace@example.org', name: 'Ada' }),
      call('/profile', { email: 'grace.hopper@example.org', name: 'Grace' }),
      call('/status', { ok: true, build: 'abc' }),
    ];
    await request(server.url).post('/api/v1/ingest').set(auth).send({ calls }).expect(200);
    const listed = async (query: Record<string, string>) => {
      for (let i = 0; ; i++) {
        const res = await request(server.url)
          .get('/api/v1/endpoints')
          .query({ service: host, ...query })
          .set(auth)
          .expect(200);
        const paths = (res.body.items as Array<{ path: string }>).map((e) => e.path);
        if (paths.length > 0 || i >= 100) return paths;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    expect(await listed({})).toEqual(['/profile', '/status']);
    expect(await listed({ class: 'email' })).toEqual(['/profile']);
    const none = await request(server.url)
      .get('/api/v1/endpoints')
      .query({ service: host, class: 'ssn' })
      .set(auth)
      .expect(200);
    expect(none.body.items).toEqual([]);
    const bad = await request(server.url)
      .get('/api/v1/endpoints')
      .query({ class: 'shoe_size' })
      .set(auth)
      .expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'class' });
  });
});
