import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type ApiCall, formatContractIssues, validateApiCall } from '@apiscope/contracts';

import { compareArkime } from './peer-comparison/arkime-peer.util';
import { corpusCaptures } from './peer-comparison/corpus-index.util';
import { type PeerResult } from './peer-comparison/peer-result.type';
import { compareSuricata } from './peer-comparison/suricata-peer.util';
import { compareZeek } from './peer-comparison/zeek-peer.util';
import { readCaptureCalls } from './read-capture-calls.util';

/**
 * The sensor over every capture of ../shared/corpus/INDEX.tsv (Zeek, suricata-verify and Arkime
 * test suites), compared with each peer's expected results. Floors are the figures reached when
 * this was written, so a regression fails; every mismatch kept must be explained in
 * PEER-COMPARISON.md, and the file must not list mismatches that no longer happen.
 */
const FLOORS = {
  zeek: { matched: 87, total: 88, fullyMatched: 74 },
  suricata: { matched: 41, total: 41, fullyMatched: 34 },
  arkime: { matched: 43, total: 45, fullyMatched: 43 },
};

type Peer = 'zeek' | 'suricata' | 'arkime';

const readJsonLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('PcapSensor against Zeek, Suricata and Arkime', () => {
  const totals: Record<Peer, PeerResult> = {
    zeek: { total: 0, matched: 0, fullyMatched: 0, mismatches: [], notComparable: 0 },
    suricata: { total: 0, matched: 0, fullyMatched: 0, mismatches: [], notComparable: 0 },
    arkime: { total: 0, matched: 0, fullyMatched: 0, mismatches: [], notComparable: 0 },
  };
  const invalid: string[] = [];
  let captures = 0;

  beforeAll(async () => {
    for (const entry of corpusCaptures()) {
      captures += 1;
      const calls: ApiCall[] = [];
      await readCaptureCalls(entry.capture, {
        sensorId: 'peer-test',
        onCalls: (batch) => Promise.resolve(void calls.push(...batch)),
      });
      for (const call of calls) {
        const verdict = validateApiCall(JSON.parse(JSON.stringify(call)));
        if (!verdict.ok) invalid.push(`${entry.id}: ${formatContractIssues(verdict.issues)}`);
      }
      const name = entry.id.slice(entry.id.indexOf(':') + 1);
      const result =
        entry.peer === 'zeek'
          ? compareZeek(name, calls, readJsonLines(entry.expected))
          : entry.peer === 'suricata'
            ? compareSuricata(
                name,
                calls,
                (JSON.parse(readFileSync(entry.expected, 'utf8')) as { http_checks: [] }).http_checks,
              )
            : compareArkime(name, calls, readJsonLines(entry.expected) as never[]);
      const total = totals[entry.peer];
      total.total += result.total;
      total.matched += result.matched;
      total.fullyMatched += result.fullyMatched;
      total.notComparable += result.notComparable;
      total.mismatches.push(...result.mismatches);
    }
    const rate = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;
    const lines = (Object.keys(totals) as Peer[]).map((peer) => {
      const t = totals[peer];
      return `${peer.padEnd(9)} ${t.matched}/${t.total} matched (${rate(t.matched, t.total)}), ${t.fullyMatched}/${t.total} on every compared field (${rate(t.fullyMatched, t.total)}), ${t.notComparable} not comparable`;
    });
    process.stdout.write(`\npeer match rates over ${captures} captures:\n${lines.join('\n')}\n`);
  });

  it('should read every capture listed in INDEX.tsv', () => {
    expect(captures).toBe(80);
  });

  it('should produce only events that pass validateApiCall', () => {
    expect(invalid).toEqual([]);
  });

  it.each(Object.keys(FLOORS) as Peer[])('should not fall below the %s match figures', (peer) => {
    const t = totals[peer];
    expect(t.total).toBe(FLOORS[peer].total);
    expect(t.matched).toBeGreaterThanOrEqual(FLOORS[peer].matched);
    expect(t.fullyMatched).toBeGreaterThanOrEqual(FLOORS[peer].fullyMatched);
  });

  it('should match at least 95% of the Zeek requests on method, URI and status', () => {
    expect(totals.zeek.matched / totals.zeek.total).toBeGreaterThanOrEqual(0.95);
  });

  it('should explain every kept mismatch in PEER-COMPARISON.md, and list none that no longer happens', () => {
    const doc = readFileSync(join(__dirname, '..', 'PEER-COMPARISON.md'), 'utf8');
    const documented = new Set([...doc.matchAll(/^\| `([^`]+)` +\|/gm)].map((m) => m[1]));
    const current = (Object.keys(totals) as Peer[]).flatMap((p) => totals[p].mismatches);
    const undocumented = current.filter((m) => !documented.has(m.id)).map((m) => `${m.id}: ${m.detail}`);
    const stale = [...documented].filter((id) => !current.some((m) => m.id === id));
    expect({ undocumented, stale }).toEqual({ undocumented: [], stale: [] });
  });
});
