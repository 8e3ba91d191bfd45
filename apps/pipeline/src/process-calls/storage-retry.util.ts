import { StorageException, StorageExceptionCode } from '@apiscope/storage';

export interface StorageRetryPolicy {
  /** First pause after a failure; doubles on each failure up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * Attempts for errors that say nothing about reachability (a refused query): a poison batch must
   * not block the pipeline for ever. Unreachable storage and timeouts are retried until it returns or
   * the process stops: the bounded bus (or Kafka itself) holds what arrives meanwhile.
   */
  maxAttemptsOnOtherErrors: number;
}

export const DEFAULT_STORAGE_RETRY: StorageRetryPolicy = {
  baseDelayMs: 100,
  maxDelayMs: 5000,
  maxAttemptsOnOtherErrors: 3,
};

export interface RetryHooks {
  failed(error: unknown, attempt: number): void;
  retrying(delayMs: number): void;
  succeeded(): void;
  stopping(): boolean;
}

function retriesForever(error: unknown): boolean {
  return (
    error instanceof StorageException &&
    (error.code === StorageExceptionCode.UNREACHABLE || error.code === StorageExceptionCode.TIMEOUT)
  );
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Runs `write` until it succeeds, with exponential back-off and jitter (so several workers do not
 * hammer a recovering server in step). `write` must be idempotent: the writes of the pipeline carry
 * a deduplication token, so a half-applied attempt and its retry store the data once.
 */
export async function retryStorage<T>(
  write: () => Promise<T>,
  hooks: RetryHooks,
  policy: StorageRetryPolicy = DEFAULT_STORAGE_RETRY,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await write();
      hooks.succeeded();
      return result;
    } catch (error) {
      hooks.failed(error, attempt);
      const giveUp = !retriesForever(error) && attempt >= policy.maxAttemptsOnOtherErrors;
      if (giveUp || hooks.stopping()) throw error;
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt - 1, 20));
      const delay = Math.round(ceiling * (0.5 + Math.random() / 2));
      hooks.retrying(delay);
      await sleep(delay);
    }
  }
}
