/**
 * Agreement with a live peer (issue 3): runs Suricata 7 (suricata-runner.ts) and apiscope's packet
 * engine over every capture of ../shared/corpus/INDEX.tsv (Zeek's, suricata-verify's and Arkime's
 * test captures) and compares their HTTP transactions on method, request-target and status, per
 * capture as multisets. The corpus spec (sensors/pcap/src/peer-comparison.integration-spec.ts)
 * checks each peer's recorded expectations; this compares with what Suricata itself logs today,
 * every transaction included, not only the ones a test asserts on.
 * Usage: npm run bench pcap-suricata-live   (BENCH_SHOW=n: list n differences per capture, default 3)
 * Not a test: Suricata is not installed in CI.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import { type ApiCall } from '@apiscope/contracts';
import { readCaptureCalls } from '@apiscope/sensor-pcap';
import { CORPUS_DIR, corpusCaptures } from '@apiscope/sensor-pcap/src/peer-comparison/corpus-index.util';

import {
  SURICATA_INSTALL_HINT,
  suricataHttpEvents,
  suricataInstalled,
  writeSuricataConfig,
} from './suricata-runner';

const SHOW = Number(process.env['BENCH_SHOW'] ?? 3);

/** method, request-target, status ('-' without a response): the fields every tool reports. */
type Key = string;

function counts(keys: Key[]): Map<Key, number> {
  const map = new Map<Key, number>();
  for (const key of keys) map.set(key, (map.get(key) ?? 0) + 1);
  return map;
}

/** Keys of `a` beyond what `b` has, with their surplus (a multiset difference). */
function surplus(a: Map<Key, number>, b: Map<Key, number>): Key[] {
  const out: Key[] = [];
  for (const [key, n] of a) for (let i = b.get(key) ?? 0; i < n; i++) out.push(key);
  return out;
}

async function apiscopeKeys(capture: string): Promise<Key[]> {
  const calls: ApiCall[] = [];
  try {
    await readCaptureCalls(capture, {
      sensorId: 'live-peer',
      onCalls: (batch) => {
        calls.push(...batch);
        return Promise.resolve();
      },
    });
  } catch {
    // a capture the sensor refuses as unreadable holds no transaction for it
  }
  return calls.map((c) => `${c.request.method} ${c.request.target} ${c.response?.status ?? '-'}`);
}

async function main(): Promise<void> {
  if (!suricataInstalled()) {
    console.log(SURICATA_INSTALL_HINT);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'apiscope-live-peer-'));
  // like the sensor, which reads captures that start mid-connection
  writeSuricataConfig(dir, true);
  let suricataTotal = 0;
  let apiscopeTotal = 0;
  let matched = 0;
  const differing: string[] = [];
  const unreadable: string[] = [];
  try {
    for (const capture of corpusCaptures()) {
      const events = suricataHttpEvents(dir, capture.capture);
      if (typeof events === 'string') {
        unreadable.push(`${relative(CORPUS_DIR, capture.capture)}: ${events}`);
        continue;
      }
      const theirs = events
        // Suricata logs a transaction for bytes it could not parse as a request: no method, no URI
        .filter((e) => e.http.http_method !== undefined)
        .map((e) => `${e.http.http_method} ${e.http.url ?? ''} ${e.http.status ?? '-'}`);
      const ours = await apiscopeKeys(capture.capture);
      const a = counts(theirs);
      const b = counts(ours);
      const onlyTheirs = surplus(a, b);
      const onlyOurs = surplus(b, a);
      suricataTotal += theirs.length;
      apiscopeTotal += ours.length;
      matched += theirs.length - onlyTheirs.length;
      if (onlyTheirs.length + onlyOurs.length > 0)
        differing.push(
          `${relative(CORPUS_DIR, capture.capture)}: Suricata ${theirs.length}, apiscope ${ours.length}\n` +
            onlyTheirs
              .slice(0, SHOW)
              .map((k) => `    only Suricata: ${k}`)
              .join('\n') +
            (onlyTheirs.length > 0 && onlyOurs.length > 0 ? '\n' : '') +
            onlyOurs
              .slice(0, SHOW)
              .map((k) => `    only apiscope: ${k}`)
              .join('\n'),
        );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
  console.log(
    `captures: ${corpusCaptures().length} (${CORPUS_DIR}/INDEX.tsv); Suricata cannot read ${unreadable.length}:`,
  );
  for (const line of unreadable) console.log(`  ${line}`);
  console.log(
    `Suricata logged ${suricataTotal} transactions with a method; apiscope emitted ${apiscopeTotal} events; ` +
      `${matched} agree on method, request-target and status: ${pct(matched, suricataTotal)} of Suricata's, ` +
      `${pct(matched, apiscopeTotal)} of apiscope's`,
  );
  console.log(`captures where they differ: ${differing.length}`);
  for (const line of differing) console.log(`  ${line}`);
}

void main();
