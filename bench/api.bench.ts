/**
 * Throughput of the read API (issue 10): GET /api/v1/endpoints with a valid key against
 * `apiscope up` (a child process, as users start it) holding 10,000 endpoints (200 services x 50),
 * measured with autocannon. Compared with /healthz (same HTTP stack, middleware and one trivial
 * ClickHouse query, no auth) and with other list variants, to show where the time goes.
 * The API's rate limits are raised for the run (a single key is held to 3,000 requests/min by default).
 * Usage: npm run bench api   (BENCH_DURATION=10 BENCH_CONNECTIONS=10 to change)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type EndpointStats } from '@apiscope/inventory';
import { ClickHouseStore, EndpointRepository, runMigrations } from '@apiscope/storage';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}) => Promise<AutocannonResult>;
// autocannon ships no types
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

const DURATION = Number(process.env['BENCH_DURATION'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const SERVICES = 200;
const PER_SERVICE = 50;
const DELTAS = 3; // the pipeline writes one delta per endpoint per batch: reads merge several rows
const KEY = 'bench-api-key-0123456789abcdef';
const ROOT = join(__dirname, '..');
const T0 = Date.UTC(2026, 10, 1);

function stats(service: number, endpoint: number, delta: number): EndpointStats {
  const calls = 1 + ((service * 31 + endpoint * 7 + delta) % 500);
  return {
    service: `svc-${String(service).padStart(3, '0')}.internal`,
    method: endpoint % 5 === 0 ? 'POST' : 'GET',
    pathTemplate: `/v1/resource-${endpoint}/{id}/items`,
    calls,
    firstSeen: T0 + delta * 60_000,
    lastSeen: T0 + delta * 60_000 + endpoint * 1000,
    statusCodes: { '200': calls - 1, '404': 1 },
    authSchemes: ['bearer'],
    uncredentialedStatusCodes: {},
    credentialedCalls: calls,
    uncredentialedCalls: 0,
    unauthenticatedSuccesses: 0,
    timedCalls: calls,
    durationMsSum: calls * 12.5,
    durationMsMax: 80,
  };
}

async function seed(dataDir: string): Promise<void> {
  const store = await ClickHouseStore.open({ dataDir, database: 'apiscope' });
  await runMigrations(store);
  const endpoints = new EndpointRepository(store);
  for (let delta = 0; delta < DELTAS; delta++) {
    const rows: EndpointStats[] = [];
    for (let s = 0; s < SERVICES; s++) for (let e = 0; e < PER_SERVICE; e++) rows.push(stats(s, e, delta));
    await endpoints.insertStats(rows, `bench-seed-${delta}`);
  }
  await store.close();
}

async function waitHealthy(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('apiscope up did not become healthy');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function countEndpoints(url: string): Promise<number> {
  let total = 0;
  let cursor: string | null = null;
  do {
    const res = await fetch(`${url}/api/v1/endpoints?limit=500${cursor ? `&cursor=${cursor}` : ''}`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    const page = (await res.json()) as { items: unknown[]; nextCursor: string | null };
    total += page.items.length;
    cursor = page.nextCursor;
  } while (cursor !== null);
  return total;
}

async function run(name: string, url: string, auth: boolean): Promise<AutocannonResult> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    ...(auth && { headers: { authorization: `Bearer ${KEY}` } }),
  });
  console.log(
    `${name.padEnd(44)} ${result.requests.average.toFixed(0).padStart(6)} req/s (${String(result.requests.total).padStart(6)} in all)   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   non-2xx ${result.non2xx}   errors ${result.errors + result.timeouts}`,
  );
  return result;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'apiscope-bench-api-'));
  const port = 19000 + (process.pid % 1000);
  const url = `http://127.0.0.1:${port}`;
  try {
    let started = performance.now();
    await seed(dir);
    console.log(
      `seeded ${SERVICES * PER_SERVICE} endpoints (${SERVICES} services x ${PER_SERVICE}, ${DELTAS} unmerged deltas each) in ${(performance.now() - started).toFixed(0)} ms`,
    );
    started = performance.now();
    const child = spawn(
      process.execPath,
      [join(ROOT, 'apps/cli/bin/apiscope.js'), 'up', '--data', dir, '--port', String(port)],
      {
        env: {
          ...process.env,
          APISCOPE_API_KEY: KEY,
          APISCOPE_RATE_LIMIT_PER_KEY: '100000000',
          APISCOPE_RATE_LIMIT_PER_IP: '100000000',
        },
        stdio: 'ignore',
      },
    );
    try {
      await waitHealthy(url, Date.now() + 60_000);
      console.log(`apiscope up healthy in ${(performance.now() - started).toFixed(0)} ms`);
      const total = await countEndpoints(url);
      if (total !== SERVICES * PER_SERVICE)
        throw new Error(`expected ${SERVICES * PER_SERVICE} endpoints, the API lists ${total}`);
      console.log(
        `the API lists ${total} endpoints; autocannon: ${CONNECTIONS} connections, ${DURATION} s per run\n`,
      );
      const main = await run('GET /api/v1/endpoints (valid key, 100/page)', `${url}/api/v1/endpoints`, true);
      await run('GET /api/v1/endpoints?limit=500', `${url}/api/v1/endpoints?limit=500`, true);
      await run('GET /api/v1/endpoints?sort=-calls', `${url}/api/v1/endpoints?sort=-calls`, true);
      await run(
        'GET /api/v1/endpoints?service=svc-042.internal',
        `${url}/api/v1/endpoints?service=svc-042.internal`,
        true,
      );
      const health = await run('GET /healthz (no key, SELECT 1)', `${url}/healthz`, false);
      console.log(
        `\ncomparison: GET /api/v1/endpoints runs at ${((100 * main.requests.average) / health.requests.average).toFixed(0)}% of /healthz's rate; ` +
          `the rest is the inventory fingerprint query, the page cut from the cached resolved inventory, and serialising 100 endpoints (autocannon's 10 s timeout counts as an error)`,
      );
      if (main.non2xx > 0 || main.errors > 0) throw new Error('the main run had failures');
    } finally {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
