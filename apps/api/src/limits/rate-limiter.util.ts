/** The state of one client against one limit, as the RateLimit headers tell it. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Milliseconds until the window ends and the count starts again. */
  resetMs: number;
  windowMs: number;
}

interface Window {
  start: number;
  count: number;
}

/**
 * Fixed-window counters per client key, bounded in memory: at `maxKeys` clients the expired windows
 * are swept, and if none expired the oldest client is forgotten (it starts a fresh window), so a
 * flood of distinct addresses costs a bounded map, never unbounded growth.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts one request of `key` and tells whether it is within the limit. */
  hit(key: string, now: number): RateDecision {
    const window = this.current(key, now, true);
    window.count += 1;
    return this.decision(window, now);
  }

  /** The state of `key` without counting a request. */
  peek(key: string, now: number): RateDecision {
    return this.decision(this.current(key, now, false), now);
  }

  get size(): number {
    return this.windows.size;
  }

  private current(key: string, now: number, create: boolean): Window {
    const existing = this.windows.get(key);
    if (existing && now - existing.start < this.windowMs) return existing;
    const fresh = { start: now, count: 0 };
    if (!create) return fresh;
    this.windows.delete(key);
    if (this.windows.size >= this.maxKeys) this.evict(now);
    this.windows.set(key, fresh);
    return fresh;
  }

  private evict(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
    if (this.windows.size < this.maxKeys) return;
    const oldest = this.windows.keys().next();
    if (!oldest.done) this.windows.delete(oldest.value);
  }

  private decision(window: Window, now: number): RateDecision {
    return {
      allowed: window.count <= this.limit,
      limit: this.limit,
      remaining: Math.max(0, this.limit - window.count),
      resetMs: Math.max(0, window.start + this.windowMs - now),
      windowMs: this.windowMs,
    };
  }
}
