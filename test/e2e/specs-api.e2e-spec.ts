import { readFileSync } from 'node:fs';

import request from 'supertest';

import { apiCall } from '../support/api-call.fixture';
import { corpusFile } from '../support/corpus';
import { useEmbeddedServer } from '../support/embedded-server.fixture';

const KEY = 'specs-admin-key-0123456789';
const auth = { Authorization: `Bearer ${KEY}` };

describe('reference specs through the API', () => {
  const server = useEmbeddedServer('specs', {
    apiKey: KEY,
  });

  it('should import a real spec as version 1, then 2, and list the versions', async () => {
    const document = readFileSync(corpusFile('specs', 'spotify.com__v1.json'), 'utf8');
    const first = await request(server.url)
      .post('/api/v1/specs')
      .set(auth)
      .send({ service: 'api.spotify.com', document })
      .expect(201);
    expect(first.body).toMatchObject({
      service: 'api.spotify.com',
      version: 1,
      title: 'Spotify',
      openapiVersion: '2.0',
      operations: 37,
    });
    const second = await request(server.url)
      .post('/api/v1/specs')
      .set(auth)
      .send({ service: 'api.spotify.com', document })
      .expect(201);
    expect(second.body.version).toBe(2);
    const list = await request(server.url).get('/api/v1/specs').set(auth).expect(200);
    expect(list.body.specs.map((s: { version: number }) => s.version)).toEqual([1, 2]);
  });

  it.each([
    ['not OpenAPI', { service: 'x.test', document: '{"a": 1}' }, /not an OpenAPI document/],
    [
      'invalid OpenAPI',
      { service: 'x.test', document: 'openapi: 3.0.0\ninfo: {title: t}\n' },
      /invalid OpenAPI document/,
    ],
  ])('should refuse %s with 400 naming the document, importing nothing', async (_name, body, reason) => {
    const res = await request(server.url).post('/api/v1/specs').set(auth).send(body).expect(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'document' });
    expect(res.body.errors[0].problem).toMatch(reason);
    const list = await request(server.url).get('/api/v1/specs').set(auth).expect(200);
    expect(list.body.specs.some((s: { service: string }) => s.service === 'x.test')).toBe(false);
  });

  it('should refuse a service name with spaces and unknown fields', async () => {
    await request(server.url)
      .post('/api/v1/specs')
      .set(auth)
      .send({ service: 'a b', document: '{}' })
      .expect(400);
    await request(server.url)
      .post('/api/v1/specs')
      .set(auth)
      .send({ service: 'a', document: '{}', extra: 1 })
      .expect(400);
  });

  it('should flag shadow and orphan endpoints and page them by flag', async () => {
    const calls = [
      apiCall({
        host: 'api.spotify.com',
        path: '/v1/albums/4aawyAB9vmqN3uQ7FjRGTy',
        target: '/v1/albums/4aawyAB9vmqN3uQ7FjRGTy',
      }),
      apiCall({ host: 'api.spotify.com', path: '/v1/internal/debug', target: '/v1/internal/debug' }),
    ];
    await request(server.url).post('/api/v1/ingest').set(auth).send({ calls }).expect(200);
    const shadow = await request(server.url)
      .get('/api/v1/endpoints')
      .query({ service: 'api.spotify.com', flag: 'shadow' })
      .set(auth)
      .expect(200);
    expect(shadow.body.items.map((e: { path: string }) => e.path)).toEqual(['/v1/internal/debug']);
    const album = await request(server.url)
      .get('/api/v1/endpoints')
      .query({ service: 'api.spotify.com', pathPrefix: '/v1/albums/' })
      .set(auth)
      .expect(200);
    expect(
      album.body.items.map((e: { path: string; calls: number; flags: string[] }) => [
        e.path,
        e.calls,
        e.flags,
      ]),
    ).toContainEqual(['/v1/albums/{id}', 1, ['unauthenticated']]);
    const orphans: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await request(server.url)
        .get('/api/v1/endpoints')
        .query({ flag: 'orphan', limit: 10, ...(cursor && { cursor }) })
        .set(auth)
        .expect(200);
      orphans.push(...page.body.items.map((e: { path: string }) => e.path));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(orphans).toHaveLength(36);
    expect(new Set(orphans).size).toBeGreaterThan(20);
  });

  it('should export the observed API of a service as OpenAPI 3.1 that validates', async () => {
    const res = await request(server.url)
      .get('/api/v1/services/api.spotify.com/openapi')
      .set(auth)
      .expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths).sort()).toEqual(['/v1/albums/{id}', '/v1/internal/debug']);
    expect(res.body.paths['/v1/internal/debug'].get['x-apiscope-flags']).toEqual([
      'shadow',
      'unauthenticated',
    ]);
    const SwaggerParser = (await import('@apidevtools/swagger-parser')).default;
    await expect(SwaggerParser.validate(res.body)).resolves.toBeDefined();
    await request(server.url).get('/api/v1/services/nobody.test/openapi').set(auth).expect(404);
    await request(server.url).get('/api/v1/services/a%20b/openapi').set(auth).expect(400);
  });
});
