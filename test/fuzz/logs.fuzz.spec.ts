import fc from 'fast-check';

import { mutatedFrom } from '../support/byte-mutator';
import { FUZZ_TARGETS, LINE_FORMATS, harSeeds, logSeeds } from './fuzz-targets';

const RUNS = 1500;

/** Printable-ish lines with the punctuation log formats split on. */
const logishLine = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '"',
        ' ',
        '[',
        ']',
        '{',
        '}',
        ':',
        ',',
        '\t',
        '-',
        '\\',
        '\\x',
        'GET /a?b=c HTTP/1.1',
        '200',
        '"request":',
        'null',
      ),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 6 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('log format fuzzing', () => {
  it.each(LINE_FORMATS)('should never throw on mutated real %s lines', (format) => {
    fc.assert(
      fc.property(mutatedFrom(logSeeds(format)), (input) => FUZZ_TARGETS.log(format, input)),
      { numRuns: RUNS },
    );
  });

  it.each(LINE_FORMATS)('should never throw on log-shaped random lines as %s', (format) => {
    fc.assert(
      fc.property(fc.array(logishLine, { maxLength: 20 }), (lines) =>
        FUZZ_TARGETS.log(format, Buffer.from(lines.join('\n'))),
      ),
      { numRuns: RUNS },
    );
  });

  it('should refuse or read mutated real HAR documents, never throw anything else', () => {
    fc.assert(
      fc.property(mutatedFrom(harSeeds()), (input) => FUZZ_TARGETS.har(input)),
      { numRuns: RUNS },
    );
  });

  it('should refuse or read random JSON as HAR', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) =>
        FUZZ_TARGETS.har(Buffer.from(JSON.stringify({ log: { version: '1.2', entries: [value] } }))),
      ),
      { numRuns: RUNS },
    );
  });
});
