import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';

import { ConsumerIntentRepository } from '@apiscope/storage';
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
  ) {
    this.consumer = new KafkaBatchConsumer({
      kafka: createKafkaClient(`apiscope-pipeline-${process.pid}`, options.brokers, options.security),
      topic: options.topic,
      groupId: options.groupId,
      dlqTopic: options.dlqTopic,
      handler: (events) => processCalls.execute(events),
      // partitions may come back from another member: what it learnt is in storage, not here
      onAssignment: () => processCalls.forgetLearntState(),
      intents,
      ...(options.maxBatchEvents !== undefined && { maxBatchEvents: options.maxBatchEvents }),
      ...(options.sessionTimeoutMs !== undefined && { sessionTimeoutMs: options.sessionTimeoutMs }),
      ...(options.crashAfterStoredBatches !== undefined && {
        crashAfterStoredBatches: options.crashAfterStoredBatches,
      }),
      ...(options.crashAtOffset !== undefined && { crashAtOffset: options.crashAtOffset }),
    });
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
