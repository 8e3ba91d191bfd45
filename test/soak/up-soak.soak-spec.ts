import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type ApiCall } from '@apiscope/contracts';

import { corpusFile } from '../support/corpus';
import { runCli } from '../support/run-cli';
import { startCli } from '../support/child-process';

const MINUTES = Number(process.env['APISCOPE_SOAK_MINUTES'] ?? 20);
/** Calls per second replayed into the running instance. */
const RATE = Number(process.env['APISCOPE_SOAK_RATE'] ?? 50);
const KEY = 'soak-admin-key-0123456789abcdef';
/** After warm-up (the first 3 minutes), RSS and open files may not grow by more than this. */
const MAX_RSS_GROWTH = 0.25;
const MAX_FD_GROWTH = 16;

interface Minute {
  minute: number;
  rssMb: number;
  fds: number;
  sent: number;
  p50: number;
  p99: number;
  probes: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function rssMbOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

/** Real exchanges to replay: the corpus captures through the real packet sensor. */
async function capturedCalls(): Promise<ApiCall[]> {
  const files = [
    corpusFile('api-pcaps', 'suricata-verify__lua-transform-11-bug-8173__npm-registry-api.pcap'),
    corpusFile('api-pcaps', 'arkime__arkime_synthetic.pcap'),
    corpusFile('api-pcaps', 'suricata-verify__http-post-file__mattermost-api-v4-8065.pcap'),
  ];
  const calls: ApiCall[] = [];
  for (const file of files) {
    const out = await runCli(['sensor', 'pcap', '--file', file, '--sink', 'stdout', '--workers', '1']);
    for (const line of out.stdout.split('\n'))
      if (line.trim() !== '') calls.push(JSON.parse(line) as ApiCall);
  }
  return calls;
}

describe(`apiscope up soak: ${MINUTES} min of replayed captures at ${RATE} calls/s`, () => {
  it('should keep memory and open files flat and the API latency stable', async () => {
    const calls = await capturedCalls();
    expect(calls.length).toBeGreaterThan(10);
    const dir = mkdtempSync(join(tmpdir(), 'apiscope-soak-'));
    const up = startCli(['up', '--data', dir, '--port', '0'], { APISCOPE_API_KEY: KEY });
    try {
      await up.waitFor(/apiscope is up at (http:\S+)/, 120_000);
      const url = /apiscope is up at (http:\S+)/.exec(up.output())?.[1] ?? '';
      const pid = up.child.pid ?? 0;
      const auth = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
      const minutes: Minute[] = [];
      let sent = 0;
      let loop = 0;
      let latencies: number[] = [];
      const started = Date.now();
      const end = started + MINUTES * 60_000;
      // the probe: what a user of the catalog does, twice a second
      const probe = (async () => {
        const routes = ['/api/v1/inventory', '/api/v1/endpoints?limit=100', '/api/v1/services'];
        for (let i = 0; Date.now() < end; i++) {
          const t = performance.now();
          const res = await fetch(`${url}${routes[i % routes.length]}`, { headers: auth });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`probe got ${res.status}`);
          latencies.push(performance.now() - t);
          await new Promise((r) => setTimeout(r, 500));
        }
      })();
      // the load: the captures again and again, new ids and times each round, RATE calls a second
      const load = (async () => {
        let next = Date.now();
        while (Date.now() < end) {
          const batch: ApiCall[] = [];
          for (let i = 0; i < RATE; i++) {
            const c = calls[(sent + i) % calls.length];
            if ((sent + i) % calls.length === 0) loop += 1;
            batch.push({ ...c, id: `soak-${loop}-${c.id}`, ts: Date.now() });
          }
          const res = await fetch(`${url}/api/v1/ingest`, {
            method: 'POST',
            headers: auth,
            body: JSON.stringify({ calls: batch }),
          });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`ingest got ${res.status}`);
          sent += batch.length;
          next += 1000;
          await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
        }
      })();
      const monitor = (async () => {
        for (let minute = 1; minute <= MINUTES; minute++) {
          await new Promise((r) => setTimeout(r, Math.max(0, started + minute * 60_000 - Date.now())));
          const sorted = latencies.sort((a, b) => a - b);
          latencies = [];
          const m: Minute = {
            minute,
            rssMb: rssMbOf(pid),
            fds: readdirSync(`/proc/${pid}/fd`).length,
            sent,
            p50: Math.round(quantile(sorted, 0.5) * 10) / 10,
            p99: Math.round(quantile(sorted, 0.99) * 10) / 10,
            probes: sorted.length,
          };
          minutes.push(m);
          process.stderr.write(
            `soak minute ${m.minute}: RSS ${m.rssMb} MB, open files ${m.fds}, calls sent ${m.sent}, API p50 ${m.p50} ms p99 ${m.p99} ms (${m.probes} probes)\n`,
          );
        }
      })();
      await Promise.all([probe, load, monitor]);
      const warm = minutes[Math.min(2, minutes.length - 1)];
      const last = minutes[minutes.length - 1];
      expect(last.sent).toBeGreaterThan(RATE * 60 * MINUTES * 0.9);
      expect(last.rssMb).toBeLessThan(warm.rssMb * (1 + MAX_RSS_GROWTH));
      expect(last.fds).toBeLessThanOrEqual(warm.fds + MAX_FD_GROWTH);
      expect(last.p99).toBeLessThan(Math.max(1000, warm.p99 * 3));
    } finally {
      await up.signal('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
