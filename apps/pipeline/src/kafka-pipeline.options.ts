import { type KafkaSecurityOptions } from '@apiscope/transport';

export interface KafkaPipelineOptions {
  brokers: string[];
  topic: string;
  groupId: string;
  dlqTopic: string;
  security: KafkaSecurityOptions;
  maxBatchEvents?: number;
  /** See KafkaBatchConsumerOptions.crashAfterStoredBatches (tests only). */
  crashAfterStoredBatches?: number;
  /** See KafkaBatchConsumerOptions.crashAtOffset (tests only). */
  crashAtOffset?: { partition: number; offset: string };
  sessionTimeoutMs?: number;
}

export const KAFKA_PIPELINE_OPTIONS = Symbol('KAFKA_PIPELINE_OPTIONS');
