import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';

import { API_OPTIONS, type ApiOptions } from '../api-options.type';
import { TrackChangesUseCase } from './track-changes.usecase';

export const DEFAULT_CHANGE_INTERVAL_MS = 30_000;

/** Runs the change tracker on a timer; one look at a time, errors logged, never fatal. */
@Injectable()
export class ChangeTrackerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChangeTrackerService.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    @Inject(TrackChangesUseCase) private readonly track: TrackChangesUseCase,
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.options.changeIntervalMs ?? DEFAULT_CHANGE_INTERVAL_MS;
    if (interval <= 0) return;
    this.timer = setInterval(() => void this.lookNow(), interval);
    this.timer.unref();
  }

  /** Also called after start-up inputs are ingested, so the feed does not wait for the timer. */
  lookNow(): Promise<unknown> {
    this.running ??= this.track
      .execute()
      .then((changes) => {
        if (changes.length > 0) this.logger.log(`${changes.length} inventory changes`);
      })
      .catch((error: unknown) => this.logger.warn(`change tracking failed: ${(error as Error).message}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
