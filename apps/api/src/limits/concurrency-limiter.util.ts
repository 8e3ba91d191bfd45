import { OverloadedException } from './overloaded.exception';

/**
 * At most `maxRunning` holders at once; up to `maxQueued` more wait in order, each for at most
 * `maxWaitMs`. Anything beyond is refused at once (503 + Retry-After) instead of piling up work
 * that the storage engine would run serially anyway.
 */
export class ConcurrencyLimiter {
  private running = 0;
  private readonly waiting: Array<{ grant: () => void; timer: NodeJS.Timeout }> = [];

  constructor(
    readonly maxRunning: number,
    readonly maxQueued: number,
    readonly maxWaitMs: number,
  ) {}

  /** Resolves with the release function once a slot is held. */
  acquire(): Promise<() => void> {
    if (this.running < this.maxRunning) {
      this.running += 1;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.maxQueued)
      return Promise.reject(new OverloadedException('too many expensive queries at once; retry shortly'));
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          clearTimeout(entry.timer);
          resolve(this.releaser());
        },
        timer: setTimeout(() => {
          const index = this.waiting.indexOf(entry);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(new OverloadedException('waited too long for a free query slot; retry shortly'));
        }, this.maxWaitMs),
      };
      this.waiting.push(entry);
    });
  }

  get stats(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // the slot passes straight to the next waiter: `running` stays as it is
      if (next) next.grant();
      else this.running -= 1;
    };
  }
}
