import { type ApiCall } from '@apiscope/contracts';

/**
 * Turns an OpenAPI 2.0 document into ApiCall events, as a sensor would have seen them, to measure
 * path templating against the spec's own templates. Values follow what real traffic carries for a
 * parameter of that name and type (usernames, slugs, 24-hex ids, UUIDs, SHAs, emails, dates, enums):
 * each parameter draws from a pool large enough to be learnable; calls per operation vary from 1 to
 * ~100 (a fifth of operations get 1–3 calls). Deterministic for a given seed.
 */

export interface SpecParameter {
  name: string;
  in: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  required?: boolean;
}

export interface SpecOperation {
  method: string;
  /** basePath + path, as in the spec: the truth the templater is scored against */
  template: string;
  pathParameters: SpecParameter[];
  queryParameters: SpecParameter[];
}

export interface SpecDocument {
  host?: string;
  basePath?: string;
  paths: Record<string, Record<string, unknown>>;
  parameters?: Record<string, SpecParameter>;
}

export interface GeneratedCall {
  call: ApiCall;
  operation: SpecOperation;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

export function operationsOf(spec: SpecDocument): SpecOperation[] {
  const base = !spec.basePath || spec.basePath === '/' ? '' : spec.basePath.replace(/\/$/, '');
  const deref = (p: unknown): SpecParameter | undefined => {
    if (typeof p !== 'object' || p === null) return undefined;
    const ref = (p as { $ref?: string }).$ref;
    if (ref) return spec.parameters?.[ref.split('/').pop() ?? ''];
    return p as SpecParameter;
  };
  const out: SpecOperation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    const common = ((item['parameters'] as unknown[]) ?? []).map(deref).filter((p) => p !== undefined);
    for (const method of METHODS) {
      const op = item[method] as { parameters?: unknown[] } | undefined;
      if (!op) continue;
      const params = [...common, ...(op.parameters ?? []).map(deref).filter((p) => p !== undefined)];
      out.push({
        method: method.toUpperCase(),
        template: `${base}${path}`,
        pathParameters: params.filter((p) => p.in === 'path'),
        queryParameters: params.filter((p) => p.in === 'query'),
      });
    }
  }
  return out;
}

