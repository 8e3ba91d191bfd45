import { RateLimiter } from './rate-limiter.util';

describe(RateLimiter.name, () => {
  it('should allow `limit` requests per window and then refuse until the window ends', () => {
    const limiter = new RateLimiter(3, 1000);
    const seen = [0, 10, 20, 30].map((t) => limiter.hit('a', t));
    expect(seen.map((d) => [d.allowed, d.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(seen[3].resetMs).toBe(970);
    expect(limiter.hit('b', 30).allowed).toBe(true); // other clients are counted apart
    expect(limiter.hit('a', 1000)).toMatchObject({ allowed: true, remaining: 2, resetMs: 1000 });
  });

  it('should peek without counting', () => {
    const limiter = new RateLimiter(1, 1000);
    expect(limiter.peek('a', 0)).toMatchObject({ allowed: true, remaining: 1 });
    expect(limiter.peek('a', 0)).toMatchObject({ allowed: true, remaining: 1 });
    limiter.hit('a', 0);
    limiter.hit('a', 0);
    expect(limiter.peek('a', 5)).toMatchObject({ allowed: false, remaining: 0, resetMs: 995 });
  });

  it('should stay bounded under a flood of distinct clients', () => {
    const limiter = new RateLimiter(10, 60_000, 1000);
    for (let i = 0; i < 100_000; i++) limiter.hit(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, i);
    expect(limiter.size).toBeLessThanOrEqual(1000);
  });

  it('should sweep expired windows before forgetting live ones', () => {
    const limiter = new RateLimiter(1, 100, 2);
    limiter.hit('old', 0);
    limiter.hit('live', 150);
    limiter.hit('live', 150);
    limiter.hit('new', 160); // full: 'old' expired and goes, 'live' keeps its count
    expect(limiter.peek('live', 170).allowed).toBe(false);
  });
});
