import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';

import { InProcessBus } from '@apiscope/transport';

import { ProcessCallsUseCase } from './process-calls/process-calls.usecase';

/** Thin worker: hands each bus batch to the use case; on shutdown, finishes what is queued. */
@Injectable()
export class BusConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(BusConsumer.name);

  constructor(
    @Inject(InProcessBus) private readonly bus: InProcessBus,
    @Inject(ProcessCallsUseCase) private readonly processCalls: ProcessCallsUseCase,
  ) {}

  onApplicationBootstrap(): void {
    this.bus.subscribe((events) => this.processCalls.execute(events));
  }

  async onModuleDestroy(): Promise<void> {
    const { pendingEvents } = this.bus.stats();
    if (pendingEvents > 0) this.logger.log(`finishing ${pendingEvents} queued events before shutdown`);
    await this.bus.close();
  }
}