/** mulberry32: small, seeded, good enough for traffic shapes. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'anna',
  'bjorn',
  'chen',
  'diego',
  'emeka',
  'fatima',
  'giulia',
  'hiro',
  'ivan',
  'jana',
  'kofi',
  'lena',
  'mateo',
  'nadia',
  'omar',
  'priya',
  'quinn',
  'rafael',
  'sofia',
  'tomas',
  'ulla',
  'vikram',
  'wei',
  'ximena',
  'yusuf',
  'zoe',
];
const LAST = [
  'novak',
  'okafor',
  'schmidt',
  'tanaka',
  'kowalski',
  'haddad',
  'lindqvist',
  'moreau',
  'petrov',
  'santos',
  'nguyen',
  'rossi',
  'fischer',
  'ivanova',
  'kumar',
  'mendez',
];
const HANDLES = [
  'torvalds',
  'octocat',
  'gaearon',
  'sindresorhus',
  'defunkt',
  'mojombo',
  'tj',
  'yyx990803',
  'addyosmani',
  'kentcdodds',
  'mitchellh',
  'fabpot',
  'taylorotwell',
  'dhh',
  'jashkenas',
  'substack',
];
const WORDS = [
  'atlas',
  'beacon',
  'cobalt',
  'delta',
  'ember',
  'falcon',
  'granite',
  'harbor',
  'iris',
  'juniper',
  'kestrel',
  'lumen',
  'meadow',
  'nimbus',
  'orbit',
  'pioneer',
  'quartz',
  'raven',
  'sierra',
  'tundra',
  'umbra',
  'vertex',
  'willow',
  'zephyr',
];
const TOPICS = [
  'api',
  'web',
  'mobile',
  'data',
  'infra',
  'docs',
  'core',
  'billing',
  'search',
  'auth',
  'ui',
  'ml',
  'ops',
  'sdk',
  'cli',
];
const FIELDS = [
  'name',
  'desc',
  'closed',
  'url',
  'shortUrl',
  'idOrganization',
  'pinned',
  'starred',
  'dateLastActivity',
  'labelNames',
  'prefs',
  'subscribed',
  'pos',
  'due',
  'idBoard',
  'idList',
  'fullName',
  'initials',
  'email',
  'avatarHash',
];
const FILTERS = [
  'all',
  'open',
  'closed',
  'visible',
  'members',
  'organization',
  'public',
  'private',
  'starred',
  'pinned',
  'unpinned',
  'none',
  'normal',
  'admins',
  'owners',
];
const TAGS = [
  'javascript',
  'python',
  'java',
  'c#',
  'php',
  'android',
  'html',
  'jquery',
  'c++',
  'css',
  'ios',
  'mysql',
  'sql',
  'node.js',
  'reactjs',
  'arrays',
  'django',
  'ruby-on-rails',
  'swift',
  'typescript',
  'go',
  'rust',
  'kotlin',
];

const LOREM = [
  'lorem',
  'ipsum',
  'dolor',
  'amet',
  'consectetur',
  'adipiscing',
  'elit',
  'sed',
  'eiusmod',
  'tempor',
  'incididunt',
  'labore',
  'dolore',
  'magna',
  'aliqua',
  'enim',
  'minim',
  'veniam',
  'quis',
  'nostrud',
  'exercitation',
  'ullamco',
  'laboris',
  'nisi',
  'aliquip',
  'commodo',
  'consequat',
  'duis',
  'aute',
  'irure',
  'voluptate',
  'velit',
  'esse',
  'cillum',
  'fugiat',
  'nulla',
  'pariatur',
  'excepteur',
  'sint',
  'occaecat',
  'cupidatat',
  'proident',
  'sunt',
  'culpa',
  'officia',
  'deserunt',
  'mollit',
  'anim',
  'laborum',
];

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const hex = (rnd: () => number, n: number) =>
  Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rnd() * 16)]).join('');
const alnum = (rnd: () => number, n: number, set = 'abcdefghijklmnopqrstuvwxyz0123456789') =>
  Array.from({ length: n }, () => set[Math.floor(rnd() * set.length)]).join('');

function handle(rnd: () => number): string {
  const r = rnd();
  if (r < 0.3) return pick(rnd, HANDLES);
  if (r < 0.55) return `${pick(rnd, FIRST)}${pick(rnd, LAST)}`;
  if (r < 0.75) return `${pick(rnd, FIRST)}-${pick(rnd, LAST)}`;
  if (r < 0.9) return `${pick(rnd, FIRST).charAt(0)}${pick(rnd, LAST)}${Math.floor(rnd() * 100)}`;
  return `${pick(rnd, FIRST)}_${pick(rnd, LAST)}`;
}

function slug(rnd: () => number): string {
  const r = rnd();
  if (r < 0.4) return `${pick(rnd, WORDS)}-${pick(rnd, TOPICS)}`;
  if (r < 0.6)
    return `${pick(rnd, TOPICS)}-${pick(rnd, WORDS)}-${pick(rnd, ['service', 'app', 'lib', 'tools', 'v2'])}`;
  if (r < 0.8) return pick(rnd, WORDS) + pick(rnd, ['', 'js', 'db', 'kit', 'hub']);
  return `${pick(rnd, WORDS)}_${pick(rnd, TOPICS)}`;
}

const uuid = (rnd: () => number) =>
  `${hex(rnd, 8)}-${hex(rnd, 4)}-4${hex(rnd, 3)}-a${hex(rnd, 3)}-${hex(rnd, 12)}`;
const isoDate = (rnd: () => number) =>
  new Date(Date.UTC(2015, 0, 1) + Math.floor(rnd() * 3000) * 86_400_000).toISOString().slice(0, 10);

/** One value for a parameter, from its name, type and format. */
export function valueFor(p: SpecParameter, rnd: () => number): string {
  const name = p.name.toLowerCase();
  if (Array.isArray(p.enum) && p.enum.length > 0) return String(pick(rnd, p.enum));
  if (p.type === 'integer' || p.type === 'number') return String(1 + Math.floor(rnd() * 99_999));
  if (p.format === 'uuid' || /uuid|guid/.test(name)) return rnd() < 0.5 ? uuid(rnd) : `{${uuid(rnd)}}`;
  if (p.format === 'date' || /(^|_)date$/.test(name)) return isoDate(rnd);
  if (/email/.test(name))
    return `${pick(rnd, FIRST)}.${pick(rnd, LAST)}@${pick(rnd, ['example.com', 'mail.test', 'corp.io'])}`;
  if (/(^|_)ip(_address)?$/.test(name))
    return `${10 + Math.floor(rnd() * 200)}.${Math.floor(rnd() * 255)}.${Math.floor(rnd() * 255)}.${1 + Math.floor(rnd() * 254)}`;
  if (/^(sha|node|revision|commit|hash)$/.test(name)) return hex(rnd, rnd() < 0.5 ? 40 : 12);
  if (/fingerprint/.test(name)) return Array.from({ length: 16 }, () => hex(rnd, 2)).join(':');
  if (/^ids$/.test(name))
    return Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => 1 + Math.floor(rnd() * 9e6)).join(';');
  if (/^tags?$/.test(name))
    return Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => pick(rnd, TAGS)).join(';');
  if (/^(id[a-z]+|idboard|idcard)$/.test(name) || /^id[A-Z]/.test(p.name)) return hex(rnd, 24);
  if (
    /(^|_|-)(user|username|owner|login|member|teammate|subuser)(_?name)?$/.test(name) ||
    /username/.test(name)
  )
    return handle(rnd);
  if (/token|key$|secret/.test(name))
    return alnum(rnd, 32, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
  if (/^(field)$/.test(name)) return pick(rnd, FIELDS);
  if (/^(filter)$/.test(name)) return pick(rnd, FILTERS);
  if (/^pid$/.test(name))
    return `${pick(rnd, ['b', 'p', 'm'])}0${alnum(rnd, 6, 'bcdfghjklmnpqrstvwxyz0123456789')}`;
  if (/(^|_|-)id$/.test(name) || /_id$/.test(name) || /^id$/.test(name))
    return rnd() < 0.5 ? String(1 + Math.floor(rnd() * 99_999)) : alnum(rnd, 10);
  if (/shortcode/.test(name))
    return alnum(rnd, 11, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-');
  if (/spec/.test(name)) return `${hex(rnd, 12)}..${hex(rnd, 12)}`;
  if (/path|filename/.test(name))
    return `${pick(rnd, WORDS)}-${Math.floor(rnd() * 100)}.${pick(rnd, ['png', 'pdf', 'txt', 'zip'])}`;
  if (/letter/.test(name)) return 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rnd() * 26)];
  if (/version|ver$/.test(name))
    return `${1 + Math.floor(rnd() * 9)}.${Math.floor(rnd() * 20)}.${Math.floor(rnd() * 10)}`;
  return slug(rnd);
}

