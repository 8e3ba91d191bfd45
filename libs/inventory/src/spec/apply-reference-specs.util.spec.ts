import { type InventoryEndpoint } from '../inventory.type';
import { applyReferenceSpecs, DEFAULT_ORPHAN_WINDOW_MS } from './apply-reference-specs.util';
import { type ReferenceSpec, type SpecOperation } from './reference-spec.type';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 10, 20);

const op = (method: string, path: string, extra: Partial<SpecOperation> = {}): SpecOperation => ({
  method,
  path,
  deprecated: false,
  security: 'required',
  parameters: [],
  requestBody: {},
  responses: {},
  ...extra,
});

const spec = (importedAt: number): ReferenceSpec => ({
  service: 'svc',
  version: 1,
  importedAt,
  title: 't',
  openapiVersion: '3.1.0',
  basePath: '',
  operations: [
    op('GET', '/health', { security: 'public', operationId: 'health' }),
    op('GET', '/users/{id}'),
    op('GET', '/reports', { deprecated: true }),
  ],
});

const seen = (path: string, lastSeen: number): InventoryEndpoint => ({
  method: 'GET',
  path,
  calls: 4,
  firstSeen: new Date(lastSeen - DAY).toISOString(),
  lastSeen: new Date(lastSeen).toISOString(),
  statusCodes: { '200': 4 },
  latencyMs: null,
  auth: {
    schemes: [],
    status: 'unauthenticated',
    unauthenticatedSuccesses: 4,
    unauthenticatedStatusCodes: { '200': 4 },
  },
  flags: ['unauthenticated'],
  sensitive: [],
  parameters: [],
  requestBody: null,
  responses: {},
});

const traffic = [
  seen('/health', NOW),
  seen('/users/{userId}', NOW - 45 * DAY),
  seen('/reports', NOW - 2 * DAY),
];

describe(applyReferenceSpecs.name, () => {
  it.each([
    // window end: the service's newest call; default start: 30 days before, or the import if earlier
    [
      'the default window, spec imported now',
      {},
      NOW,
      ['orphan', 'unauthenticated'],
      ['zombie', 'unauthenticated'],
    ],
    [
      'the default window, spec imported 60 days ago',
      {},
      NOW - 60 * DAY,
      ['unauthenticated'],
      ['zombie', 'unauthenticated'],
    ],
    [
      'a 1-day window',
      { orphanWindowMs: DAY },
      NOW - 60 * DAY,
      ['orphan', 'unauthenticated'],
      ['orphan', 'unauthenticated'],
    ],
    [
      'a 90-day window',
      { orphanWindowMs: 90 * DAY },
      NOW,
      ['unauthenticated'],
      ['zombie', 'unauthenticated'],
    ],
  ])('should apply %s', (_name, options, importedAt, usersFlags, reportsFlags) => {
    const doc = applyReferenceSpecs(
      { services: [{ name: 'svc', endpoints: traffic }] },
      new Map([['svc', { latest: spec(importedAt), earlier: [] }]]),
      options,
    );
    const endpoints = doc.services[0].endpoints;
    const of = (path: string) => endpoints.find((e) => e.path === path);
    expect(of('/users/{id}')).toMatchObject({ calls: 4, flags: usersFlags });
    expect(of('/reports')?.flags).toEqual(reportsFlags);
    expect(of('/health')?.flags).toEqual(['unauthenticated']);
    expect(endpoints).toHaveLength(3);
  });

  it('should note the spec security, operationId and deprecation beside the flags', () => {
    const doc = applyReferenceSpecs(
      { services: [{ name: 'svc', endpoints: [seen('/health', NOW), seen('/internal', NOW)] }] },
      new Map([['svc', { latest: spec(NOW), earlier: [] }]]),
    );
    const notes = Object.fromEntries(doc.services[0].endpoints.map((e) => [e.path, e.spec]));
    expect(notes).toEqual({
      '/health': { security: 'public', operationId: 'health' },
      '/internal': undefined,
      '/reports': { security: 'required', deprecated: true },
      '/users/{id}': { security: 'required' },
    });
    expect(DEFAULT_ORPHAN_WINDOW_MS).toBe(30 * DAY);
  });
});
