import { parseOrphanWindow } from './orphan-window.util';
import { UsageException } from './usage.exception';

describe(parseOrphanWindow.name, () => {
  it.each([
    ['30s', 30_000],
    ['90m', 90 * 60_000],
    ['12h', 12 * 3_600_000],
    ['30d', 30 * 86_400_000],
    [' 2w ', 14 * 86_400_000],
  ])('should read %s', (value, ms) => {
    expect(parseOrphanWindow(value)).toBe(ms);
  });

  it.each(['0d', '30', 'd', '1y', '-3d', '1.5d', '99999999d'])(
    'should refuse %s as a usage error',
    (value) => {
      expect(() => parseOrphanWindow(value)).toThrow(UsageException);
    },
  );
});
