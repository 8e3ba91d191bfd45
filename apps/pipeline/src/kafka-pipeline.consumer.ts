import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  Optional,
} from '@nestjs/common';

import { ConsumerIntentRepository } from '@apiscope/storage';
import { ApiscopeMetrics } from '@apiscope/telemetry';
import { KafkaBatchConsumer, type KafkaConsumerStats, createKafkaClient } from '@apiscope/transport';

import { KAFKA_PIPELINE_OPTIONS, type KafkaPipelineOptions } from './kafka-pipeline.options';
import { ProcessCallsUseCase } from './process-calls/process-calls.usecase';

/** Distributed mode's worker: a consumer-group member feeding the same use case as embedded mode. */
@Injectable()
export class KafkaPipelineConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(KafkaPipelineConsumer.name);
  private readonly consumer: KafkaBatchConsumer;

  constructor(
    @Inject(KAFKA_PIPELINE_OPTIONS) private readonly options: KafkaPipelineOptions,
    @Inject(ProcessCallsUseCase) processCalls: ProcessCallsUseCase,
    @Inject(ConsumerIntentRepository) intents: ConsumerIntentRepository,
    @Optional() @Inject(ApiscopeMetrics) metrics?: ApiscopeMetrics,
  ) {
    this.consumer = new KafkaBatchConsumer({
      kafka: createKafkaClient(`apiscope-pipeline-${process.pid}`, options.brokers, options.security),
      topic: options.topic,
      groupId: options.groupId,
      dlqTopic: options.dlqTopic,
      handler: (events) => processCalls.execute(events),
      // partitions may come back from another member: what it learnt is in storage, not here
      onAssignment: () => processCalls.forgetLearntState(),
      // intents are written before each batch: an outage must pause the worker there too
      intents: {
        record: (intent) => processCalls.withStorageRetry(() => intents.record(intent)),
        last: (group, topic, partition) =>
          processCalls.withStorageRetry(() => intents.last(group, topic, partition)),
      },
      ...(options.maxBatchEvents !== undefined && { maxBatchEvents: options.maxBatchEvents }),
      ...(options.sessionTimeoutMs !== undefined && { sessionTimeoutMs: options.sessionTimeoutMs }),
      ...(options.crashAfterStoredBatches !== undefined && {
        crashAfterStoredBatches: options.crashAfterStoredBatches,
      }),
      ...(options.crashAtOffset !== undefined && { crashAtOffset: options.crashAtOffset }),
    });
    if (metrics) {
      let counted = { events: 0, refused: 0 };
      metrics.addCollector(() => {
        const s = this.consumer.stats();
        metrics.eventsIn.inc({ stage: 'kafka' }, s.events - counted.events);
        metrics.eventsOut.inc({ stage: 'kafka' }, s.events - s.refused - (counted.events - counted.refused));
        metrics.eventsDropped.inc({ stage: 'kafka', reason: 'contract' }, s.refused - counted.refused);
        counted = { events: s.events, refused: s.refused };
        for (const { topic, partition, lag } of this.consumer.lag())
          metrics.consumerLag.set({ topic, partition: String(partition) }, lag);
      });
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
    this.logger.log(
      `consuming ${this.options.topic} from ${this.options.brokers.join(',')} as group ${this.options.groupId}`,
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer.stop();
    const s = this.consumer.stats();
    this.logger.log(
      `stopped: ${s.events} events in ${s.batches} batches, ${s.refused} refused, ${s.replayedIntents} replays, ${s.restarts} consumer restarts`,
    );
  }

  stats(): KafkaConsumerStats {
    return this.consumer.stats();
  }
}
