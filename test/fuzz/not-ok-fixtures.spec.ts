import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { FUZZ_TARGETS, LINE_FORMATS } from './fuzz-targets';

const NOT_OK = join(__dirname, '..', 'fixtures', 'not-ok');

/**
 * Inputs that broke (or were built to break) a parser, one folder per fuzz target: `capture`,
 * `spec`, `har`, `contract` (JSON), `log-<format>`. Each must now pass its target's checks.
 */
const fixtures = readdirSync(NOT_OK, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(NOT_OK, d.name)).map((file) => [d.name, file] as const));

describe('not-ok fixtures (regressions of the fuzzers)', () => {
  it('should have fixtures to replay', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures)('should hold on %s/%s', async (target, file) => {
    const input = readFileSync(join(NOT_OK, target, file));
    if (target === 'capture') FUZZ_TARGETS.capture(input);
    else if (target === 'spec') await FUZZ_TARGETS.spec(input);
    else if (target === 'har') FUZZ_TARGETS.har(input);
    else if (target === 'contract') FUZZ_TARGETS.contract(JSON.parse(input.toString('utf8')) as unknown);
    else {
      const format = LINE_FORMATS.find((f) => target === `log-${f}`);
      if (!format) throw new Error(`unknown fuzz target folder ${target}`);
      FUZZ_TARGETS.log(format, input);
    }
  });
});
