import { type ApiCall } from '@apiscope/contracts';

import {
  type GeneratedCall,
  generateTraffic,
  seededRandom,
  type SpecDocument,
} from './spec-traffic.generator';
import { normaliseTemplate } from './template-score.util';

/**
 * A labelled set for the spec flags (shadow, zombie, orphan, unauthenticated): traffic generated
 * from a corpus spec (spec-traffic.generator) beside reference specs planted with known truths:
 *  - orphan: operations kept in the spec that get no traffic;
 *  - shadow: operations removed from every spec version but still called, new versions of a
 *    resource the spec does not know (`/v2/...` beside a documented `/v1/...`), invented internal routes;
 *  - zombie: operations marked deprecated in the latest version, operations removed from the latest
 *    version while the first documented them, and the documented `/v1/...` whose `/v2/...` is live;
 *  - unauthenticated: operations answered 2xx to some calls without credentials; tricky negatives
 *    are operations whose credential-less calls get 401, or carry an API key in the query string.
 * Deterministic for a seed. Truth is per `METHOD template` with parameter names ignored.
 */

export const SCORED_FLAGS = ['shadow', 'zombie', 'orphan', 'unauthenticated'] as const;
export type ScoredFlag = (typeof SCORED_FLAGS)[number];

export interface LabelledService {
  file: string;
  service: string;
  /** spec documents in import order: the last one is the reference */
  specVersions: string[];
  calls: ApiCall[];
  /** every endpoint the traffic or the latest spec holds, with the flags it must carry */
  truth: Map<string, Set<ScoredFlag>>;
}

type Role = 'normal' | 'orphan' | 'shadow' | 'removed' | 'deprecated';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const VERSION = /^v(\d+)$/;
export const truthKey = (method: string, template: string) => `${method} ${normaliseTemplate(template)}`;

function withoutCredentials(call: ApiCall, status: number): ApiCall {
  return {
    ...call,
    request: {
      ...call.request,
      headers: call.request.headers.filter(([n]) => n.toLowerCase() !== 'authorization'),
    },
    ...(call.response && { response: { ...call.response, status } }),
  };
}

function withQueryKey(call: ApiCall): ApiCall {
  const query: Array<[string, string]> = [
    ...call.request.query,
    ['api_key', 'k3y0123456789abcdef0123456789abcd'],
  ];
  return {
    ...call,
    request: {
      ...call.request,
      query,
      target: `${call.request.path}?${query.map(([k, v]) => `${k}=${v}`).join('&')}`,
      headers: call.request.headers.filter(([n]) => n.toLowerCase() !== 'authorization'),
    },
  };
}

function rewritePath(call: ApiCall, path: string, id: string): ApiCall {
  const target = call.request.target.replace(call.request.path, path);
  return { ...call, id: `${call.id}-${id}`, request: { ...call.request, path, target } };
}

/** The spec document with some operations left out and others marked deprecated. */
function specVariant(spec: SpecDocument, base: string, drop: Set<string>, deprecate: Set<string>): string {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, item] of Object.entries(spec.paths)) {
    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(item)) {
      const opKey = `${key.toUpperCase()} ${base}${path}`;
      if (!METHODS.includes(key)) kept[key] = value;
      else if (!drop.has(opKey))
        kept[key] = deprecate.has(opKey) ? { ...(value as object), deprecated: true } : value;
    }
    if (Object.keys(kept).some((k) => METHODS.includes(k))) paths[path] = kept;
  }
  return JSON.stringify({ ...spec, paths });
}