/** A faker-style value: lorem words, sometimes joined into a slug, sometimes with a number. */
function genericValue(p: SpecParameter, rnd: () => number): string {
  if (Array.isArray(p.enum) && p.enum.length > 0) return String(pick(rnd, p.enum));
  if (p.type === 'integer' || p.type === 'number') return String(1 + Math.floor(rnd() * 99_999));
  const r = rnd();
  if (r < 0.5) return pick(rnd, LOREM);
  if (r < 0.8) return `${pick(rnd, LOREM)}-${pick(rnd, LOREM)}`;
  return `${pick(rnd, LOREM)}${Math.floor(rnd() * 1000)}`;
}

/** How many distinct values a parameter takes in this traffic (its pool), from its kind. */
function poolSize(p: SpecParameter, rnd: () => number): number {
  if (Array.isArray(p.enum)) return p.enum.length;
  return 12 + Math.floor(rnd() * 60);
}

export interface GenerateOptions {
  seed?: number;
  /**
   * `realistic` (default): values follow the parameter's name and type; `generic`: every string
   * parameter draws lorem-ipsum words and slugs (what a faker-based generator produces), to check
   * the templater does not depend on this generator's choices.
   */
  values?: 'realistic' | 'generic';
  /** multiplies every operation's call count */
  scale?: number;
}

