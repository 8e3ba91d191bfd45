import { type InventoryDocument, type InventoryEndpoint } from '../inventory.type';
import { applyReferenceSpecs, type ServiceSpecIndex } from '../spec/apply-reference-specs.util';
import { parseSpecText } from '../spec/parse-spec-text.util';
import { assessInventory } from './assess-inventory.util';
import { compareFindingOrderKeys, findingOrderKey } from './finding-order.util';

const SPEC = `
openapi: 3.1.0
info: { title: shop, version: '1' }
security: [{ bearer: [] }]
components: { securitySchemes: { bearer: { type: http, scheme: bearer } } }
paths:
  /v1/orders:
    get: { responses: { '200': { description: ok } } }
  /v1/products:
    get: { security: [], responses: { '200': { description: ok } } }
  /v1/returns:
    post: { responses: { '201': { description: ok } } }
`;

const endpoint = (over: Partial<InventoryEndpoint>): InventoryEndpoint => ({
  method: 'GET',
  path: '/v1/orders',
  calls: 40,
  firstSeen: '2026-11-23T10:00:00.000Z',
  lastSeen: '2026-11-23T11:00:00.000Z',
  statusCodes: { '200': 40 },
  latencyMs: null,
  auth: {
    schemes: ['bearer'],
    status: 'authenticated',
    unauthenticatedSuccesses: 0,
    unauthenticatedStatusCodes: {},
  },
  flags: [],
  sensitive: [],
  parameters: [],
  requestBody: null,
  responses: {},
  exposure: { maxClassesPerResponse: 0, rateLimitSignals: 0, plaintextSensitiveCalls: 0 },
  ...over,
});

const open = (n: number) => ({
  schemes: [],
  status: 'unauthenticated' as const,
  unauthenticatedSuccesses: n,
  unauthenticatedStatusCodes: { '200': n },
});

async function specIndex(): Promise<ServiceSpecIndex> {
  const parsed = await parseSpecText(SPEC);
  return new Map([
    ['shop.test', { latest: { ...parsed, service: 'shop.test', version: 1, importedAt: 0 }, earlier: [] }],
  ]);
}

const leak: InventoryDocument = {
  services: [
    {
      name: 'shop.test',
      endpoints: [
        endpoint({ auth: open(12) }),
        endpoint({ path: '/v1/products', auth: open(30) }),
        endpoint({
          path: '/internal/users/{id}',
          auth: open(9),
          calls: 9,
          sensitive: [
            {
              location: 'response.body',
              name: '$.email',
              class: 'email',
              count: 9,
              example: 'j***@e***.com',
            },
            {
              location: 'response.body',
              name: '$.hash',
              class: 'password_hash',
              count: 9,
              example: '$2b$***',
            },
            { location: 'response.body', name: '$.mfa', class: 'otp_secret', count: 9, example: 'JBSW***' },
          ],
          exposure: { maxClassesPerResponse: 3, rateLimitSignals: 0, plaintextSensitiveCalls: 0 },
        }),
      ],
    },
    {
      name: 'auth.test',
      endpoints: [endpoint({ method: 'POST', path: '/login', auth: open(25), calls: 25 })],
    },
  ],
};

