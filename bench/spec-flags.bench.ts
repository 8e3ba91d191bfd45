/**
 * Spec flag accuracy: traffic generated from corpus specs (../shared/corpus/specs) with planted
 * shadow, zombie, orphan and unauthenticated endpoints (test/support/spec-flags-labelled-set.ts) goes
 * through the inventory path of `apiscope analyze --spec` (embedded app, spec import, pipeline,
 * inventory use case); prints precision, recall and F1 per flag and pooled, with the misses.
 * Usage: npm run bench spec-flags   (BENCH_SEEDS=3 for more seeds; BENCH_VERBOSE=1 lists the misses)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CORPUS_DIR } from '../test/support/corpus';
import { labelledService, SPEC_FLAG_CORPUS } from '../test/support/spec-flags-labelled-set';
import { analyzeInventory, pooledF1, scoreSpecFlags } from '../test/support/spec-flags-score.util';
import { type SpecDocument } from '../test/support/spec-traffic.generator';

const SEEDS = Number(process.env['BENCH_SEEDS'] ?? 1);
const VERBOSE = process.env['BENCH_VERBOSE'] === '1';
const out = (line: string) => process.stdout.write(`${line}\n`);
const pct = (x: number) => x.toFixed(3);

async function main(): Promise<void> {
  for (let seed = 1; seed <= SEEDS; seed++) {
    const services = SPEC_FLAG_CORPUS.map((file) =>
      labelledService(
        file,
        JSON.parse(readFileSync(join(CORPUS_DIR, 'specs', file), 'utf8')) as SpecDocument,
        seed,
      ),
    );
    const started = Date.now();
    const doc = await analyzeInventory(services);
    const seconds = (Date.now() - started) / 1000;
    const calls = services.reduce((n, s) => n + s.calls.length, 0);
    const endpoints = services.reduce((n, s) => n + s.truth.size, 0);
    out(
      `seed ${seed}: ${services.length} specs, ${calls} calls, ${endpoints} labelled endpoints, analysed in ${seconds.toFixed(1)} s`,
    );
    const scores = scoreSpecFlags(services, doc);
    out('flag             truth   TP   FP   FN  precision  recall     F1');
    for (const s of scores)
      out(
        `${s.flag.padEnd(16)} ${String(s.tp + s.fn).padStart(5)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${pct(s.precision).padStart(9)} ${pct(s.recall).padStart(7)} ${pct(s.f1).padStart(6)}`,
      );
    out(`pooled F1 over the four flags: ${pct(pooledF1(scores))} (goal >= 0.95)`);
    if (VERBOSE)
      for (const s of scores) {
        for (const k of s.falsePositives) out(`  FP ${s.flag}: ${k}`);
        for (const k of s.falseNegatives) out(`  FN ${s.flag}: ${k}`);
      }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
