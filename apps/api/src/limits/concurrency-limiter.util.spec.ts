import { ConcurrencyLimiter } from './concurrency-limiter.util';
import { OverloadedException } from './overloaded.exception';

describe(ConcurrencyLimiter.name, () => {
  it('should run at most maxRunning at once, queue maxQueued, and refuse the rest', async () => {
    const limiter = new ConcurrencyLimiter(2, 1, 1000);
    const a = await limiter.acquire();
    const b = await limiter.acquire();
    let cGranted = false;
    const c = limiter.acquire().then((release) => {
      cGranted = true;
      return release;
    });
    await expect(limiter.acquire()).rejects.toBeInstanceOf(OverloadedException);
    expect(limiter.stats).toEqual({ running: 2, waiting: 1 });
    a();
    a(); // a second release of the same slot changes nothing
    const releaseC = await c;
    expect(cGranted).toBe(true);
    expect(limiter.stats).toEqual({ running: 2, waiting: 0 });
    b();
    releaseC();
    expect(limiter.stats).toEqual({ running: 0, waiting: 0 });
  });

  it('should give up waiting after maxWaitMs', async () => {
    const limiter = new ConcurrencyLimiter(1, 5, 20);
    const hold = await limiter.acquire();
    await expect(limiter.acquire()).rejects.toThrow(/waited too long/);
    expect(limiter.stats).toEqual({ running: 1, waiting: 0 });
    hold();
  });
});
