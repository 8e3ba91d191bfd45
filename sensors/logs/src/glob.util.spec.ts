import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expandFileArgument, rotatedSiblings } from './glob.util';

describe(expandFileArgument.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'apiscope-glob-'));
  beforeAll(() => {
    for (const name of ['access.log', 'access.log.1', 'access.log.2.gz', 'error.log', '.hidden.log']) {
      writeFileSync(join(dir, name), 'x\n');
    }
    mkdirSync(join(dir, 'a1'));
    mkdirSync(join(dir, 'b2'));
    writeFileSync(join(dir, 'a1', 'x.log'), '');
    writeFileSync(join(dir, 'b2', 'x.log'), '');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['access.log*', ['access.log', 'access.log.1', 'access.log.2.gz']],
    ['*.log', ['access.log', 'error.log']],
    ['access.log.?', ['access.log.1']],
    ['[ae]*.log', ['access.log', 'error.log']],
    ['*/x.log', ['a1/x.log', 'b2/x.log']],
    ['nothing*', []],
  ])('should expand %s', (pattern, names) => {
    expect(expandFileArgument(join(dir, pattern))).toEqual(names.map((n) => join(dir, n)));
  });

  it('should keep a plain path as given, existing or not', () => {
    expect(expandFileArgument(join(dir, 'missing.log'))).toEqual([join(dir, 'missing.log')]);
  });

  it('should list the rotated copies beside a log', () => {
    expect(rotatedSiblings(join(dir, 'access.log'))).toEqual([
      join(dir, 'access.log.1'),
      join(dir, 'access.log.2.gz'),
    ]);
  });
});
