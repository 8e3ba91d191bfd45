import { ENGLISH_WORDS } from './english-words.constant';
import { foldFlood } from './flood-fold.util';
import { PathTemplater } from './path-templater.util';

/** A deterministic PRNG (mulberry32), so every run sees the same flood. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** the scan's words, less the real API's own (a scanner's `GET /health` is a call to `/health`) */
const WORDS = [...ENGLISH_WORDS].filter((w) => !['api', 'health', 'users', 'orders'].includes(w));
const BACKUPS = ['.php', '.bak', '.html', '.env', '.old', ''];

/** What a wordlist scanner (dirb, gobuster) sends: 1-3 dictionary words, some with a backup suffix. */
function wordlistPath(rand: () => number, prefix = ''): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const segments = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(WORDS) + pick(BACKUPS));
  return `${prefix}/${segments.join('/')}`;
}

/** What a scanner sends: 1-5 segments of 1-16 random characters, dots and dashes included. */
function randomPath(rand: () => number, prefix = ''): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789-_.';
  const segments = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => {
    let s = '';
    for (let n = 1 + Math.floor(rand() * 16); n > 0; n--) s += alphabet[Math.floor(rand() * alphabet.length)];
    return s;
  });
  return `${prefix}/${segments.join('/')}`;
}

interface Real {
  method: string;
  template: string;
  make: (i: number) => string;
}

const SHOP: Real[] = [
  { method: 'GET', template: '/api/users/{userId}', make: (i) => `/api/users/${1000 + (i % 500)}` },
  { method: 'GET', template: '/api/orders', make: () => '/api/orders' },
  { method: 'POST', template: '/api/orders', make: () => '/api/orders' },
  { method: 'GET', template: '/health', make: () => '/health' },
  { method: 'POST', template: '/api/chat.postMessage', make: () => '/api/chat.postMessage' },
  { method: 'GET', template: '/api/chat.history', make: () => '/api/chat.history' },
];

/**
 * Drives a templater the way the pipeline does (apps/pipeline enrich-calls.util.ts): a batch is
 * learnt, consolidated, then each call is keyed with the template known then; at read time every
 * stored key resolves again under the latest state (libs/inventory resolve-endpoints.util.ts).
 */
function run(calls: Array<{ method: string; path: string }>, batch = 1000) {
  const templater = new PathTemplater();
  const stored = new Map<string, number>();
  let peak = 0;
  for (let start = 0; start < calls.length; start += batch) {
    const slice = calls.slice(start, start + batch);
    for (const c of slice) templater.observe(c.method, c.path);
    templater.consolidate();
    peak = Math.max(peak, templater.size);
    for (const c of slice) {
      const key = `${c.method} ${templater.resolve(c.path, c.method).template}`;
      stored.set(key, (stored.get(key) ?? 0) + 1);
    }
  }
  const endpoints = new Map<string, number>();
  for (const [key, n] of stored) {
    const [method, template] = key.split(' ');
    const now = `${method} ${templater.resolve(template, method).template}`;
    endpoints.set(now, (endpoints.get(now) ?? 0) + n);
  }
  return { templater, endpoints, peak };
}

/** `total` calls: one in `realEvery` from the real API, the rest random paths under `prefix`. */
function attack(
  total: number,
  real: Real[],
  options: { realEvery?: number; prefix?: string; from?: number; warmup?: number; wordlist?: boolean } = {},
) {
  const rand = prng(42);
  const sent = new Map<string, number>();
  let next = 0;
  const calls = Array.from({ length: total }, (_, i) => {
    const isReal =
      i < (options.warmup ?? 0) || (i % (options.realEvery ?? 50) === 0 && i >= (options.from ?? 0));
    if (!isReal) {
      const path = (options.wordlist ? wordlistPath : randomPath)(rand, options.prefix);
      return { method: 'GET', path };
    }
    const r = real[next++ % real.length];
    const key = `${r.method} ${r.template}`;
    sent.set(key, (sent.get(key) ?? 0) + 1);
    return { method: r.method, path: r.make(i) };
  });
  return { calls, sent };
}

describe(foldFlood.name, () => {
  it.each([
    { flood: 'random paths at the root', options: {}, most: 12, nodes: 64 },
    {
      flood: 'random paths under a real prefix (/api/...)',
      options: { prefix: '/api' },
      most: 12,
      nodes: 64,
    },
    { flood: 'random paths before any real call', options: { from: 20_000 }, most: 12, nodes: 64 },
    // every word looks like an operation: the per-node cap of kept siblings is what bounds it; a real
    // word called once in 300 calls, first seen in the middle of such a scan, is not told from it
    { flood: 'a wordlist scan', options: { wordlist: true, warmup: 1000 }, most: 400, nodes: 1000 },
  ])(
    'should fold $flood into few templates and keep the real endpoints exact',
    ({ options, most, nodes }) => {
      const { calls, sent } = attack(40_000, SHOP, options);
      const { templater, endpoints, peak } = run(calls);
      for (const [key, n] of sent) expect([key, endpoints.get(key)]).toEqual([key, n]);
      expect(endpoints.size).toBeLessThanOrEqual(SHOP.length + most);
      expect([...endpoints.values()].reduce((a, b) => a + b, 0)).toBe(calls.length);
      expect(templater.size).toBeLessThan(nodes);
      expect(peak).toBeLessThan(2000);
    },
  );

  it('should not take a large RPC API whose methods were each called once for a flood', () => {
    const nouns = ['chat', 'users', 'conversations', 'files', 'reactions', 'reminders', 'pins', 'stars'];
    const verbs = [
      'list',
      'info',
      'create',
      'delete',
      'update',
      'history',
      'remove',
      'add',
      'search',
      'share',
    ];
    const templater = new PathTemplater();
    for (const noun of nouns) for (const verb of verbs) templater.observe('POST', `/api/${noun}.${verb}`);
    templater.consolidate();
    expect(templater.resolve('/api/reminders.share').template).toBe('/api/reminders.share');
    expect(templater.resolve('/api/stars.history').template).toBe('/api/stars.history');
  });

  it('should keep flood mode through a JSON round trip: unseen random names add no state', () => {
    const { calls } = attack(20_000, SHOP);
    const { templater } = run(calls);
    const copy = PathTemplater.fromJSON(JSON.parse(JSON.stringify(templater.toJSON())));
    const size = copy.size;
    const rand = prng(7);
    for (let i = 0; i < 2000; i++) copy.observe('GET', randomPath(rand));
    expect(copy.size).toBeLessThanOrEqual(size + 8);
    expect(copy.resolve('/zq9-x.k/ab').template).toBe(templater.resolve('/zq9-x.k/ab').template);
    expect(copy.resolve('/api/orders', 'POST').template).toBe('/api/orders');
  });

  it('should leave a real API of values and literal siblings alone (no flood parameter)', () => {
    const templater = new PathTemplater();
    for (let i = 0; i < 300; i++)
      templater.observe('GET', `/users/${['torvalds', 'octocat', 'gaearon'][i % 3]}`);
    for (let i = 0; i < 100; i++) templater.observe('GET', `/users/me`);
    templater.consolidate();
    expect(JSON.stringify(templater.toJSON())).not.toContain('"fl":1');
  });
});
