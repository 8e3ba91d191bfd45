import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
} from '@nestjs/common';

import { ApiKeyRepository } from '@apiscope/storage';

const FLUSH_EVERY_MS = 30_000;

/**
 * Last use of each key, kept in memory and written in one small insert per flush period rather than
 * one write per request. A crash loses at most one period of "last used" times, never a key.
 */
@Injectable()
export class ApiKeyUsageService implements BeforeApplicationShutdown, OnModuleDestroy {
  private readonly logger = new Logger(ApiKeyUsageService.name);
  private pending = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(@Inject(ApiKeyRepository) private readonly keys: ApiKeyRepository) {
    this.timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  touch(keyId: string, at = Date.now()): void {
    this.pending.set(keyId, Math.max(at, this.pending.get(keyId) ?? 0));
  }

  /** Not yet flushed use of a key, so a list right after a request shows it. */
  pendingUse(keyId: string): number | undefined {
    return this.pending.get(keyId);
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await this.keys.recordUsage([...batch].map(([keyId, lastUsedAt]) => ({ keyId, lastUsedAt })));
    } catch (error) {
      // put them back (newer uses win): a storage hiccup must not lose the times
      for (const [keyId, at] of batch) this.touch(keyId, at);
      this.logger.warn(
        `could not store API key usage: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}
