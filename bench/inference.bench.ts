/**
 * Inference speed, one core:
 *  1. the templater alone: observe + resolve per call, on traffic generated from all corpus specs;
 *  2. the whole per-call inference the pipeline runs (templater, auth with JWT facts, profile:
 *     parameters every call, JSON bodies on a sample), against
 *  3. schema inference alone on every body (what sampling saves);
 *  4. `apiscope analyze --har` end to end (a child process, as users run it) on a large generated HAR,
 *     with the F1 of its inventory against the spec that generated the traffic.
 * Usage: npm run bench inference   (BENCH_CALLS=300000 BENCH_HAR_CALLS=100000 to change sizes)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type ApiCall } from '@apiscope/contracts';
import {
  EndpointProfile,
  PathTemplater,
  detectCallAuth,
  emptyStats,
  observeValue,
  serviceNameOf,
} from '@apiscope/inference';

import { CORPUS_DIR } from '../test/support/corpus';
import {
  type GeneratedCall,
  generateTraffic,
  type SpecDocument,
} from '../test/support/spec-traffic.generator';
import { normaliseTemplate } from '../test/support/template-score.util';

const CALLS = Number(process.env['BENCH_CALLS'] ?? 300_000);
const HAR_CALLS = Number(process.env['BENCH_HAR_CALLS'] ?? 100_000);
const ROOT = join(__dirname, '..');

function responseBody(i: number): string {
  return JSON.stringify({
    id: 1000 + i,
    name: `item ${i}`,
    email: `user${i % 97}@example.com`,
    created_at: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    status: ['active', 'pending', 'closed'][i % 3],
    tags: [{ key: 'team', value: 'core' }],
    owner: { id: i % 50, login: `dev${i % 50}`, site_admin: false },
  });
}

function withBodies(g: GeneratedCall, i: number): ApiCall {
  const data = responseBody(i);
  return {
    ...g.call,
    response: {
      status: 200,
      headers: [['content-type', 'application/json']],
      body: { contentType: 'application/json', size: data.length, truncated: false, encoding: 'utf8', data },
    },
  };
}

function traffic(total: number): GeneratedCall[] {
  const dir = join(CORPUS_DIR, 'specs');
  const specs = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as SpecDocument);
  const base = specs.flatMap((spec, i) => generateTraffic(spec, { seed: i + 1 }));
  const out: GeneratedCall[] = [];
  for (let i = 0; out.length < total; i++) out.push(base[i % base.length]);
  return out;
}

function rate(n: number, ms: number): string {
  return `${Math.round(n / (ms / 1000)).toLocaleString('en-US')} calls/s`;
}

function timed(label: string, n: number, fn: () => void): void {
  const started = performance.now();
  fn();
  const ms = performance.now() - started;
  process.stdout.write(
    `${label.padEnd(58)} ${rate(n, ms).padStart(18)}  (${n.toLocaleString('en-US')} calls, ${(ms / 1000).toFixed(2)} s)\n`,
  );
}

const generated = traffic(CALLS);
const calls = generated.map(withBodies);
process.stdout.write(
  `traffic: ${calls.length.toLocaleString('en-US')} calls from the 13 corpus specs, 1 core\n\n`,
);

timed('1. templater: observe + resolve', calls.length, () => {
  const templaters = new Map<string, PathTemplater>();
  for (const c of calls) {
    const service = c.request.host ?? '';
    let t = templaters.get(service);
    if (!t) templaters.set(service, (t = new PathTemplater()));
    t.observe(c.request.method, c.request.path);
    t.resolve(c.request.path, c.request.method);
  }
});

timed('2. all per-call inference (bodies sampled per endpoint)', calls.length, () => {
  const templaters = new Map<string, PathTemplater>();
  const profiles = new Map<string, EndpointProfile>();
  for (const c of calls) {
    const service = serviceNameOf(c);
    let t = templaters.get(service);
    if (!t) templaters.set(service, (t = new PathTemplater()));
    t.observe(c.request.method, c.request.path);
    const { template } = t.resolve(c.request.path, c.request.method);
    const key = `${service} ${c.request.method} ${template}`;
    let p = profiles.get(key);
    if (!p) profiles.set(key, (p = EndpointProfile.empty()));
    p.observe(c, detectCallAuth(c.request), []);
  }
});

timed('3. schema inference on every body (no sampling)', calls.length, () => {
  const stats = emptyStats();
  for (const c of calls) observeValue(stats, JSON.parse(c.response?.body?.data ?? 'null'));
});

// 4. analyze end to end on a HAR generated from the largest spec
const specFile = join(CORPUS_DIR, 'specs', 'sendgrid.com__3.0.json');
const spec = JSON.parse(readFileSync(specFile, 'utf8')) as SpecDocument;
const base = generateTraffic(spec, { seed: 7 });
const harCalls: GeneratedCall[] = [];
for (let i = 0; harCalls.length < HAR_CALLS; i++) harCalls.push(base[i % base.length]);
const entries = harCalls.map((g, i) => ({
  startedDateTime: new Date(g.call.ts + i).toISOString(),
  time: 12,
  request: {
    method: g.call.request.method,
    url: `https://${g.call.request.host}${g.call.request.target}`,
    httpVersion: 'HTTP/1.1',
    headers: g.call.request.headers.map(([name, value]) => ({ name, value })),
    queryString: g.call.request.query.map(([name, value]) => ({ name, value })),
    cookies: [],
    headersSize: -1,
    bodySize: 0,
  },
  response: {
    status: 200,
    statusText: 'OK',
    httpVersion: 'HTTP/1.1',
    headers: [{ name: 'content-type', value: 'application/json' }],
    cookies: [],
    content: { size: 0, mimeType: 'application/json', text: responseBody(i) },
    redirectURL: '',
    headersSize: -1,
    bodySize: -1,
  },
  cache: {},
  timings: { send: 0, wait: 12, receive: 0 },
}));
const dir = mkdtempSync(join(tmpdir(), 'apiscope-bench-'));
const har = join(dir, 'large.har');
writeFileSync(
  har,
  JSON.stringify({ log: { version: '1.2', creator: { name: 'bench', version: '1' }, entries } }),
);
const started = performance.now();
const run = spawnSync(
  process.execPath,
  [join(ROOT, 'apps', 'cli', 'bin', 'apiscope.js'), 'analyze', '--har', har],
  {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  },
);
const ms = performance.now() - started;
const sizeMb = (readFileSync(har).length / 1024 / 1024).toFixed(0);
rmSync(dir, { recursive: true, force: true });
if (run.status !== 0) {
  process.stdout.write(`4. analyze failed (exit ${run.status}): ${run.stderr.slice(0, 500)}\n`);
  process.exit(1);
}
const doc = JSON.parse(run.stdout) as {
  services: Array<{ endpoints: Array<{ method: string; path: string; calls: number }> }>;
};
const found = new Set(
  doc.services.flatMap((s) => s.endpoints.map((e) => `${e.method} ${normaliseTemplate(e.path)}`)),
);
const truth = new Set(
  harCalls.map((g) => `${g.operation.method} ${normaliseTemplate(g.operation.template)}`),
);
const hits = [...found].filter((f) => truth.has(f)).length;
const p = hits / found.size;
const r = hits / truth.size;
process.stdout.write(
  `${'4. apiscope analyze --har (end to end, embedded ClickHouse)'.padEnd(58)} ${rate(harCalls.length, ms).padStart(18)}  (${harCalls.length.toLocaleString('en-US')} calls, ${sizeMb} MB HAR, ${(ms / 1000).toFixed(1)} s)\n` +
    `   inventory: ${found.size} endpoints for ${truth.size} spec operations, F1 ${((2 * p * r) / (p + r)).toFixed(3)}\n`,
);
