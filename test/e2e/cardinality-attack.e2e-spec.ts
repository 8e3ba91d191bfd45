import {
  ATTACKED_SERVICE,
  REAL_ENDPOINTS,
  getJson,
  runCardinalityAttack,
} from '../support/cardinality-attack';
import { useEmbeddedServer } from '../support/embedded-server.fixture';
import { parsePrometheusText, sample } from '../support/prometheus-text';

const KEY = 'e2e-cardinality-key-0123456789';
/** 50,000 in CI; `npm run test:soak` runs the full 1,000,000 (or APISCOPE_ATTACK_CALLS). */
const CALLS = Number(
  process.env['APISCOPE_ATTACK_CALLS'] ?? (process.env['APISCOPE_SOAK'] === '1' ? 1_000_000 : 50_000),
);
/**
 * The configured bound on what the attack adds to the process's RSS (peak minus RSS at its start;
 * embedded ClickHouse runs in the process too). Growth, not the absolute figure: in `npm test` the
 * Jest worker already holds what earlier test files left (1.6 GB absolute seen there, 0.65 GB alone).
 */
const MAX_RSS_GROWTH_MB = Number(process.env['APISCOPE_ATTACK_MAX_RSS_GROWTH_MB'] ?? 1024);
/** A flood must collapse into a handful of parameterised endpoints, not one row per path. */
const MAX_ENDPOINTS = 60;
/** Parameters an endpoint lists at most: random query names fill a bounded profile (96 names). */
const MAX_PARAMETERS = 100;
/** Real traffic alone before the flood: what the service's templating state costs without it. */
const WARMUP = 3000;
/** The per-service bound of the path trie (PathTemplater's maxNodes default). */
const MAX_TRIE_NODES = 8000;

jest.setTimeout(Math.max(120_000, CALLS * 2));

interface InventoryEndpoint {
  method: string;
  path: string;
  calls: number;
  parameters?: unknown[];
}

describe(`cardinality attack: ${CALLS} random paths and query names on one service`, () => {
  const server = useEmbeddedServer('attack', {
    apiKey: KEY,
  });

  let endpoints: InventoryEndpoint[] = [];
  let realCalls = new Map<string, number>();
  /** the templating state gauge (trie nodes, endpoint profiles) of the attacked service */
  const state = async (): Promise<{ nodes: number; endpoints: number }> => {
    const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${KEY}` } });
    const samples = parsePrometheusText(await res.text());
    const of = (kind: string): number =>
      sample(samples, 'apiscope_templating_state', { service: ATTACKED_SERVICE, kind });
    return { nodes: of('nodes'), endpoints: of('endpoints') };
  };

  it('should take the whole flood under the memory bound, every call counted once', async () => {
    const warmup = await runCardinalityAttack(server.bus, WARMUP, { realEvery: 1 });
    const before = await state();
    let peakNodes = before.nodes;
    const report = await runCardinalityAttack(server.bus, CALLS, {
      onChunk: async (sent) => {
        if (sent % 50_000 === 0) peakNodes = Math.max(peakNodes, (await state()).nodes);
      },
    });
    const after = await state();
    peakNodes = Math.max(peakNodes, after.nodes);
    realCalls = new Map(
      [...warmup.realCalls].map(([k, n]) => [k, n + (report.realCalls.get(k) ?? 0)] as const),
    );
    const inventory = (await getJson(`${server.url}/api/v1/inventory?service=${ATTACKED_SERVICE}`, KEY)) as {
      services: Array<{ name: string; endpoints: InventoryEndpoint[] }>;
    };
    endpoints = inventory.services.find((s) => s.name === ATTACKED_SERVICE)?.endpoints ?? [];
    const rssMb = Math.round(report.peakRssBytes / 2 ** 20);
    const growthMb = Math.round((report.peakRssBytes - report.startRssBytes) / 2 ** 20);
    const widest = Math.max(0, ...endpoints.map((e) => e.parameters?.length ?? 0));
    const top = [...endpoints].sort((a, b) => b.calls - a.calls).slice(0, 8);
    const real = REAL_ENDPOINTS.map((r) => {
      const found = endpoints.filter((e) => e.method === r.method && e.path.startsWith('/api'));
      return `${r.method} ${r.template}: sent ${realCalls.get(`${r.method} ${r.template}`)}, inventory ${found.map((e) => `${e.path}=${e.calls}`).join(',') || 'none'}`;
    });
    process.stderr.write(
      `cardinality attack: ${CALLS} calls in ${report.seconds.toFixed(1)} s (${Math.round(CALLS / report.seconds)}/s), ` +
        `peak RSS ${rssMb} MB, +${growthMb} MB during the attack (bound ${MAX_RSS_GROWTH_MB} MB), ` +
        `${endpoints.length} endpoints; largest: ` +
        `${top.map((e) => `${e.method} ${e.path}=${e.calls}`).join('; ')}\n  real: ${real.join(' | ')}\n` +
        `  templating state (trie nodes / endpoint profiles): before the flood ${before.nodes} / ${before.endpoints}, ` +
        `after ${after.nodes} / ${after.endpoints}, peak nodes sampled ${peakNodes} (bound ${MAX_TRIE_NODES}); ` +
        `most parameters on one endpoint ${widest}\n`,
    );
    expect(growthMb).toBeLessThan(MAX_RSS_GROWTH_MB);
    expect(endpoints.reduce((n, e) => n + e.calls, 0)).toBe(WARMUP + CALLS);
    expect(before.nodes).toBeGreaterThan(1);
    expect(peakNodes).toBeLessThanOrEqual(MAX_TRIE_NODES);
    // the flood folds into a few flood parameters: the trie ends near its pre-flood size, not at the bound
    expect(after.nodes).toBeLessThanOrEqual(before.nodes + 64);
    // random query parameter names: each endpoint's list is bounded, not one entry per name sent
    expect(widest).toBeLessThanOrEqual(MAX_PARAMETERS);
  });

  it('should still report the real endpoints of the attacked service with exact counts', () => {
    for (const real of REAL_ENDPOINTS) {
      const found = endpoints.find((e) => e.method === real.method && e.path === real.template);
      expect(found?.calls).toBe(realCalls.get(`${real.method} ${real.template}`));
    }
  });

  // the random multi-segment paths (many RPC-looking, with a dot in a segment) fold into flood
  // parameters level by level (libs/inference/src/templating/flood-fold.util.ts)
  it('should collapse the flood into a few parameterised endpoints', () => {
    expect(endpoints.length).toBeLessThanOrEqual(MAX_ENDPOINTS);
  });
});
