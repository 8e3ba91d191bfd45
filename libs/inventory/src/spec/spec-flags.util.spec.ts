import { type SpecOperation } from './reference-spec.type';
import { versionSiblingTemplate } from './match-spec-operation.util';
import { specFlags } from './spec-flags.util';
import { versionZombies } from './version-zombies.util';

const op = (method: string, path: string, extra: Partial<SpecOperation> = {}): SpecOperation => ({
  method,
  path,
  deprecated: false,
  security: 'unspecified',
  parameters: [],
  requestBody: {},
  responses: {},
  ...extra,
});

const DAY = 24 * 3600 * 1000;
const now = Date.UTC(2026, 10, 20);

describe(specFlags.name, () => {
  const latest = [
    op('GET', '/users/{id}'),
    op('GET', '/users/me'),
    op('DELETE', '/users/{id}', { deprecated: true }),
    op('GET', '/reports'),
  ];
  const earlier = [[...latest, op('GET', '/legacy/export')]];

  it.each([
    ['a documented endpoint', 'GET', '/users/{userId}', [], '/users/{id}'],
    ['the literal sibling it documents', 'GET', '/users/me', [], '/users/me'],
    ['a deprecated operation still called', 'DELETE', '/users/{userId}', ['zombie'], '/users/{id}'],
    ['an operation removed from the latest version', 'GET', '/legacy/export', ['zombie'], undefined],
    ['an undocumented endpoint', 'POST', '/users/{userId}/impersonate', ['shadow'], undefined],
  ])('should judge %s', (_name, method, path, flags, documentedAs) => {
    const result = specFlags([{ method, path, calls: 3, lastSeen: now }], latest, earlier);
    const verdict = result.verdicts.get(`${method} ${path}`);
    expect(verdict?.flags).toEqual(flags);
    expect(verdict?.operation?.path).toBe(documentedAs);
  });

  it('should report documented operations without traffic as orphans', () => {
    const result = specFlags(
      [{ method: 'GET', path: '/users/{userId}', calls: 1, lastSeen: now }],
      latest,
      earlier,
    );
    expect(result.orphans.map((o) => `${o.method} ${o.path}`)).toEqual([
      'GET /users/me',
      'DELETE /users/{id}',
      'GET /reports',
    ]);
  });

  it('should give a service without a spec no shadow or orphan flags', () => {
    const result = specFlags([{ method: 'GET', path: '/x', calls: 1, lastSeen: now }], undefined);
    expect(result.verdicts.get('GET /x')?.flags).toEqual([]);
    expect(result.orphans).toEqual([]);
  });
});

describe(versionZombies.name, () => {
  it('should flag older versions while a newer one is live, with or without a spec', () => {
    const zombies = versionZombies([
      { method: 'GET', path: '/v1/accounts/{id}', lastSeen: now },
      { method: 'GET', path: '/v2/accounts/{id}', lastSeen: now - DAY },
      { method: 'GET', path: '/v1/invoices', lastSeen: now },
      { method: 'POST', path: '/v2/accounts/{id}', lastSeen: now },
      { method: 'GET', path: '/api/v3/things', lastSeen: now - 60 * DAY },
      { method: 'GET', path: '/api/v2/things', lastSeen: now },
    ]);
    expect([...zombies].sort()).toEqual(['GET /v1/accounts/{id}']);
  });
});

describe(`${specFlags.name} in an orphan window`, () => {
  const latest = [op('GET', '/users/{id}'), op('DELETE', '/users/{id}', { deprecated: true })];
  const earlier = [latest];

  it.each([
    ['called inside the window', now - DAY, []],
    ['called only before the window', now - 40 * DAY, ['orphan']],
  ])('should judge a documented endpoint %s', (_name, lastSeen, flags) => {
    const result = specFlags(
      [{ method: 'GET', path: '/users/{userId}', calls: 5, lastSeen }],
      latest,
      earlier,
      now - 30 * DAY,
    );
    expect(result.verdicts.get('GET /users/{userId}')?.flags).toEqual(flags);
    // the endpoint stays one row (with its old counts), not a second never-called orphan
    expect(result.orphans.some((o) => o.path === '/users/{id}' && o.method === 'GET')).toBe(false);
  });

  it('should not call a deprecated operation a zombie once its traffic is older than the window', () => {
    const result = specFlags(
      [{ method: 'DELETE', path: '/users/{userId}', calls: 5, lastSeen: now - 40 * DAY }],
      latest,
      earlier,
      now - 30 * DAY,
    );
    expect(result.verdicts.get('DELETE /users/{userId}')?.flags).toEqual(['orphan']);
  });
});

describe(`${specFlags.name} with removed literals and other versions`, () => {
  it('should call a path an earlier version documented literally removed, not covered by a parameter', () => {
    const latest = [op('GET', '/media/{id}')];
    const earlier = [[op('GET', '/media/{id}'), op('GET', '/media/search')]];
    const result = specFlags(
      [
        { method: 'GET', path: '/media/search', calls: 3, lastSeen: now },
        { method: 'GET', path: '/media/{mediaId}', calls: 3, lastSeen: now },
      ],
      latest,
      earlier,
    );
    expect(result.verdicts.get('GET /media/search')).toMatchObject({
      flags: ['zombie'],
      removed: { path: '/media/search' },
    });
    expect(result.verdicts.get('GET /media/{mediaId}')).toMatchObject({
      flags: [],
      operation: { path: '/media/{id}' },
    });
  });

  it.each([
    [
      'a newer version of a documented resource',
      '/v2/project/acme/api/123',
      '/v2/project/{username}/{project}/{num}',
    ],
    ['the documented version itself', '/v1/project/acme/api/123', undefined],
    ['a path of another shape', '/v2/project/acme', undefined],
    ['a path without a version', '/project/acme/api/123', undefined],
  ])('should give %s the documented shape', (_name, path, expected) => {
    expect(versionSiblingTemplate([op('GET', '/v1/project/{username}/{project}/{num}')], 'GET', path)).toBe(
      expected,
    );
  });

  it('should find version zombies whatever the parameters are called', () => {
    const zombies = versionZombies([
      { method: 'GET', path: '/v1/albums/{id}', lastSeen: now },
      { method: 'GET', path: '/v2/albums/{albumId}', lastSeen: now },
    ]);
    expect([...zombies]).toEqual(['GET /v1/albums/{id}']);
  });
});
