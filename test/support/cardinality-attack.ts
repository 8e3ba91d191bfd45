import { request } from 'node:http';

import { type ApiCall } from '@apiscope/contracts';
import { type InProcessBus } from '@apiscope/transport';

import { apiCall } from './api-call.fixture';
import { seededRandom } from './spec-traffic.generator';

export const ATTACKED_SERVICE = 'shop.attacked.example';

/** The service's real API: what the inventory must still report, with exact call counts. */
export const REAL_ENDPOINTS = [
  { method: 'GET', template: '/api/users/{userId}', make: (i: number) => `/api/users/${1000 + (i % 500)}` },
  { method: 'GET', template: '/api/orders', make: () => '/api/orders' },
  { method: 'POST', template: '/api/orders', make: () => '/api/orders' },
] as const;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789-_.';

function word(rand: () => number, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  return s;
}

export interface AttackReport {
  calls: number;
  realCalls: Map<string, number>;
  seconds: number;
  peakRssBytes: number;
  /** RSS when the attack began: a Jest worker carries what earlier test files left behind. */
  startRssBytes: number;
}

/**
 * What a scanner does to one service: random paths (1-5 random segments) with random query
 * parameter names, mixed with the service's real traffic (one real call in `realEvery`), published
 * through the in-process bus as fast as the pipeline takes it. RSS is sampled every 100 ms.
 */
export async function runCardinalityAttack(
  bus: InProcessBus,
  total: number,
  options: {
    chunk?: number;
    realEvery?: number;
    seed?: number;
    /** awaited after every published chunk (a test samples metrics there) */
    onChunk?: (sent: number) => Promise<void>;
  } = {},
): Promise<AttackReport> {
  const chunk = options.chunk ?? 5000;
  const realEvery = options.realEvery ?? 50;
  const rand = seededRandom(options.seed ?? 42); // the attack is the same on every run
  const realCalls = new Map<string, number>();
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const started = Date.now();
  try {
    for (let sent = 0; sent < total; sent += chunk) {
      const calls: ApiCall[] = [];
      for (let i = sent; i < Math.min(total, sent + chunk); i++) {
        if (i % realEvery === 0) {
          const real = REAL_ENDPOINTS[(i / realEvery) % REAL_ENDPOINTS.length];
          const path = real.make(i);
          const key = `${real.method} ${real.template}`;
          realCalls.set(key, (realCalls.get(key) ?? 0) + 1);
          calls.push(apiCall({ method: real.method, host: ATTACKED_SERVICE, path, target: path }));
          continue;
        }
        const segments = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => word(rand, 1, 16));
        const path = `/${segments.join('/')}`;
        const query: Array<[string, string]> = Array.from({ length: Math.floor(rand() * 4) }, () => [
          word(rand, 1, 12),
          word(rand, 0, 8),
        ]);
        const target = query.length > 0 ? `${path}?${query.map(([k, v]) => `${k}=${v}`).join('&')}` : path;
        calls.push(apiCall({ host: ATTACKED_SERVICE, path, target, query }, { status: 404 }));
      }
      await bus.publish(calls.map((payload) => ({ payload, source: 'attack' })));
      peak = Math.max(peak, process.memoryUsage().rss);
      await options.onChunk?.(sent + calls.length);
    }
  } finally {
    clearInterval(sampler);
  }
  return {
    calls: total,
    realCalls,
    seconds: (Date.now() - started) / 1000,
    peakRssBytes: peak,
    startRssBytes: startRss,
  };
}

/** GET with a bearer key, the body parsed as JSON (keeps the attack test free of supertest's buffering). */
export function getJson(url: string, key: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { authorization: `Bearer ${key}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => {
        try {
          resolve(JSON.parse(body) as unknown);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    })
      .on('error', reject)
      .end();
  });
}
