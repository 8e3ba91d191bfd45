/**
 * Path-templating accuracy on the corpus specs (../shared/corpus/specs): traffic generated from each
 * spec (test/support/spec-traffic.generator.ts) goes through the learning templater and through the
 * naive typed-token templater; both are scored against the spec's own templates.
 * Usage: npm run bench templating-accuracy   (BENCH_SEEDS=3 to average over more seeds; BENCH_VERBOSE=1
 * lists extra and missed endpoints of every seed; BENCH_SPEC=a,b keeps the specs whose file name contains
 * one of the words; BENCH_SPECS_DIR=dir reads the specs from another directory, e.g. a held-out set;
 * BENCH_REFERENCE=all|half hands all, or every other one, of the spec's templates to the templater
 * before the traffic, as the pipeline does with an imported reference spec)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PathTemplater, templatePath } from '@apiscope/inference';

import { CORPUS_DIR } from '../test/support/corpus';
import { generateTraffic, operationsOf, type SpecDocument } from '../test/support/spec-traffic.generator';
import { scoreTemplates } from '../test/support/template-score.util';

const SEEDS = Number(process.env['BENCH_SEEDS'] ?? 1);
/** first seed (BENCH_SEED_FROM=2 BENCH_SEEDS=1: the figures of seed 2 alone) */
const FROM = Number(process.env['BENCH_SEED_FROM'] ?? 1);
const VERBOSE = process.env['BENCH_VERBOSE'] === '1';
const REFERENCE = process.env['BENCH_REFERENCE'];
const dir = process.env['BENCH_SPECS_DIR'] ?? join(CORPUS_DIR, 'specs');
const wanted = (process.env['BENCH_SPEC'] ?? '').split(',');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && wanted.some((w) => f.includes(w)));
const pct = (x: number) => x.toFixed(3);
const rows: string[][] = [['spec', 'ops', 'calls', 'F1', 'P', 'R', 'calls ok', 'naive F1']];
let sumF1 = 0;
let sumNaive = 0;
// pooled over every spec's endpoints (micro average): large specs weigh as much as they have endpoints
const pooled = { hits: 0, discovered: 0, truth: 0, naiveHits: 0, naiveDiscovered: 0 };
// the same, per seed: how much the figure moves from one generated traffic to the next
const perSeed = Array.from({ length: SEEDS }, () => ({ hits: 0, discovered: 0, truth: 0 }));
for (const file of files) {
  const spec = JSON.parse(readFileSync(join(dir, file), 'utf8')) as SpecDocument;
  let f1 = 0,
    p = 0,
    r = 0,
    a = 0,
    naive = 0,
    calls = 0,
    truth = 0;
  for (let seed = FROM; seed < FROM + SEEDS; seed++) {
    const traffic = generateTraffic(spec, {
      seed,
      values: process.env['BENCH_VALUES'] === 'generic' ? 'generic' : 'realistic',
    });
    const templater = new PathTemplater();
    if (REFERENCE !== undefined)
      templater.useReference(
        operationsOf(spec)
          .map((o) => `${o.method} ${o.template}`)
          .filter((_, i) => REFERENCE === 'all' || i % 2 === 0),
      );
    for (const g of traffic) templater.observe(g.call.request.method, g.call.request.path);
    templater.consolidate();
    const score = scoreTemplates(
      traffic,
      (g) => templater.resolve(g.call.request.path, g.call.request.method).template,
    );
    const base = scoreTemplates(traffic, (g) => templatePath(g.call.request.path));
    f1 += score.f1;
    p += score.precision;
    r += score.recall;
    a += score.attributed;
    naive += base.f1;
    pooled.hits += Math.round(score.precision * score.discovered);
    pooled.discovered += score.discovered;
    pooled.truth += score.truth;
    pooled.naiveHits += Math.round(base.precision * base.discovered);
    pooled.naiveDiscovered += base.discovered;
    perSeed[seed - FROM].hits += Math.round(score.precision * score.discovered);
    perSeed[seed - FROM].discovered += score.discovered;
    perSeed[seed - FROM].truth += score.truth;
    calls += traffic.length;
    truth = score.truth;
    if (VERBOSE && (score.extra.length > 0 || score.missed.length > 0)) {
      process.stdout.write(
        `-- ${file} seed ${seed}: F1 ${pct(score.f1)}\n  extra: ${score.extra.slice(0, 40).join('\n         ')}\n  missed: ${score.missed.slice(0, 40).join('\n          ')}\n`,
      );
    }
  }
  rows.push([
    file.replace(/\.json$/, ''),
    String(truth),
    String(Math.round(calls / SEEDS)),
    pct(f1 / SEEDS),
    pct(p / SEEDS),
    pct(r / SEEDS),
    pct(a / SEEDS),
    pct(naive / SEEDS),
  ]);
  sumF1 += f1 / SEEDS;
  sumNaive += naive / SEEDS;
}
rows.push(['mean', '', '', pct(sumF1 / files.length), '', '', '', pct(sumNaive / files.length)]);
const microF1 = (hits: number, discovered: number, truth: number) => (2 * hits) / (discovered + truth);
rows.push([
  'pooled (all endpoints)',
  String(Math.round(pooled.truth / SEEDS)),
  '',
  pct(microF1(pooled.hits, pooled.discovered, pooled.truth)),
  pct(pooled.hits / pooled.discovered),
  pct(pooled.hits / pooled.truth),
  '',
  pct(microF1(pooled.naiveHits, pooled.naiveDiscovered, pooled.truth)),
]);
for (const [i, s] of perSeed.entries())
  rows.push([
    `pooled, seed ${i + FROM}`,
    String(s.truth),
    '',
    pct(microF1(s.hits, s.discovered, s.truth)),
    '',
    '',
    '',
    '',
  ]);
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
process.stdout.write(`${rows.map((row) => row.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n')}\n`);
