import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { corpusFile, REPO_ROOT } from '../support/corpus';
import { runCli } from '../support/run-cli';

describe('apiscope analyze --har', () => {
  it('should print the inventory of a real HAR (mitmproxy2swagger) as JSON in the contract shape', async () => {
    const result = await runCli([
      'analyze',
      '--har',
      corpusFile('har', 'mitmproxy2swagger', 'headers_and_params_har.har'),
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      services: [
        {
          name: 'httpbin.org',
          documented: false,
          endpoints: [
            {
              method: 'GET',
              path: '/get',
              calls: 1,
              firstSeen: expect.any(String),
              lastSeen: expect.any(String),
              statusCodes: { '200': 1 },
              latencyMs: expect.any(Object),
              auth: {
                schemes: ['api-key-header'],
                status: 'authenticated',
                unauthenticatedSuccesses: 0,
                unauthenticatedStatusCodes: {},
                apiKeys: [{ in: 'header', name: 'x-api-key', calls: 1 }],
              },
              flags: [],
              sensitive: [],
              parameters: [{ name: 'search', in: 'query', required: true, schema: { type: 'string' } }],
              requestBody: null,
              // httpbin answered `{}`
              responses: {
                '200': { content: { 'application/json': { schema: { type: 'object', properties: {} } } } },
              },
              // no findings: nothing adds to the risk
              risk: { score: 0, level: 'none', factors: [], capped: false },
            },
          ],
          risk: { score: 0, level: 'none', factors: [], capped: false },
        },
      ],
    });
  });

  it('should read a browser export with a byte-order mark (Firefox) into services and endpoints', async () => {
    const result = await runCli([
      'analyze',
      '--har',
      corpusFile('har', 'mitmproxy', 'har_files', 'firefox.har'),
      '--format',
      'table',
    ]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^SERVICE\s+METHOD\s+PATH\s+CALLS\s+AUTH\s+FLAGS$/);
    expect(lines.some((l) => /^mitmproxy\.org\s+GET\s+\/github-btn\.html\s+2\s/.test(l))).toBe(true);
  });

  it('should exit 3 and name the endpoints when --fail-on matches (the bundled demo has open admin routes)', async () => {
    const result = await runCli([
      'analyze',
      '--har',
      join(REPO_ROOT, 'apps', 'cli', 'demo', 'demo-shop.har'),
      '--fail-on',
      'unauthenticated',
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/endpoint\(s\) carry --fail-on flags/);
    expect(result.stderr).toContain('api.shop.example GET /internal/admin/users/{userId}: unauthenticated');
    // the Spoutible class of leak: hashes and 2FA seeds of any user, masked, from traffic alone
    const admin = JSON.parse(result.stdout).services[0].endpoints.find(
      (e: { path: string }) => e.path === '/internal/admin/users/{userId}',
    );
    expect(admin.flags).toEqual(['unauthenticated', 'sensitive']);
    expect(admin.sensitive.map((f: { name: string; class: string }) => [f.name, f.class])).toEqual([
      ['$.email', 'email'],
      ['$.mfa_secret', 'otp_secret'],
      ['$.password_hash', 'password_hash'],
    ]);
    expect(JSON.stringify(admin.sensitive)).not.toMatch(/JBSWY3DPEHPK3PXP|\$2b\$12\$[0-9a-f]{10}/);
    expect(JSON.parse(result.stdout).services).toHaveLength(3);
  });

  it('should hold traffic beside a reference spec: shadow, zombie, orphan, spec names, exit 3 on --fail-on', async () => {
    const demo = join(REPO_ROOT, 'apps', 'cli', 'demo');
    const result = await runCli([
      'analyze',
      '--har',
      join(demo, 'demo-shop.har'),
      '--spec',
      `api.shop.example=${join(demo, 'shop-api.openapi.yaml')}`,
      '--fail-on',
      'shadow,zombie',
    ]);
    expect(result.code).toBe(3);
    const shop = JSON.parse(result.stdout).services.find(
      (s: { name: string }) => s.name === 'api.shop.example',
    );
    expect(shop.documented).toBe(true);
    const flagsOf = (method: string, path: string): string[] | undefined =>
      (shop.endpoints as Array<{ method: string; path: string; flags: string[] }>).find(
        (e) => e.method === method && e.path === path,
      )?.flags;
    expect(flagsOf('GET', '/internal/admin/users/{userId}')).toEqual([
      'shadow',
      'unauthenticated',
      'sensitive',
    ]);
    expect(flagsOf('GET', '/v1/products/{productId}')).toEqual(['zombie', 'unauthenticated']);
    expect(flagsOf('POST', '/v1/returns')).toEqual(['orphan']);
    expect(flagsOf('GET', '/v1/users/{id}')).toEqual(['sensitive']);
    expect(flagsOf('GET', '/v1/users/{userId}')).toBeUndefined();
    expect(result.stderr).toContain('api.shop.example GET /internal/admin/users/{userId}: shadow');
    expect(result.stderr).not.toContain('auth.shop.example');
  });

  it('should refuse a broken reference spec with the parser reason and exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apiscope-analyze-spec-'));
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'openapi: 3.0.0\ninfo: { title: x }\n');
    const result = await runCli([
      'analyze',
      '--har',
      join(REPO_ROOT, 'apps', 'cli', 'demo', 'demo-shop.har'),
      '--spec',
      `x=${file}`,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/broken\.yaml: invalid OpenAPI document/);
  });

  it.each([
    [['analyze'], /nothing to analyze/],
    [['analyze', '--har', 'x.har', '--spec', 'nofile'], /--spec must be SERVICE=FILE/],
    [['analyze', '--har', '/nonexistent/x.har'], /cannot read HAR file \/nonexistent\/x\.har: ENOENT/],
    [['analyze', '--har', join(REPO_ROOT, 'package.json')], /not a HAR file/],
    [['analyze', '--har', 'x.har', '--format', 'xml'], /--format must be one of json, table/],
    [['analyze', '--har', 'x.har', '--fail-on', 'shady'], /unknown flag "shady"/],
    [['analyze', '--bogus'], /unknown option '--bogus'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('should exit 2 with one clear line for %j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('should say what a file that is not JSON is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apiscope-analyze-bad-'));
    const file = join(dir, 'broken.har');
    writeFileSync(file, '{"log": {"entries": [');
    const result = await runCli(['analyze', '--har', file]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('should print help for every command', async () => {
    for (const command of ['up', 'api', 'analyze']) {
      const result = await runCli([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: apiscope ${command} \\[options\\]`));
    }
  });
});
