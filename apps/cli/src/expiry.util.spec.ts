import { parseExpiry } from './expiry.util';
import { UsageException } from './usage.exception';

const NOW = Date.UTC(2026, 0, 1);

describe(parseExpiry.name, () => {
  it.each([
    ['12h', '2026-01-01T12:00:00.000Z'],
    ['30d', '2026-01-31T00:00:00.000Z'],
    ['2w', '2026-01-15T00:00:00.000Z'],
    ['1y', '2027-01-01T00:00:00.000Z'],
    ['2027-03-04', '2027-03-04T00:00:00.000Z'],
    ['2027-03-04T05:06:07Z', '2027-03-04T05:06:07.000Z'],
  ])('should read %s', (value, expected) => {
    expect(parseExpiry(value, NOW)).toBe(expected);
  });

  it.each(['', '0d', '30', '30m', '-1d', 'tomorrow', '2027-13-45', '1d; rm -rf /'])(
    'should refuse %j as a usage error',
    (value) => {
      expect(() => parseExpiry(value, NOW)).toThrow(UsageException);
    },
  );
});