/** Calls for every operation of the spec, shuffled as traffic would interleave them. */
export function generateTraffic(spec: SpecDocument, options: GenerateOptions = {}): GeneratedCall[] {
  const rnd = seededRandom(options.seed ?? 42);
  const host = spec.host ?? 'api.example.com';
  const pools = new Map<string, string[]>();
  const poolOf = (p: SpecParameter): string[] => {
    const key = `${p.name}|${p.type ?? ''}|${p.format ?? ''}|${(p.enum ?? []).join(',')}`;
    let pool = pools.get(key);
    if (!pool) {
      const size = poolSize(p, rnd);
      const make = options.values === 'generic' ? genericValue : valueFor;
      pool = Array.from({ length: size * 3 }, () => make(p, rnd));
      pool = [...new Set(pool)].slice(0, size);
      pools.set(key, pool);
    }
    return pool;
  };
  const out: GeneratedCall[] = [];
  let n = 0;
  for (const operation of operationsOf(spec)) {
    const r = rnd();
    const base =
      r < 0.2
        ? 1 + Math.floor(rnd() * 3)
        : r < 0.7
          ? 5 + Math.floor(rnd() * 25)
          : 30 + Math.floor(rnd() * 90);
    const calls = Math.max(1, Math.round(base * (options.scale ?? 1)));
    for (let i = 0; i < calls; i++) {
      const path = operation.template.replace(/\{([^}]+)\}/g, (_m, raw: string) => {
        const [name, constraint] = raw.split(':');
        const declared = operation.pathParameters.find((p) => p.name === name) ?? {
          name,
          in: 'path',
          type: 'string',
        };
        // `{api_ver:\d+}` (Pyramid/Kinto routes): the server accepts digits only, so traffic has digits
        const param = constraint === '\\d+' ? { ...declared, type: 'integer' } : declared;
        return encodeURIComponent(pick(rnd, poolOf(param)))
          .replace(/%3B/gi, ';')
          .replace(/%40/g, '@');
      });
      const query: Array<[string, string]> = operation.queryParameters
        .filter((q) => q.required || rnd() < 0.3)
        .slice(0, 4)
        .map((q) => [q.name, q.type === 'integer' ? String(Math.floor(rnd() * 100)) : pick(rnd, WORDS)]);
      const target = query.length > 0 ? `${path}?${query.map(([k, v]) => `${k}=${v}`).join('&')}` : path;
      n += 1;
      out.push({
        operation,
        call: {
          v: 1,
          id: `gen-${n}`,
          ts: Date.UTC(2026, 0, 1) + n * 1000,
          sensor: { id: 'spec-traffic', kind: 'test' },
          src: { ip: `10.0.${n % 250}.${1 + (n % 200)}`, port: 40_000 + (n % 20_000) },
          dst: { ip: '10.1.0.9', port: 443 },
          request: {
            method: operation.method,
            scheme: 'https',
            host,
            target,
            path,
            query,
            headers: [
              ['host', host],
              ['authorization', 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2lkcC5leGFtcGxlIn0.c2ln'],
            ],
          },
          response: { status: 200, headers: [['content-type', 'application/json']] },
          durationMs: 5 + (n % 50),
        },
      });
    }
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
