import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';

import { parseHar } from '@apiscope/logs';
import { useEmbeddedServer } from '../support/embedded-server.fixture';

const DEMO_HAR = join(__dirname, '..', '..', 'apps', 'cli', 'demo', 'demo-shop.har');
const KEY = 'e2e-api-fuzz-admin-key-0123456789';
/** A request that takes longer than this is a hang as far as a client is concerned. */
const HANG_MS = 15_000;

interface Operation {
  method: string;
  path: string;
  query: string[];
}

type Body =
  { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; bytes: Uint8Array; type: string };

interface FuzzRequest {
  method: string;
  path: string;
  query: Array<[string, string]>;
  body: Body;
}

const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '',
    '0',
    '-1',
    '1e309',
    'NaN',
    'null',
    '../..',
    '%00',
    '%zz',
    "' OR 1=1 --",
    'a'.repeat(5000),
    '📦',
    'true',
    '2026-13-45',
  ),
  fc.string({ unit: 'binary', maxLength: 10 }),
);

function requestFor(ops: Operation[]): fc.Arbitrary<FuzzRequest> {
  const body: fc.Arbitrary<Body> = fc.oneof(
    fc.constant({ kind: 'none' as const }),
    fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: 'json' as const, value })),
    fc
      .record({ calls: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }) })
      .map((value) => ({ kind: 'json' as const, value })),
    fc.record({
      kind: fc.constant('raw' as const),
      bytes: fc.uint8Array({ maxLength: 300 }),
      type: fc.constantFrom(
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/yaml',
        '',
      ),
    }),
  );
  const known = fc.constantFrom(...ops).chain((op) =>
    fc.record({
      method: fc.oneof(
        { weight: 4, arbitrary: fc.constant(op.method) },
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
      ),
      path: fc.array(text, { minLength: 4, maxLength: 4 }).map((values) => {
        let i = 0;
        return op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(values[i++ % values.length]));
      }),
      query: fc.array(
        fc.tuple(op.query.length > 0 ? fc.oneof(fc.constantFrom(...op.query), text) : text, text),
        { maxLength: 6 },
      ),
      body,
    }),
  );
  const anyPath = fc.record({
    method: fc.constantFrom('GET', 'POST', 'DELETE'),
    path: fc
      .array(text, { minLength: 1, maxLength: 5 })
      .map((s) => `/api/v1/${s.map(encodeURIComponent).join('/')}`),
    query: fc.array(fc.tuple(text, text), { maxLength: 3 }),
    body,
  });
  return fc.oneof({ weight: 5, arbitrary: known }, { weight: 1, arbitrary: anyPath });
}

/** Every route of the API's own OpenAPI document, with random path values, queries and bodies. */
describe('API route fuzzing (embedded, real HTTP, real ClickHouse)', () => {
  let ops: Operation[];

  const server = useEmbeddedServer('api-fuzz', {
    apiKey: KEY,
    // the fuzzer is one client sending thousands of requests: limits would answer most with 429
    api: { rateLimitPerKey: 10_000_000, rateLimitPerIp: 10_000_000, failedAuthPerIp: 10_000_000 },
  });

  beforeAll(async () => {
    const { calls } = parseHar(readFileSync(DEMO_HAR, 'utf8'), { sensorId: 'api-fuzz' });
    await server.bus.publish(calls.map((payload) => ({ payload, source: 'fuzz' })));
    const doc = (await (
      await fetch(`${server.url}/api/docs/openapi.json`, { headers: { authorization: `Bearer ${KEY}` } })
    ).json()) as {
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
    };
    ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      })),
    );
  });

  it('should know the routes to fuzz from the OpenAPI document', () => {
    expect(ops.length).toBeGreaterThan(15);
    expect(ops.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining(['POST /api/v1/ingest', 'GET /api/v1/inventory']),
    );
  });

  it('should answer random paths, queries and bodies with 2xx/3xx/4xx only, never 5xx, never hang', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requestFor(ops), fc.boolean(), async (req, withKey) => {
        const url = new URL(req.path, server.url);
        for (const [k, v] of req.query) url.searchParams.append(k, v);
        const headers: Record<string, string> = withKey ? { authorization: `Bearer ${KEY}` } : {};
        let body: string | Uint8Array | undefined;
        if (req.body.kind === 'json' && req.method !== 'GET' && req.method !== 'HEAD') {
          headers['content-type'] = 'application/json';
          body = JSON.stringify(req.body.value);
        } else if (req.body.kind === 'raw' && req.method !== 'GET' && req.method !== 'HEAD') {
          if (req.body.type !== '') headers['content-type'] = req.body.type;
          body = req.body.bytes;
        }
        const res = await fetch(url, {
          method: req.method,
          headers,
          body,
          signal: AbortSignal.timeout(HANG_MS),
        });
        const answer = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500)
          throw new Error(
            `${req.method} ${url.pathname}${url.search} -> ${res.status}: ${answer.slice(0, 300)}`,
          );
      }),
      { numRuns: 2000 },
    );
    // the fuzzer reached handlers, not only the authentication and validation layers
    expect(statuses.get(200) ?? 0).toBeGreaterThan(20);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(20);
  });
});