export function labelledService(file: string, spec: SpecDocument, seed = 1): LabelledService {
  const rnd = seededRandom(seed * 7919 + file.length);
  const service = spec.host ?? 'api.example.com';
  const base = !spec.basePath || spec.basePath === '/' ? '' : spec.basePath.replace(/\/$/, '');
  const traffic = generateTraffic(spec, { seed, scale: 0.4 });
  const ops = [
    ...new Map(traffic.map((g) => [`${g.operation.method} ${g.operation.template}`, g.operation])).values(),
  ];
  // roles: a fixed share of operations each, chosen at random
  const shuffled = ops
    .map((op) => ({ op, r: rnd() }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.op);
  const role = new Map<string, Role>();
  const share = (n: number) => Math.max(1, Math.round(ops.length * n));
  const quotas: Array<[Role, number]> = [
    ['orphan', share(0.1)],
    ['shadow', share(0.08)],
    ['removed', share(0.06)],
    ['deprecated', share(0.08)],
  ];
  let i = 0;
  for (const [r, n] of quotas)
    for (let k = 0; k < n && i < shuffled.length - 2; k++, i++)
      role.set(`${shuffled[i].method} ${shuffled[i].template}`, r);
  const roleOf = (g: GeneratedCall) => role.get(`${g.operation.method} ${g.operation.template}`) ?? 'normal';
  // credentials: independently of the role, some operations are open, some refuse, some take query keys
  const auth = new Map<string, 'open' | 'refused' | 'query-key'>();
  for (const op of ops) {
    const key = `${op.method} ${op.template}`;
    if (role.get(key) === 'orphan') continue;
    const r = rnd();
    if (r < 0.12) auth.set(key, 'open');
    else if (r < 0.2) auth.set(key, 'refused');
    else if (r < 0.26) auth.set(key, 'query-key');
  }
  const deprecatedInCorpus = new Set<string>();
  for (const [path, item] of Object.entries(spec.paths))
    for (const [method, op] of Object.entries(item))
      if (METHODS.includes(method) && (op as { deprecated?: unknown }).deprecated === true)
        deprecatedInCorpus.add(`${method.toUpperCase()} ${base}${path}`);
  const truth = new Map<string, Set<ScoredFlag>>();
  const flag = (method: string, template: string, f?: ScoredFlag) => {
    const key = truthKey(method, template);
    const set = truth.get(key) ?? new Set<ScoredFlag>();
    if (f) set.add(f);
    truth.set(key, set);
  };
  const calls: ApiCall[] = [];
  const openAnswered = new Set<string>();
  for (const g of traffic) {
    const key = `${g.operation.method} ${g.operation.template}`;
    const r = roleOf(g);
    if (r === 'orphan') continue;
    let call = g.call;
    const a = auth.get(key);
    // a third of an open operation's calls come without credentials; refused ones are answered 401
    if (a === 'open' && calls.length % 3 === 0) {
      call = withoutCredentials(call, 200);
      openAnswered.add(key);
    }
    if (a === 'refused' && calls.length % 3 === 0) call = withoutCredentials(call, 401);
    if (a === 'query-key') call = withQueryKey(call);
    calls.push(call);
  }
  for (const op of ops) {
    const key = `${op.method} ${op.template}`;
    const r = role.get(key) ?? 'normal';
    flag(op.method, op.template);
    if (r === 'orphan') flag(op.method, op.template, 'orphan');
    if (r === 'shadow') flag(op.method, op.template, 'shadow');
    if (r === 'removed' || r === 'deprecated') flag(op.method, op.template, 'zombie');
    // the corpus spec's own deprecations count when the operation is still documented and called
    if (deprecatedInCorpus.has(key) && (r === 'normal' || r === 'deprecated'))
      flag(op.method, op.template, 'zombie');
    if (openAnswered.has(key)) flag(op.method, op.template, 'unauthenticated');
  }
  // a newer version of up to two documented, normally called resources: /vN+1/... is a shadow, /vN/... a zombie
  let versions = 0;
  for (const op of shuffled) {
    if (versions >= 2) break;
    const key = `${op.method} ${op.template}`;
    const segments = op.template.split('/');
    const at = segments.findIndex((s) => VERSION.test(s));
    if (at === -1 || (role.get(key) ?? 'normal') !== 'normal' || auth.has(key)) continue;
    const next = [...segments];
    next[at] = `v${Number(VERSION.exec(segments[at])?.[1]) + 1}`;
    const newer = next.join('/');
    const own = traffic.filter((g) => g.operation === op);
    for (const g of own) {
      const p = g.call.request.path.split('/');
      p[at] = next[at];
      calls.push(rewritePath(g.call, p.join('/'), 'newer'));
    }
    flag(op.method, op.template, 'zombie');
    flag(op.method, newer, 'shadow');
    versions += 1;
  }
  // invented internal routes nobody documented
  for (const [n, [method, template]] of [
    ['GET', `${base}/internal/debug/{traceId}`],
    ['POST', `${base}/internal/cache/flush`],
  ].entries()) {
    for (let k = 0; k < 12; k++) {
      const path = template.replace('{traceId}', String(100_000 + Math.floor(rnd() * 900_000)));
      const sample = traffic[(k * 7 + n) % traffic.length].call;
      calls.push({
        ...sample,
        id: `${sample.id}-internal-${n}-${k}`,
        request: { ...sample.request, method, path, target: path, query: [] },
      });
    }
    flag(method, template, 'shadow');
  }
  const roleKeys = (r: Role) => new Set([...role].filter(([, v]) => v === r).map(([k]) => k));
  const neverDocumented = roleKeys('shadow');
  const first = specVariant(spec, base, neverDocumented, new Set());
  const latest = specVariant(
    spec,
    base,
    new Set([...neverDocumented, ...roleKeys('removed')]),
    roleKeys('deprecated'),
  );
  return { file, service, specVersions: [first, latest], calls, truth };
}

/** Corpus specs the measurement plants flags in: versioned and unversioned, small and large. */
export const SPEC_FLAG_CORPUS = [
  'spotify.com__v1.json',
  'instagram.com__1.0.0.json',
  'circleci.com__v1.json',
  'bbci.co.uk__1.0.json',
  'mozilla.com__kinto__1.17.json',
  'slack.com__1.0.0.json',
  'stackexchange.com__2.0.json',
  'sendgrid.com__3.0.json',
  'bitbucket.org__2.0.json',
];
