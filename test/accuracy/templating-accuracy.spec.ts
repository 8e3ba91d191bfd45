import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PathTemplater, templatePath } from '@apiscope/inference';

import { CORPUS_DIR } from '../support/corpus';
import { generateTraffic, operationsOf, type SpecDocument } from '../support/spec-traffic.generator';
import { scoreTemplates } from '../support/template-score.util';

/**
 * Floors at what the learning templater achieves on traffic generated from the corpus specs (seed 1),
 * with values shaped like real ones and with faker-style lorem values. A change that lowers any of
 * them fails here; raise a floor when the engine gets better. `npm run bench templating-accuracy`
 * prints the full table (precision, recall, calls attributed, naive baseline).
 */
const FLOORS: Record<string, { realistic: number; generic: number }> = {
  'bbci.co.uk__1.0.json': { realistic: 1.0, generic: 0.96 },
  'bitbucket.org__2.0.json': { realistic: 0.955, generic: 0.985 },
  'circleci.com__v1.json': { realistic: 1.0, generic: 0.93 },
  'instagram.com__1.0.0.json': { realistic: 1.0, generic: 1.0 },
  'mozilla.com__kinto__1.17.json': { realistic: 1.0, generic: 0.97 },
  'netatmo.net__1.1.1.json': { realistic: 1.0, generic: 1.0 },
  'nytimes.com__books_api__3.0.0.json': { realistic: 1.0, generic: 1.0 },
  'sendgrid.com__3.0.json': { realistic: 0.995, generic: 0.985 },
  'slack.com__1.0.0.json': { realistic: 1.0, generic: 1.0 },
  'spotify.com__v1.json': { realistic: 1.0, generic: 1.0 },
  'stackexchange.com__2.0.json': { realistic: 0.98, generic: 0.965 },
  'trello.com__1.0.json': { realistic: 0.98, generic: 0.93 },
  'xkcd.com__1.0.0.json': { realistic: 1.0, generic: 1.0 },
};

const specs = readdirSync(join(CORPUS_DIR, 'specs')).filter((f) => f.endsWith('.json'));

describe('path templating accuracy on the corpus specs', () => {
  it('should have a floor for every corpus spec', () => {
    expect(specs.sort()).toEqual(Object.keys(FLOORS).sort());
  });

  describe.each(['realistic', 'generic'] as const)('with %s values', (values) => {
    it.each(specs)('should reach its F1 floor on %s and beat the typed-token baseline', (file) => {
      const spec = JSON.parse(readFileSync(join(CORPUS_DIR, 'specs', file), 'utf8')) as SpecDocument;
      const traffic = generateTraffic(spec, { seed: 1, values });
      const templater = new PathTemplater();
      for (const g of traffic) templater.observe(g.call.request.method, g.call.request.path);
      templater.consolidate();
      const score = scoreTemplates(
        traffic,
        (g) => templater.resolve(g.call.request.path, g.call.request.method).template,
      );
      const naive = scoreTemplates(traffic, (g) => templatePath(g.call.request.path));
      expect(score.f1).toBeGreaterThanOrEqual(FLOORS[file][values] - 0.005);
      expect(score.f1).toBeGreaterThanOrEqual(naive.f1);
    });
  });

  /** Pooled F1 (seed 1) over the specs of `dir`, the templater given `reference` templates first. */
  const pooledF1 = (dir: string, reference?: (spec: SpecDocument) => string[]) => {
    let hits = 0;
    let discovered = 0;
    let truth = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const spec = JSON.parse(readFileSync(join(dir, file), 'utf8')) as SpecDocument;
      const traffic = generateTraffic(spec, { seed: 1 });
      const templater = new PathTemplater();
      if (reference) templater.useReference(reference(spec));
      for (const g of traffic) templater.observe(g.call.request.method, g.call.request.path);
      templater.consolidate();
      const score = scoreTemplates(
        traffic,
        (g) => templater.resolve(g.call.request.path, g.call.request.method).template,
      );
      hits += score.discovered - score.extra.length;
      discovered += score.discovered;
      truth += score.truth;
    }
    return (2 * hits) / (discovered + truth);
  };

  it('should reach a pooled F1 of 0.97 over every spec endpoint (service + method + template, issue 4)', () => {
    expect(pooledF1(join(CORPUS_DIR, 'specs'))).toBeGreaterThanOrEqual(0.97);
  });

  it('should reach a mean F1 of 0.95 with realistic values and 0.90 with lorem values', () => {
    const mean = (values: 'realistic' | 'generic') =>
      specs
        .map((file) => {
          const spec = JSON.parse(readFileSync(join(CORPUS_DIR, 'specs', file), 'utf8')) as SpecDocument;
          const traffic = generateTraffic(spec, { seed: 1, values });
          const templater = new PathTemplater();
          for (const g of traffic) templater.observe(g.call.request.method, g.call.request.path);
          templater.consolidate();
          return scoreTemplates(
            traffic,
            (g) => templater.resolve(g.call.request.path, g.call.request.method).template,
          ).f1;
        })
        .reduce((a, b) => a + b, 0) / specs.length;
    expect(mean('realistic')).toBeGreaterThanOrEqual(0.95);
    expect(mean('generic')).toBeGreaterThanOrEqual(0.9);
  });

  it('should hold its accuracy on API shapes it was not tuned on (bench/holdout-specs)', () => {
    expect(pooledF1(join(__dirname, '..', '..', 'bench', 'holdout-specs'))).toBeGreaterThanOrEqual(0.965);
  });

  it('should let a reference spec win before templating, and a partial one not hurt', () => {
    const dir = join(CORPUS_DIR, 'specs');
    const documented = (every: number) => (spec: SpecDocument) =>
      operationsOf(spec)
        .map((o) => `${o.method} ${o.template}`)
        .filter((_, i) => i % every === 0);
    const alone = pooledF1(dir);
    expect(pooledF1(dir, documented(1))).toBeGreaterThanOrEqual(0.99);
    expect(pooledF1(dir, documented(2))).toBeGreaterThanOrEqual(alone);
  });
});
