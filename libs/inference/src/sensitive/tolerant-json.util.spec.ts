import fc from 'fast-check';

import { walkJsonLeaves } from './json-leaves.util';
import { DEFAULT_SENSITIVE_SCAN_LIMITS } from './sensitive-scan-limits.constant';
import { scanJsonTextLeaves } from './tolerant-json.util';

type Leaf = [string, string | null, string | null, string | number];

function fromText(text: string, cut = true): Leaf[] {
  const leaves: Leaf[] = [];
  const limits = DEFAULT_SENSITIVE_SCAN_LIMITS;
  const budget = { nodes: limits.maxNodes, exhausted: false };
  scanJsonTextLeaves(text, (...leaf) => leaves.push(leaf), limits, budget, cut);
  return leaves;
}

function fromValue(value: unknown): Leaf[] {
  const leaves: Leaf[] = [];
  const limits = DEFAULT_SENSITIVE_SCAN_LIMITS;
  walkJsonLeaves(value, (...leaf) => leaves.push(leaf), limits, { nodes: limits.maxNodes, exhausted: false });
  return leaves;
}

describe(scanJsonTextLeaves.name, () => {
  it('should report the same leaves, paths and names as walking the parsed document', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'small' }), (text) => {
        expect(fromText(text, false)).toEqual(fromValue(JSON.parse(text)));
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('should report, for any cut of a document, a prefix of its leaves', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'small' }), fc.nat(), (text, at) => {
        const full = fromText(text, false);
        const cut = fromText(text.slice(0, at % (text.length + 1)));
        expect(full.slice(0, cut.length)).toEqual(cut);
      }),
      { numRuns: 500, seed: 11 },
    );
  });

  it('should read a body cut in the middle of a string up to the last complete value', () => {
    const text = '{"users":[{"email":"a@example.com","phone":"+14155552671"},{"email":"b@exa';
    expect(fromText(text)).toEqual([
      ['$.users[*].email', 'email', 'users', 'a@example.com'],
      ['$.users[*].phone', 'phone', 'users', '+14155552671'],
    ]);
  });

  it('should not report a number that runs into the end of the text (digits may be lost)', () => {
    expect(fromText('{"a":"x","card":42424242')).toEqual([['$.a', 'a', null, 'x']]);
  });

  it('should write dynamic keys as * and escape unusual keys', () => {
    const text = '{"versions":{"1.0.2":{"author":{"email":"x@y.io"}}},"2fa_secret":"S"}';
    expect(fromText(text)).toEqual([
      ['$.versions.*.author.email', 'email', 'author', 'x@y.io'],
      ["$['2fa_secret']", '2fa_secret', null, 'S'],
    ]);
  });

  it('should stop at malformed input without throwing', () => {
    expect(fromText('{"a":"ok", oops}')).toEqual([['$.a', 'a', null, 'ok']]);
    expect(fromText('{"a":"\\x"}')).toEqual([]);
    expect(fromText(']]]}}}')).toEqual([]);
  });

  it('should bound depth and array width', () => {
    const deep = `${'['.repeat(100_000)}"deep"${']'.repeat(100_000)}`;
    const budget = { nodes: 1000, exhausted: false };
    const leaves: string[] = [];
    scanJsonTextLeaves(deep, (p) => leaves.push(p), DEFAULT_SENSITIVE_SCAN_LIMITS, budget);
    expect(leaves).toEqual([]);
    expect(budget.exhausted).toBe(true);
    const wide = JSON.stringify({ items: Array.from({ length: 5000 }, (_, i) => `v${i}`) });
    expect(fromText(wide)).toHaveLength(DEFAULT_SENSITIVE_SCAN_LIMITS.maxArrayItems);
  });
});
