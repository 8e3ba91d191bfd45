import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { emptyStats, observeValue, toJsonSchema } from '@apiscope/inference';

import { type InventoryEndpoint, type InventoryParameter } from '../inventory.type';
import { matchSpecOperation } from '../spec/match-spec-operation.util';
import { parseSpecText } from '../spec/parse-spec-text.util';
import { type SpecOperation } from '../spec/reference-spec.type';
import { type DriftItem } from './drift-item.type';
import { serviceDrift } from './service-drift.util';

type Schema = Record<string, unknown>;

const ROOT = resolve(__dirname, '..', '..', '..', '..');
const SPECS = join(process.env['APISCOPE_CORPUS'] ?? resolve(ROOT, '..', 'shared', 'corpus'), 'specs');
const DEMO_SPEC = join(ROOT, 'apps', 'cli', 'demo', 'shop-api.openapi.yaml');

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value the spec schema documents exactly: every declared property, first enum value, first branch. */
function sampleOf(s: unknown, depth = 0): unknown {
  if (!isObject(s) || typeof s['$ref'] === 'string' || depth > 12) return 'text';
  if (Array.isArray(s['enum']) && s['enum'].length > 0) return s['enum'][0];
  if (Array.isArray(s['allOf']))
    return Object.assign({}, ...s['allOf'].map((m) => sampleOf(m, depth + 1)).filter(isObject));
  for (const key of ['oneOf', 'anyOf'])
    if (Array.isArray(s[key]) && s[key].length > 0) return sampleOf(s[key][0], depth + 1);
  const declared = Array.isArray(s['type']) ? s['type'].find((t) => t !== 'null') : s['type'];
  const type = declared ?? (isObject(s['properties']) ? 'object' : undefined);
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(isObject(s['properties']) ? s['properties'] : {}).map(([k, v]) => [
          k,
          sampleOf(v, depth + 1),
        ]),
      );
    case 'array':
      return [sampleOf(s['items'], depth + 1)];
    case 'integer':
      return 7;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return 'text';
  }
}

/** What the profile would infer from these samples (the same inference the pipeline runs). */
function inferred(...values: unknown[]): Schema {
  const stats = emptyStats();
  for (const v of values) observeValue(stats, v);
  return toJsonSchema(stats);
}

const wireValue = (schema: Schema): string =>
  schema['type'] === 'integer'
    ? '5'
    : schema['type'] === 'number'
      ? '2.5'
      : schema['type'] === 'boolean'
        ? 'true'
        : 'abc';

interface Traffic {
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** response bodies by status; default: a conforming body for every documented numeric status */
  responses?: Record<string, unknown>;
  requestBody?: unknown;
  /** per status, edits of the conforming body */
  edit?: (body: unknown) => unknown;
}

/** One observed endpoint as the inventory holds it before specs apply, from traffic to `op`. */
function observed(op: SpecOperation, traffic: Traffic = {}): InventoryEndpoint {
  const conforming = Object.fromEntries(
    Object.entries(op.responses)
      .filter(([status]) => /^\d{3}$/.test(status))
      .map(([status, schema]) => [status, Object.keys(schema).length > 0 ? sampleOf(schema) : undefined]),
  );
  const bodies = traffic.responses ?? conforming;
  const edit = traffic.edit ?? ((b: unknown) => b);
  const query =
    traffic.query ??
    Object.fromEntries(
      op.parameters.filter((p) => p.in === 'query').map((p) => [p.name, wireValue(p.schema)]),
    );
  const parameters: InventoryParameter[] = [
    ...[...op.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({
      name,
      in: 'path' as const,
      required: true,
      schema: inferred(
        wireValue(op.parameters.find((p) => p.name === name)?.schema ?? {}) === '5' ? 5 : 'abc',
      ),
    })),
    ...Object.entries(query).map(([name, v]) => ({
      name,
      in: 'query' as const,
      required: true,
      schema: inferred(
        /^\d+$/.test(v) ? Number(v) : v === 'true' ? true : /^\d+\.\d+$/.test(v) ? Number(v) : v,
      ),
    })),
    ...Object.entries(traffic.headers ?? {}).map(([name, v]) => ({
      name,
      in: 'header' as const,
      required: true,
      schema: inferred(v),
    })),
  ];
  const responses: Record<string, Record<string, unknown>> = {};
  for (const [status, body] of Object.entries(bodies))
    responses[status] =
      body === undefined ? {} : { content: { 'application/json': { schema: inferred(edit(body)) } } };
  const requestBody =
    traffic.requestBody === undefined
      ? null
      : { content: { 'application/json': { schema: inferred(traffic.requestBody) } } };
  return {
    method: op.method,
    path: op.path,
    calls: 10,
    firstSeen: '2026-11-20T09:00:00.000Z',
    lastSeen: '2026-11-20T10:00:00.000Z',
    statusCodes: Object.fromEntries(Object.keys(bodies).map((s) => [s, 5])),
    latencyMs: null,
    auth: {
      schemes: ['bearer'],
      status: 'authenticated',
      unauthenticatedSuccesses: 0,
      unauthenticatedStatusCodes: {},
    },
    flags: [],
    sensitive: [],
    parameters,
    requestBody,
    responses,
  };
}

