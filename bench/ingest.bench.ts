/**
 * Embedded-mode figures of the foundation:
 *  1. `apiscope up` (a child process, as users start it): time to the first healthy /healthz;
 *  2. ingest throughput through POST /api/v1/ingest into embedded ClickHouse (HTTP + JSON +
 *     validation + enrichment + two inserts), against
 *  3. the same pipeline use case fed directly (no HTTP): the cost of the HTTP edge.
 * Usage: npm run bench ingest   (BENCH_CALLS=200000 BENCH_BATCH=1000 BENCH_CONCURRENCY=4 to change)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type ApiCall } from '@apiscope/contracts';

const CALLS = Number(process.env['BENCH_CALLS'] ?? 200_000);
const BATCH = Number(process.env['BENCH_BATCH'] ?? 1000);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 4);
const KEY = 'bench-key-0123456789abcdef';
const ROOT = join(__dirname, '..');

const paths = [
  '/v1/users/{n}',
  '/v1/orders/{n}/items',
  '/v1/products',
  '/v1/products/{n}',
  '/v2/carts/{n}',
  '/internal/health',
];

/** Realistic calls: 6 templates x integer ids, headers as browsers send them, a small JSON body. */
function makeCall(i: number): ApiCall {
  const path = paths[i % paths.length].replace('{n}', String(1000 + (i % 977)));
  const body = JSON.stringify({ id: i, name: 'Ada Lovelace', items: [{ sku: 'A-1', qty: 2 }] });
  return {
    v: 1,
    id: `bench-${i}`,
    ts: Date.UTC(2026, 10, 1) + i,
    sensor: { id: 'bench', kind: 'pcap' },
    src: { ip: `10.0.${(i >> 8) & 255}.${i & 255}`, port: 40000 + (i % 20000) },
    dst: { ip: '10.1.0.9', port: 8080 },
    request: {
      method: i % 7 === 0 ? 'POST' : 'GET',
      scheme: 'http',
      host: `svc-${i % 5}.internal`,
      target: `${path}?page=2`,
      path,
      query: [['page', '2']],
      headers: [
        ['host', `svc-${i % 5}.internal`],
        ['user-agent', 'okhttp/4.12.0'],
        ['accept', 'application/json'],
        ['authorization', i % 3 === 0 ? 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln' : 'Basic dTpw'],
      ],
    },
    response: {
      status: i % 50 === 0 ? 404 : 200,
      headers: [
        ['content-type', 'application/json'],
        ['content-length', String(body.length)],
      ],
      body: {
        contentType: 'application/json',
        size: body.length,
        truncated: false,
        encoding: 'utf8',
        data: body,
      },
    },
    durationMs: 3 + (i % 40),
  };
}

async function waitHealthy(url: string, deadlineMs: number): Promise<void> {
  for (;;) {
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadlineMs) throw new Error('apiscope up did not become healthy');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function benchUp(dataDir: string, port: number): Promise<{ ms: number; stop: () => Promise<void> }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [join(ROOT, 'apps/cli/bin/apiscope.js'), 'up', '--data', dataDir, '--port', String(port)],
    {
      env: { ...process.env, APISCOPE_API_KEY: KEY },
      stdio: 'ignore',
    },
  );
  await waitHealthy(`http://127.0.0.1:${port}`, Date.now() + 60_000);
  const ms = performance.now() - started;
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { ms, stop };
}

async function benchHttpIngest(url: string): Promise<number> {
  const bodies: string[] = [];
  for (let start = 0; start < CALLS; start += BATCH) {
    const calls: ApiCall[] = [];
    for (let i = start; i < Math.min(CALLS, start + BATCH); i++) calls.push(makeCall(i));
    bodies.push(JSON.stringify({ calls }));
  }
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const res = await fetch(`${url}/api/v1/ingest`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
        body,
      });
      if (!res.ok) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
      const outcome = (await res.json()) as { accepted: number };
      if (outcome.accepted !== BATCH && next < bodies.length)
        throw new Error(`batch partly refused: ${JSON.stringify(outcome)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return CALLS / ((performance.now() - started) / 1000);
}

async function benchDirect(dataDir: string): Promise<number> {
  // Loaded here so that chdb opens in this process only for this phase.
  const { NestFactory } = await import('@nestjs/core');
  const { EmbeddedAppModule } = await import('@apiscope/cli');
  const { ProcessCallsUseCase } = await import('@apiscope/pipeline');
  const app = await NestFactory.createApplicationContext(
    EmbeddedAppModule.forRoot({ dataDir, database: 'apiscope' }, { apiKey: KEY }),
    { logger: false },
  );
  await app.init();
  const useCase = app.get(ProcessCallsUseCase);
  const direct = 20_000;
  const started = performance.now();
  for (let start = 0; start < CALLS; start += direct) {
    const events = [];
    for (let i = start; i < Math.min(CALLS, start + direct); i++)
      events.push({ payload: makeCall(i), source: 'bench' });
    await useCase.execute(events);
  }
  const rate = CALLS / ((performance.now() - started) / 1000);
  await app.close();
  return rate;
}

async function main(): Promise<void> {
  const dirs = [
    mkdtempSync(join(tmpdir(), 'apiscope-bench-')),
    mkdtempSync(join(tmpdir(), 'apiscope-bench-')),
  ];
  try {
    const port = 18000 + (process.pid % 1000);
    const up = await benchUp(dirs[0], port);
    console.log(
      `apiscope up -> first healthy /healthz: ${up.ms.toFixed(0)} ms (cold process, empty data dir)`,
    );
    const httpRate = await benchHttpIngest(`http://127.0.0.1:${port}`);
    await up.stop();
    console.log(
      `POST /api/v1/ingest: ${CALLS} calls, batches of ${BATCH}, ${CONCURRENCY} concurrent clients: ${httpRate.toFixed(0)} calls/s`,
    );
    const directRate = await benchDirect(dirs[1]);
    console.log(
      `pipeline use case fed directly (batches of 20000, no HTTP): ${directRate.toFixed(0)} calls/s`,
    );
    console.log(
      `comparison: the HTTP edge (JSON encode/parse, auth, envelope validation) costs ${(100 * (1 - httpRate / directRate)).toFixed(0)}% of direct throughput`,
    );
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
