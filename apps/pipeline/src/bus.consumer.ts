import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  Optional,
} from '@nestjs/common';

import { ApiscopeMetrics } from '@apiscope/telemetry';
import { InProcessBus } from '@apiscope/transport';

import { ProcessCallsUseCase } from './process-calls/process-calls.usecase';

/** Thin worker: hands each bus batch to the use case; on shutdown, finishes what is queued. */
@Injectable()
export class BusConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(BusConsumer.name);

  constructor(
    @Inject(InProcessBus) private readonly bus: InProcessBus,
    @Inject(ProcessCallsUseCase) private readonly processCalls: ProcessCallsUseCase,
    @Optional() @Inject(ApiscopeMetrics) metrics?: ApiscopeMetrics,
  ) {
    if (metrics) {
      let counted = { published: 0, processed: 0, refused: 0, failed: 0 };
      metrics.addCollector(() => {
        const s = bus.stats();
        metrics.bufferEvents.set({ buffer: 'bus' }, s.pendingEvents);
        metrics.bufferCapacity.set({ buffer: 'bus' }, bus.capacity);
        // the bus keeps totals; the counters move by what changed since the last scrape
        metrics.eventsIn.inc({ stage: 'bus' }, s.publishedEvents - counted.published);
        metrics.eventsOut.inc({ stage: 'bus' }, s.processedEvents - counted.processed);
        metrics.eventsDropped.inc({ stage: 'bus', reason: 'storage' }, s.failedEvents - counted.failed);
        metrics.eventsDropped.inc({ stage: 'bus', reason: 'overloaded' }, s.refusedEvents - counted.refused);
        counted = {
          published: s.publishedEvents,
          processed: s.processedEvents,
          refused: s.refusedEvents,
          failed: s.failedEvents,
        };
      });
    }
  }

  onApplicationBootstrap(): void {
    this.bus.subscribe((events) => this.processCalls.execute(events));
  }

  async onModuleDestroy(): Promise<void> {
    const { pendingEvents } = this.bus.stats();
    if (pendingEvents > 0) this.logger.log(`finishing ${pendingEvents} queued events before shutdown`);
    await this.bus.close();
  }
}
