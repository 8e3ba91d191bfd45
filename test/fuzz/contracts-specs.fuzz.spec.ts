import fc from 'fast-check';

import { type ApiCall } from '@apiscope/contracts';

import { apiCall } from '../support/api-call.fixture';
import { mutatedFrom } from '../support/byte-mutator';
import { FUZZ_TARGETS, specSeeds } from './fuzz-targets';

/** A valid event with any of its fields replaced by anything, at any depth. */
function corrupted(base: ApiCall): fc.Arbitrary<unknown> {
  const paths: string[][] = [];
  const walk = (v: unknown, path: string[]) => {
    paths.push(path);
    if (typeof v === 'object' && v !== null)
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) walk(child, [...path, k]);
  };
  walk(base, []);
  return fc
    .array(fc.tuple(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.anything({ maxDepth: 3 })), {
      minLength: 1,
      maxLength: 4,
    })
    .map((edits) => {
      const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
      for (const [path, value] of edits) {
        let node: Record<string, unknown> = copy;
        for (const key of path.slice(0, -1)) {
          const next = node[key];
          if (typeof next !== 'object' || next === null) return copy;
          node = next as Record<string, unknown>;
        }
        node[path[path.length - 1]] = value;
      }
      return copy;
    });
}

describe('ApiCall validator and spec importer fuzzing', () => {
  it('should judge anything at all without throwing', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 5 }), (v) => FUZZ_TARGETS.contract(v)),
      { numRuns: 3000 },
    );
  });

  it('should judge valid events with fields replaced by anything, and keep what it accepts stable', () => {
    const base = apiCall(
      { path: '/users/42', target: '/users/42?a=1', query: [['a', '1']] },
      {
        status: 200,
        body: { contentType: 'application/json', size: 2, truncated: false, encoding: 'utf8', data: '{}' },
      },
    );
    fc.assert(
      fc.property(corrupted(base), (v) => FUZZ_TARGETS.contract(v)),
      { numRuns: 3000 },
    );
  });

  it('should import or refuse (SpecImportException) mutated real specs, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedFrom(specSeeds(), 3), (input) => FUZZ_TARGETS.spec(input)),
      { numRuns: 400 },
    );
  });

  // swagger-parser takes up to ~0.5 s on some of these: fewer runs, still every branch of the importer
  it('should import or refuse random YAML/JSON documents shaped like OpenAPI', async () => {
    const doc = fc.record({
      openapi: fc.constantFrom('3.0.0', '3.1.0', '2.0', 3, null),
      swagger: fc.option(fc.constantFrom('2.0', 2)),
      info: fc.anything({ maxDepth: 2 }),
      paths: fc.dictionary(fc.string({ maxLength: 12 }), fc.anything({ maxDepth: 4 }), { maxKeys: 5 }),
      servers: fc.anything({ maxDepth: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(doc, (d) => FUZZ_TARGETS.spec(Buffer.from(JSON.stringify(d)))),
      { numRuns: 300 },
    );
  });
});
