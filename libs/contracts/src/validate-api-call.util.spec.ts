import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { API_CALL_LIMITS } from './api-call.limits.constant';
import { formatContractIssues, validateApiCall } from './validate-api-call.util';

const examples = join(__dirname, 'examples');
const load = (dir: string) =>
  readdirSync(join(examples, dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, JSON.parse(readFileSync(join(examples, dir, f), 'utf8'))] as const);

describe(validateApiCall.name, () => {
  it.each(load('ok'))('should accept the example %s', (_name, event) => {
    const result = validateApiCall(event);
    expect(result).toEqual({ ok: true, call: event });
  });

  it.each(load('not-ok'))('should refuse %s with the precise reason', (_name, { event, expect: issues }) => {
    const result = validateApiCall(event);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual(issues);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'GET /'],
    ['a number', 1],
  ])('should refuse %s as not an object', (_name, value) => {
    expect(validateApiCall(value)).toEqual({
      ok: false,
      issues: [{ path: '(event)', problem: 'must be a JSON object' }],
    });
  });

  it('should bound the number of issues reported for a hostile event', () => {
    const headers = Array.from({ length: 50 }, () => [1, 2]);
    const result = validateApiCall({
      v: 1,
      id: 'x',
      ts: 1,
      sensor: { id: 's', kind: 'k' },
      request: { headers },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.length).toBeLessThanOrEqual(8);
  });

  it('should refuse a target longer than the contract bound', () => {
    const [, event] = load('ok')[0];
    const long = {
      ...event,
      request: { ...event.request, target: `/${'a'.repeat(API_CALL_LIMITS.targetLength)}` },
    };
    const result = validateApiCall(long);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(formatContractIssues(result.issues)).toBe(
        `request.target: must NOT have more than ${API_CALL_LIMITS.targetLength} characters`,
      );
  });
});
