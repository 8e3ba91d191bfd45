/** What /healthz and the metrics say about the write path. */
export interface StorageHealthState {
  degraded: boolean;
  /** The last storage error while degraded, credentials never included (messages come from StorageException). */
  reason: string | null;
  since: number | null;
  retries: number;
}

/**
 * The pipeline's view of storage: degraded from the first failed batch until a batch is stored
 * again. A ping can succeed while inserts fail (a full disk, a read-only replica), so /healthz
 * needs this besides its own ping.
 */
export class StorageHealthService {
  private state: StorageHealthState = { degraded: false, reason: null, since: null, retries: 0 };

  failed(reason: string): void {
    this.state = {
      degraded: true,
      reason: reason.split('\n')[0].slice(0, 300),
      since: this.state.since ?? Date.now(),
      retries: this.state.retries + 1,
    };
  }

  recovered(): void {
    if (this.state.degraded) this.state = { degraded: false, reason: null, since: null, retries: 0 };
  }

  current(): StorageHealthState {
    return { ...this.state };
  }
}