const specCache = new Map<string, Promise<SpecOperation[]>>();
const operationsOf = (file: string) => {
  const path = file.includes('/') ? file : join(SPECS, file);
  let ops = specCache.get(path);
  if (!ops) {
    ops = parseSpecText(readFileSync(path, 'utf8')).then((s) => s.operations);
    specCache.set(path, ops);
  }
  return ops;
};
const find = (ops: SpecOperation[], method: string, path: string): SpecOperation => {
  const op = ops.find((o) => o.method === method && o.path === path);
  if (!op) throw new Error(`no ${method} ${path} in the spec`);
  return op;
};
const driftOf = (ops: SpecOperation[], e: InventoryEndpoint): DriftItem[] =>
  serviceDrift({ name: 'svc', endpoints: [e] }, ops).endpoints.flatMap((x) => x.drift);
const brief = (items: DriftItem[]) => items.map((d) => [d.kind, d.location, d.name, d.status ?? null]);

const CORPUS = [
  'spotify.com__v1.json',
  'stackexchange.com__2.0.json',
  'bitbucket.org__2.0.json',
  'slack.com__1.0.0.json',
  'trello.com__1.0.json',
  'instagram.com__1.0.0.json',
  'nytimes.com__books_api__3.0.0.json',
];

describe(serviceDrift.name, () => {
  it.each([...CORPUS, DEMO_SPEC])(
    'should find no drift in traffic that matches %s exactly (every operation)',
    async (file) => {
      const ops = await operationsOf(file);
      // an operation another one shadows (`/cards/{filter}` beside `/cards/{idCard}`) is not matched by itself
      const noisy = ops
        .filter((op) => matchSpecOperation(ops, op.method, op.path) === op)
        .map((op) => ({ op, drift: driftOf(ops, observed(op)) }))
        .filter((x) => x.drift.length > 0)
        .map((x) => [`${x.op.method} ${x.op.path}`, brief(x.drift)]);
      expect(noisy).toEqual([]);
    },
  );

  it.each<[string, string, string, Traffic, unknown[][]]>([
    [
      'spotify.com__v1.json',
      'GET',
      '/v1/albums/{id}',
      { query: { market: 'SE', debug: 'true' } },
      [['undocumented-parameter', 'query', 'debug', null]],
    ],
    [
      'stackexchange.com__2.0.json',
      'GET',
      '/2.0/answers',
      { query: { site: 'stackoverflow', pagesize: 'fifty' } },
      [['type-mismatch', 'query', 'pagesize', null]],
    ],
    [
      'spotify.com__v1.json',
      'GET',
      '/v1/albums/{id}',
      { query: { market: 'SE' }, headers: { 'x-trace-tenant': 'acme' } },
      [['undocumented-parameter', 'header', 'x-trace-tenant', null]],
    ],
    [
      'demo',
      'GET',
      '/v1/users/{id}',
      { responses: { '200': undefined, '404': undefined } },
      [['undocumented-status', 'response-body', '404', '404']],
    ],
    [
      'demo',
      'GET',
      '/v1/products',
      {
        edit: (b) => ({ ...(b as Schema), next: 'c2', items: [{ id: 'p-1', name: 'mug', price: 3.5 }] }),
      },
      [
        ['undocumented-field', 'response-body', '$.next', '200'],
        ['type-mismatch', 'response-body', '$.items[*].id', '200'],
      ],
    ],
    ['demo', 'POST', '/v1/orders', { requestBody: { sku: 'mug', quantity: 2 } }, []],
    [
      'demo',
      'GET',
      '/healthz',
      { requestBody: { probe: true } },
      [['undocumented-field', 'request-body', '$', null]],
    ],
  ])(
    'should report what %s %s %s traffic shows beyond the spec',
    async (file, method, path, traffic, expected) => {
      const ops = await operationsOf(file === 'demo' ? DEMO_SPEC : file);
      expect(brief(driftOf(ops, observed(find(ops, method, path), traffic)))).toEqual(expected);
    },
  );

  it('should report documented required fields and parameters no call carried', async () => {
    const ops = await operationsOf('bitbucket.org__2.0.json');
    const withRequired = ops.find(
      (op) =>
        op.method === 'GET' &&
        Array.isArray(op.responses['200']?.['required']) &&
        (op.responses['200']['required'] as unknown[]).length > 0,
    );
    // stackexchange: `site` is a required query parameter on every operation
    const se = await operationsOf('stackexchange.com__2.0.json');
    const answers = find(se, 'GET', '/2.0/answers');
    expect(brief(driftOf(se, observed(answers, { query: {} })))).toEqual([
      ['required-field-never-seen', 'query', 'site', null],
    ]);
    if (withRequired) {
      const required = (withRequired.responses['200']['required'] as string[])[0];
      const drift = driftOf(
        ops,
        observed(withRequired, {
          edit: (b) => Object.fromEntries(Object.entries(b as Schema).filter(([k]) => k !== required)),
        }),
      );
      expect(brief(drift)).toContainEqual([
        'required-field-never-seen',
        'response-body',
        `$.${required}`,
        '200',
      ]);
    }
  });

  it('should judge endpoints the spec does not document as shadows, not drift, and count by kind', async () => {
    const ops = await operationsOf(DEMO_SPEC);
    const shadow = { ...observed(find(ops, 'GET', '/v1/users/me')), path: '/internal/admin/users/{userId}' };
    const drifted = observed(find(ops, 'GET', '/v1/products'), { query: { page: '1', sort: 'price' } });
    const result = serviceDrift({ name: 'svc', endpoints: [shadow, drifted] }, ops);
    expect(result.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual(['GET /v1/products']);
    expect(result.summary).toEqual({
      'undocumented-parameter': 1,
      'undocumented-field': 0,
      'type-mismatch': 0,
      'undocumented-status': 0,
      'required-field-never-seen': 0,
    });
  });
});
