import request from 'supertest';

import { runCli } from '../support/run-cli';
import { useEmbeddedServer } from '../support/embedded-server.fixture';

const ADMIN = 'e2e-keys-admin-key-0123456789';
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

describe('API keys and roles (embedded, real HTTP, real ClickHouse, real CLI)', () => {
  const server = useEmbeddedServer('keys-e2e', {
    apiKey: ADMIN,
  });

  const create = async (role: string, extra: Record<string, unknown> = {}) => {
    const res = await request(server.url)
      .post('/api/v1/keys')
      .set(bearer(ADMIN))
      .send({ name: `${role}-key`, role, ...extra })
      .expect(201);
    return res.body as { id: string; key: string; role: string; status: string };
  };

  it('should show a new key once and never again', async () => {
    const created = await create('viewer');
    expect(created).toMatchObject({ role: 'viewer', status: 'active', prefix: `aps_${created.id}_` });
    expect(created.key).toMatch(new RegExp(`^aps_${created.id}_[A-Za-z0-9_-]{43}$`));
    const list = await request(server.url).get('/api/v1/keys').set(bearer(ADMIN)).expect(200);
    expect(list.body.items.map((k: { id: string }) => k.id)).toContain(created.id);
    const secret = created.key.slice(`aps_${created.id}_`.length);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    expect(JSON.stringify(list.body)).not.toContain('scrypt');
  });

  it('should let each role do what it may and nothing else', async () => {
    const viewer = await create('viewer');
    const ingest = await create('ingest');
    await request(server.url).get('/api/v1/endpoints').set(bearer(viewer.key)).expect(200);
    await request(server.url).get('/api/v1/endpoints').set(bearer(ingest.key)).expect(403);
    await request(server.url).post('/api/v1/ingest').set(bearer(ingest.key)).send({ calls: [] }).expect(200);
    await request(server.url).post('/api/v1/ingest').set(bearer(viewer.key)).send({ calls: [] }).expect(403);
    // admin routes read as unknown routes to other roles
    for (const key of [viewer.key, ingest.key]) {
      const res = await request(server.url).get('/api/v1/keys').set(bearer(key)).expect(404);
      const unknown = await request(server.url).get('/api/v1/nothing-here').set(bearer(key)).expect(404);
      expect({ ...res.body, instance: '' }).toEqual({ ...unknown.body, instance: '' });
    }
  });

  it('should record the last use of a key', async () => {
    const viewer = await create('viewer');
    await request(server.url).get('/api/v1/services').set(bearer(viewer.key)).expect(200);
    const list = await request(server.url).get('/api/v1/keys').set(bearer(ADMIN)).expect(200);
    const listed = list.body.items.find((k: { id: string }) => k.id === viewer.id);
    expect(Date.parse(listed.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('should stop a revoked key at once and say so', async () => {
    const viewer = await create('viewer');
    await request(server.url).get('/api/v1/endpoints').set(bearer(viewer.key)).expect(200);
    const revoked = await request(server.url)
      .delete(`/api/v1/keys/${viewer.id}`)
      .set(bearer(ADMIN))
      .expect(200);
    expect(revoked.body).toMatchObject({ id: viewer.id, status: 'revoked', revokedAt: expect.any(String) });
    const res = await request(server.url).get('/api/v1/endpoints').set(bearer(viewer.key)).expect(401);
    expect(res.body.detail).toBe('API key revoked');
    await request(server.url).delete('/api/v1/keys/ffffffffffff').set(bearer(ADMIN)).expect(404);
  });

  it('should stop an expired key', async () => {
    const soon = await create('viewer', { expiresAt: new Date(Date.now() + 1500).toISOString() });
    await request(server.url).get('/api/v1/endpoints').set(bearer(soon.key)).expect(200);
    await new Promise((r) => setTimeout(r, 1600));
    const res = await request(server.url).get('/api/v1/endpoints').set(bearer(soon.key)).expect(401);
    expect(res.body.detail).toBe('API key expired');
    const expired = await request(server.url)
      .get('/api/v1/keys?status=expired')
      .set(bearer(ADMIN))
      .expect(200);
    expect(expired.body.items.map((k: { id: string }) => k.id)).toContain(soon.id);
  });

  it('should refuse a wrong secret behind a real key id', async () => {
    const viewer = await create('viewer');
    const forged = `aps_${viewer.id}_${'A'.repeat(43)}`;
    const res = await request(server.url).get('/api/v1/endpoints').set(bearer(forged)).expect(401);
    expect(res.body.detail).toBe('invalid API key');
  });

  it.each([
    [{ name: 'x', role: 'root' }, 'role'],
    [{ name: '', role: 'viewer' }, 'name'],
    [{ name: 'x'.repeat(65), role: 'viewer' }, 'name'],
    [{ name: "x'; DROP TABLE api_keys; --", role: 'viewer' }, 'name'],
    [{ name: 'x', role: 'viewer', expiresAt: '2001-01-01T00:00:00Z' }, 'expiresAt'],
    [{ name: 'x', role: 'viewer', expiresAt: 'tomorrow' }, 'expiresAt'],
    [{ name: 'x', role: 'viewer', admin: true }, 'admin'],
  ])('should refuse to create %j (field %s)', async (body, field) => {
    const res = await request(server.url).post('/api/v1/keys').set(bearer(ADMIN)).send(body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('should audit admin actions, failed authentications and denied access, without secrets', async () => {
    const viewer = await create('viewer');
    await request(server.url).get('/api/v1/keys').set(bearer(viewer.key)).expect(404);
    const forged = `aps_${viewer.id}_${'B'.repeat(43)}`;
    await request(server.url).get('/api/v1/services').set(bearer(forged)).expect(401);
    await request(server.url).delete(`/api/v1/keys/${viewer.id}`).set(bearer(ADMIN)).expect(200);
    const res = await request(server.url).get('/api/v1/audit?limit=500').set(bearer(ADMIN)).expect(200);
    const entries = res.body.items as Array<Record<string, string>>;
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'key.create',
          outcome: 'success',
          actorId: 'bootstrap',
          actorRole: 'admin',
          target: `key ${viewer.id}`,
          method: 'POST',
          path: '/api/v1/keys',
          clientIp: expect.stringMatching(/127\.0\.0\.1/),
        }),
        expect.objectContaining({
          action: 'access.denied',
          actorId: viewer.id,
          actorRole: 'viewer',
          target: 'GET /api/v1/keys',
        }),
        expect.objectContaining({
          action: 'auth.failure',
          actorId: '',
          target: `key ${viewer.id}`,
          detail: 'wrong-secret',
        }),
        expect.objectContaining({ action: 'key.revoke', outcome: 'success', target: `key ${viewer.id}` }),
      ]),
    );
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(viewer.key.slice(-43));
    expect(text).not.toContain('B'.repeat(43));
    expect(text).not.toContain(ADMIN);
    expect(text).not.toContain('scrypt');
    // newest first, filtered, paged
    const times = entries.map((e) => Date.parse(e.ts));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const creates = await request(server.url)
      .get('/api/v1/audit?action=key.create&limit=2')
      .set(bearer(ADMIN))
      .expect(200);
    expect(creates.body.items).toHaveLength(2);
    expect(creates.body.items.every((e: { action: string }) => e.action === 'key.create')).toBe(true);
    const next = await request(server.url)
      .get(`/api/v1/audit?action=key.create&limit=2&cursor=${creates.body.nextCursor}`)
      .set(bearer(ADMIN))
      .expect(200);
    const ids = [...creates.body.items, ...next.body.items].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    await request(server.url).get('/api/v1/audit').set(bearer(viewer.key)).expect(401); // revoked by now
  });

  it('should create, list and revoke keys through the CLI against the running server', async () => {
    const env = { APISCOPE_API_KEY: ADMIN };
    const url = ['--url', server.url];
    const created = await runCli(
      [
        'keys',
        'create',
        '--role',
        'ingest',
        '--name',
        'cli-sensor',
        '--expires',
        '30d',
        '--format',
        'json',
        ...url,
      ],
      env,
    );
    expect(created.code).toBe(0);
    const key = JSON.parse(created.stdout) as { id: string; key: string; expiresAt: string };
    expect(Date.parse(key.expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    await request(server.url).post('/api/v1/ingest').set(bearer(key.key)).send({ calls: [] }).expect(200);
    const listed = await runCli(['keys', 'list', '--role', 'ingest', ...url], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${key.id}\\s+cli-sensor\\s+ingest\\s+active`, 'm'));
    expect(listed.stdout).not.toContain(key.key);
    const revoked = await runCli(['keys', 'revoke', key.id, ...url], env);
    expect(revoked).toMatchObject({ code: 0, stdout: `revoked ${key.id} (cli-sensor)\n` });
    expect((await runCli(['keys', 'revoke', 'ffffffffffff', ...url], env)).code).toBe(2);
    expect((await runCli(['keys', 'create', '--role', 'root', '--name', 'x', ...url], env)).code).toBe(2);
    expect((await runCli(['keys', 'list', ...url], { APISCOPE_API_KEY: 'wrong-key-0123456789' })).code).toBe(
      2,
    );
    expect((await runCli(['keys', 'list', '--url', 'http://127.0.0.1:1'], env)).code).toBe(1);
  }, 180_000); // eight CLI processes, each compiling the CLI at start
});
