import { type ApiCallBody } from '@apiscope/contracts';

import { FieldVerdictCache } from './field-verdict-cache.util';
import { scanCallForSensitiveData } from './scan-call.util';

const body = (value: unknown): ApiCallBody => {
  const data = JSON.stringify(value);
  return { contentType: 'application/json', size: data.length, truncated: false, encoding: 'utf8', data };
};

describe(FieldVerdictCache.name, () => {
  it('should classify every value during warm-up, then reuse the verdict but re-check one in N', () => {
    const cache = new FieldVerdictCache({ maxFields: 10, warmup: 3, recheckEvery: 4 });
    const decisions: Array<string | null | undefined> = [];
    for (let i = 0; i < 12; i += 1) {
      const reused = cache.reuse('f');
      decisions.push(reused);
      if (reused === undefined) cache.record('f', 'email');
    }
    expect(decisions).toEqual([
      undefined,
      undefined,
      undefined, // warm-up
      'email',
      'email',
      'email',
      undefined, // every 4th reuse is classified again
      'email',
      'email',
      'email',
      undefined,
      'email',
    ]);
  });

  it('should go back to classifying every value when a verdict changes', () => {
    const cache = new FieldVerdictCache({ maxFields: 10, warmup: 2, recheckEvery: 2 });
    cache.record('f', null);
    cache.record('f', null);
    expect(cache.reuse('f')).toBeNull();
    cache.record('f', 'phone');
    expect(cache.reuse('f')).toBeUndefined();
  });

  it('should stay within its field bound', () => {
    const cache = new FieldVerdictCache({ maxFields: 100, warmup: 1, recheckEvery: 2 });
    for (let i = 0; i < 10_000; i += 1) cache.record(`field-${i}`, null);
    expect(cache.size).toBeLessThanOrEqual(100);
  });

  it('should let the scanner catch the first sensitive response and a field that turns sensitive', () => {
    const verdicts = new FieldVerdictCache({ maxFields: 1000, warmup: 8, recheckEvery: 4 });
    const sampling = { verdicts, endpoint: 'api GET /users/{id}' };
    const scan = (contact: string) =>
      scanCallForSensitiveData(
        {
          request: {},
          response: {
            body: body({ contact, password: '$2y$10$lk2.DKNZRLqXnYfaLh3/CefqI/6ZsgSx0dPzH/9hDPuH4qXkvPzBu' }),
          },
        },
        undefined,
        sampling,
      ).observations.map((o) => o.class);
    expect(scan('n/a')).toEqual(['password_hash']);
    for (let i = 0; i < 20; i += 1) scan('n/a');
    const later = Array.from({ length: 4 }, () => scan('jane@example.com'));
    expect(later.some((classes) => classes.includes('email'))).toBe(true);
  });
});
