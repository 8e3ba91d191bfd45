import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CORPUS_DIR } from '../support/corpus';
import { labelledService, type LabelledService, SPEC_FLAG_CORPUS } from '../support/spec-flags-labelled-set';
import { analyzeInventory, type FlagScore, pooledF1, scoreSpecFlags } from '../support/spec-flags-score.util';
import { type SpecDocument } from '../support/spec-traffic.generator';

/**
 * Floors at what the shadow / zombie / orphan / unauthenticated flags achieve on traffic generated
 * from the corpus specs with planted truths (seed 1), through the inventory path of `apiscope
 * analyze --spec`. A change that lowers any of them fails here; `npm run bench spec-flags` prints
 * the table and the misses.
 */
const FLOORS = { shadow: 0.95, zombie: 0.97, orphan: 0.97, unauthenticated: 0.98, pooled: 0.97 };

describe('spec flag accuracy on the corpus specs', () => {
  let services: LabelledService[];
  let scores: FlagScore[];

  beforeAll(async () => {
    services = SPEC_FLAG_CORPUS.map((file) =>
      labelledService(
        file,
        JSON.parse(readFileSync(join(CORPUS_DIR, 'specs', file), 'utf8')) as SpecDocument,
      ),
    );
    scores = scoreSpecFlags(services, await analyzeInventory(services));
  }, 180_000);

  it('should plant every flag on several specs', () => {
    for (const flag of ['shadow', 'zombie', 'orphan', 'unauthenticated'] as const) {
      const planted = services.filter((s) => [...s.truth.values()].some((f) => f.has(flag)));
      expect(planted.length).toBeGreaterThanOrEqual(5);
    }
  });

  it.each(['shadow', 'zombie', 'orphan', 'unauthenticated'] as const)(
    'should reach the F1 floor for %s',
    (flag) => {
      const score = scores.find((s) => s.flag === flag);
      expect(score?.f1 ?? 0).toBeGreaterThanOrEqual(FLOORS[flag]);
    },
  );

  it('should reach the pooled F1 floor over the four flags', () => {
    expect(pooledF1(scores)).toBeGreaterThanOrEqual(FLOORS.pooled);
  });
});
