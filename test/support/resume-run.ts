import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from './corpus';
import { comparableInventory } from './distributed-run';
import { canonicalInventory } from './inventory-compare.util';

/** bench/pcap-generate.ts's seeded REST capture (six services, out-of-order and retransmitted segments). */
export function generateCapture(path: string, exchanges: number): void {
  execFileSync(
    process.execPath,
    ['-r', '@swc-node/register', join(REPO_ROOT, 'bench', 'pcap-generate.ts'), path, String(exchanges)],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: join(REPO_ROOT, 'apps', 'cli', 'tsconfig.runtime.json') },
      stdio: 'pipe',
    },
  );
}

/** `apiscope sensor pcap` over `capture` with two workers (so per-shard checkpoints are exercised). */
export function pcapSensorArgs(capture: string, sink: string, ...extra: string[]): string[] {
  return ['sensor', 'pcap', '--file', capture, '--sink', sink, '--workers', '2', '--no-progress', ...extra];
}

/** The pcap sensor's checkpoint in `dataDir` (there is one capture per test), or undefined. */
export function readPcapCheckpoint(
  dataDir: string,
): { batches: number; delivered: number[]; complete: boolean } | undefined {
  const dir = join(dataDir, 'pcap-resume');
  if (!existsSync(dir)) return undefined;
  const file = readdirSync(dir).find((f) => /^[0-9a-f]{16}\.json$/.test(f));
  if (file === undefined) return undefined;
  try {
    return JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      batches: number;
      delivered: number[];
      complete: boolean;
    };
  } catch {
    return undefined; // caught between write and rename of a test's own polling: try again
  }
}

/** Polls `check` every 10 ms until it holds, or fails after `timeoutMs`. */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** `GET /api/v1/inventory` of a running apiscope. */
export async function fetchInventory(url: string, key: string): Promise<unknown> {
  const response = await fetch(`${url}/api/v1/inventory`, { headers: { authorization: `Bearer ${key}` } });
  if (!response.ok) throw new Error(`inventory: HTTP ${response.status}`);
  return response.json();
}

/** An inventory in canonical order without the float noise of summed latencies. */
export function comparable(doc: unknown): unknown {
  return canonicalInventory({ services: comparableInventory(doc) });
}

/**
 * What a sensor's delivery decides, per endpoint: calls, status codes, first and last seen, auth
 * and flags. Learnt body schemas are left out: their enum detection depends on the order in which
 * calls of different connections arrive, which differs between two undisturbed multi-worker runs.
 */
export function countedInventory(doc: unknown): unknown {
  const { services } = doc as {
    services: Array<{ name: string; endpoints: Array<Record<string, unknown>> }>;
  };
  return canonicalInventory({
    services: services.map((s) => ({
      name: s.name,
      endpoints: s.endpoints.map((e) => ({
        method: e['method'],
        path: e['path'],
        calls: e['calls'],
        firstSeen: e['firstSeen'],
        lastSeen: e['lastSeen'],
        statusCodes: e['statusCodes'],
        auth: e['auth'],
        flags: e['flags'],
      })),
    })),
  });
}

/** Calls over every endpoint of an inventory. */
export function totalCalls(doc: unknown): number {
  return (doc as { services: Array<{ endpoints: Array<{ calls: number }> }> }).services
    .flatMap((s) => s.endpoints)
    .reduce((n, e) => n + e.calls, 0);
}

/**
 * A seeded nginx `combined` access log of `lines` requests to one service: a few REST resources
 * with ids, several methods and statuses, one second apart.
 */
export function nginxAccessLog(lines: number): string {
  let seed = 0x5eed;
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const paths = ['/api/users/{}', '/api/orders/{}', '/api/items/{}/reviews', '/api/cart', '/health'];
  const methods = ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'];
  const statuses = [200, 200, 200, 201, 204, 401, 404, 500];
  const out: string[] = [];
  const start = Date.UTC(2026, 10, 24);
  for (let i = 0; i < lines; i++) {
    const path = paths[rand(paths.length)].replace('{}', String(1 + rand(5000)));
    const t = new Date(start + i * 1000);
    const stamp = `${String(t.getUTCDate()).padStart(2, '0')}/Nov/2026:${t.toISOString().slice(11, 19)} +0000`;
    out.push(
      `10.0.${i % 7}.${i % 250} - - [${stamp}] "${methods[rand(methods.length)]} ${path} HTTP/1.1" ` +
        `${statuses[rand(statuses.length)]} ${10 + rand(5000)} "-" "curl/8.0"`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** The log sensor's saved offset of its one file in `dataDir`, or undefined. */
export function readLogOffset(dataDir: string): { line: number; complete?: boolean } | undefined {
  try {
    const doc = JSON.parse(readFileSync(join(dataDir, 'log-offsets.json'), 'utf8')) as {
      generations: Record<string, { line: number; complete?: boolean }>;
    };
    return Object.values(doc.generations)[0];
  } catch {
    return undefined;
  }
}
