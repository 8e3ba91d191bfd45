import request from 'supertest';

import { apiCall } from '../support/api-call.fixture';
import { useEmbeddedServer } from '../support/embedded-server.fixture';

const ADMIN = 'e2e-limits-admin-key-0123456789';
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

describe('API limits (embedded, real HTTP, real ClickHouse)', () => {
  const server = useEmbeddedServer('limits-e2e', {
    apiKey: ADMIN,
    api: {
      rateLimitPerKey: 30,
      rateLimitPerIp: 1000,
      failedAuthPerIp: 5,
      ingestBodyLimitBytes: 256 * 1024,
      bodyLimitBytes: 4 * 1024,
      maxConcurrentExpensive: 1,
    },
  });

  it('should tell the remaining budget in RateLimit headers and answer 429 with Retry-After past it', async () => {
    const viewer = await request(server.url)
      .post('/api/v1/keys')
      .set(bearer(ADMIN))
      .send({ name: 'limited', role: 'viewer' })
      .expect(201);
    const key = viewer.body.key as string;
    const first = await request(server.url).get('/api/v1/services').set(bearer(key)).expect(200);
    expect(first.headers['ratelimit-limit']).toBe('30');
    expect(first.headers['ratelimit-remaining']).toBe('29');
    expect(first.headers['ratelimit-policy']).toBe('30;w=60');
    for (let i = 1; i < 30; i++)
      await request(server.url).get('/api/v1/services').set(bearer(key)).expect(200);
    const limited = await request(server.url).get('/api/v1/services').set(bearer(key)).expect(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.body.type).toBe('https://apiscope.dev/problems/too-many-requests');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    // another key from the same address has its own budget
    await request(server.url).get('/api/v1/services').set(bearer(ADMIN)).expect(200);
  });

  it.each([
    ['POST /api/v1/keys', '/api/v1/keys', 5 * 1024, 413],
    ['POST /api/v1/ingest', '/api/v1/ingest', 300 * 1024, 413],
  ])('should refuse an oversize body on %s before reading it all', async (_name, path, size, status) => {
    const body = JSON.stringify({ name: 'x'.repeat(size), role: 'viewer', calls: [] });
    const res = await request(server.url)
      .post(path)
      .set(bearer(ADMIN))
      .set('content-type', 'application/json')
      .send(body)
      .expect(status);
    expect(res.body).toMatchObject({
      type: 'https://apiscope.dev/problems/payload-too-large',
      status: 413,
    });
  });

  it('should take an ingest body far larger than the small limit of other routes', async () => {
    const calls = Array.from({ length: 200 }, (_, i) => apiCall({ path: `/big/${i}`, target: `/big/${i}` }));
    const body = JSON.stringify({ calls });
    expect(body.length).toBeGreaterThan(40 * 1024);
    const res = await request(server.url)
      .post('/api/v1/ingest')
      .set(bearer(ADMIN))
      .set('content-type', 'application/json')
      .send(body)
      .expect(200);
    expect(res.body.accepted).toBe(200);
  });

  it('should cap concurrent inventory queries and answer the excess 503 overloaded with Retry-After', async () => {
    const answers = await Promise.all(
      Array.from({ length: 24 }, () => request(server.url).get('/api/v1/inventory').set(bearer(ADMIN))),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(9); // 1 running + 8 queued
    expect(statuses).toContain(503); // 24 at once outrun one slot and a queue of 8
    for (const busy of answers.filter((r) => r.status === 503)) {
      expect(busy.body.type).toBe('https://apiscope.dev/problems/overloaded');
      expect(busy.headers['retry-after']).toBe('1');
    }
  });

  // last: it locks this test's address out
  it('should lock out an address after repeated failed authentications, even for a good key', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await request(server.url)
        .get('/api/v1/endpoints')
        .set(bearer(`aps_${'0'.repeat(12)}_${String(i).repeat(43)}`))
        .expect(401);
      expect(res.body.detail).toBe('invalid API key');
    }
    const locked = await request(server.url).get('/api/v1/endpoints').set(bearer(ADMIN)).expect(429);
    expect(locked.body.detail).toMatch(/too many failed authentications/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    await request(server.url).get('/healthz').expect(429);
  });
});