describe(assessInventory.name, () => {
  it('should give every endpoint and service a risk, drop the exposure counters and list findings in order', async () => {
    const specs = await specIndex();
    const { document, findings } = assessInventory(applyReferenceSpecs(leak, specs));
    const endpoints = document.services.flatMap((s) => s.endpoints);
    expect(endpoints.every((e) => e.risk !== undefined && e.exposure === undefined)).toBe(true);
    expect(JSON.stringify(document)).not.toContain('"exposure"');
    expect(document.services.every((s) => s.risk !== undefined)).toBe(true);
    const keys = findings.map(findingOrderKey);
    expect(keys).toEqual([...keys].sort(compareFindingOrderKeys));
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    expect(findings.map((f) => [f.severity, f.endpoint.service, f.endpoint.pathTemplate, f.rule])).toEqual([
      ['critical', 'shop.test', '/internal/users/{id}', 'credential-exposure'],
      ['critical', 'shop.test', '/internal/users/{id}', 'credential-exposure'],
      ['critical', 'shop.test', '/internal/users/{id}', 'sensitive-data-unauthenticated'],
      ['high', 'auth.test', '/login', 'missing-rate-limit'],
      ['high', 'shop.test', '/internal/users/{id}', 'excessive-data-exposure'],
      ['high', 'shop.test', '/v1/orders', 'spec-auth-bypassed'],
    ]);
  });

  it('should explain each endpoint risk by exactly its findings, and each service risk by its endpoints', async () => {
    const specs = await specIndex();
    const { document, findings } = assessInventory(applyReferenceSpecs(leak, specs));
    for (const service of document.services)
      for (const e of service.endpoints) {
        const own = findings.filter(
          (f) =>
            f.endpoint.service === service.name &&
            f.endpoint.method === e.method &&
            f.endpoint.pathTemplate === e.path,
        );
        expect([e.path, e.risk!.factors.map((f) => f.source).sort()]).toEqual([
          e.path,
          own.map((f) => f.id).sort(),
        ]);
      }
    const shop = document.services.find((s) => s.name === 'shop.test')!;
    // 40 + 40 + 40 + 20 = 140 points, capped at 100; the service adds a tenth of the 20 of /v1/orders
    expect(shop.endpoints.find((e) => e.path === '/internal/users/{id}')!.risk).toMatchObject({
      score: 100,
      level: 'critical',
      capped: true,
    });
    expect(shop.risk).toMatchObject({ score: 100, level: 'critical' });
    expect(shop.risk!.factors.map((f) => f.points)).toEqual([100, 2]);
    const orphan = shop.endpoints.find((e) => e.path === '/v1/returns')!;
    expect([orphan.flags, orphan.risk]).toEqual([
      ['orphan'],
      { score: 0, level: 'none', factors: [], capped: false },
    ]);
  });

  it.each<[string, boolean, string[]]>([
    ['with the spec: required auth bypassed, public operation quiet', true, ['spec-auth-bypassed']],
    ['without a spec: nothing to compare with', false, []],
  ])('should raise spec-auth-bypassed only from the spec (%s)', async (_name, withSpec, expected) => {
    const specs: ServiceSpecIndex = withSpec ? await specIndex() : new Map();
    const { findings } = assessInventory(applyReferenceSpecs(leak, specs));
    const rules = (path: string) =>
      findings.filter((f) => f.endpoint.pathTemplate === path).map((f) => f.rule);
    expect(rules('/v1/orders')).toEqual(expected);
    expect(rules('/v1/products')).toEqual([]);
  });

  it.each<[string, Partial<InventoryEndpoint>, boolean]>([
    ['counters: no rate-limit signal', {}, true],
    [
      'counters: RateLimit headers seen',
      { exposure: { maxClassesPerResponse: 0, rateLimitSignals: 3, plaintextSensitiveCalls: 0 } },
      false,
    ],
    ['no counters (older profile): no 429 answer either', { exposure: undefined }, true],
    [
      'no counters (older profile): 429 answers seen',
      { exposure: undefined, statusCodes: { '200': 20, '429': 5 } },
      false,
    ],
  ])('should judge rate limiting of a login from %s', (_name, over, missing) => {
    const doc: InventoryDocument = {
      services: [
        { name: 'auth.test', endpoints: [endpoint({ method: 'POST', path: '/login', calls: 25, ...over })] },
      ],
    };
    const { findings } = assessInventory(doc);
    expect(findings.some((f) => f.rule === 'missing-rate-limit')).toBe(missing);
  });

  it('should fold a field listed twice (two endpoints merged by the spec) into one finding', () => {
    const field = {
      location: 'response.body' as const,
      name: '$.hash',
      class: 'password_hash' as const,
      count: 2,
      example: '$2b$***',
    };
    const doc: InventoryDocument = {
      services: [
        { name: 'shop.test', endpoints: [endpoint({ sensitive: [field, { ...field, count: 3 }] })] },
      ],
    };
    const { findings } = assessInventory(doc);
    expect(findings.map((f) => [f.rule, f.evidence[0]?.count])).toEqual([['credential-exposure', 5]]);
  });
});
