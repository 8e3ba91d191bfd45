import { join } from 'node:path';

import request from 'supertest';

import { useEmbeddedServer } from '../support/embedded-server.fixture';
import { runCli } from '../support/run-cli';
import { type TlsFixture, makeSelfSignedCert } from '../support/tls.fixture';

const ADMIN = 'e2e-transport-admin-key-0123456789';
const ALLOWED = 'https://catalog.example.com';

describe('API transport: TLS, HSTS, security headers, CORS (embedded, real HTTPS)', () => {
  let tls: TlsFixture;
  const server = useEmbeddedServer('tls-e2e', (dir) => {
    tls = makeSelfSignedCert(dir);
    return {
      dataDir: join(dir, 'data'),
      apiKey: ADMIN,
      tls: { cert: tls.cert, key: tls.key },
      api: { corsOrigins: [ALLOWED] },
    };
  });

  it('should serve HTTPS with HSTS and the usual security headers', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const res = await request(server.url)
      .get('/api/v1/services')
      .ca(tls.cert)
      .set('Authorization', `Bearer ${ADMIN}`)
      .expect(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('should not talk plain HTTP on the TLS port', async () => {
    await expect(fetch(server.url.replace('https:', 'http:') + '/healthz')).rejects.toThrow();
  });

  it('should answer a preflight from an allowed origin, and only from it', async () => {
    const allowed = await request(server.url)
      .options('/api/v1/endpoints')
      .ca(tls.cert)
      .set('Origin', ALLOWED)
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization')
      .expect(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(allowed.headers['access-control-allow-headers']).toBe('Authorization,Content-Type');
    expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
    const other = await request(server.url)
      .options('/api/v1/endpoints')
      .ca(tls.cert)
      .set('Origin', 'https://evil.example.net')
      .set('Access-Control-Request-Method', 'GET');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const get = await request(server.url)
      .get('/api/v1/endpoints')
      .ca(tls.cert)
      .set('Origin', ALLOWED)
      .set('Authorization', `Bearer ${ADMIN}`)
      .expect(200);
    expect(get.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(get.headers['access-control-expose-headers']).toContain('RateLimit-Remaining');
  });

  it('should let the CLI reach the HTTPS API with --ca, and refuse an unknown certificate without it', async () => {
    const env = { APISCOPE_API_KEY: ADMIN };
    const ok = await runCli(['keys', 'list', '--url', server.url, '--ca', tls.certFile], env);
    expect(ok.code).toBe(0);
    const untrusted = await runCli(['keys', 'list', '--url', server.url], env);
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).toMatch(/SELF_SIGNED|self-signed|certificate/i);
  });

  it.each([
    [['up', '--tls-cert', 'cert.pem'], /--tls-cert and --tls-key go together/],
    [['api', '--tls-cert', '/nonexistent.pem', '--tls-key', '/nonexistent.pem'], /cannot read --tls-cert/],
    [['up', '--cors-origin', '*'], /--cors-origin must be an origin/],
    [['up', '--cors-origin', 'https://a.example.com/path'], /--cors-origin must be an origin/],
  ])('should refuse %j as a usage error (exit 2)', async (args, message) => {
    const res = await runCli([...args, '--data', join(server.dir, 'unused')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
  });
});
