import { Logger } from '@nestjs/common';
import {
  type Consumer,
  type EachBatchPayload,
  type Kafka,
  type KafkaMessage,
  Partitioners,
  type Producer,
} from 'kafkajs';

import { type BatchHandler, type BusEvent } from '../bus.type';
import { type BatchIntent, type BatchIntentStore } from './batch-intent.type';
import { CONTRACT_HEADER } from './kafka-call.sink';

export interface KafkaBatchConsumerOptions {
  kafka: Kafka;
  topic: string;
  groupId: string;
  dlqTopic: string;
  handler: BatchHandler;
  intents: BatchIntentStore;
  /** Largest batch handed to the handler (one ClickHouse insert per table). */
  maxBatchEvents?: number;
  /**
   * Fault injection for the crash tests: after this many batches are stored, and before their
   * offsets are committed, the process kills itself with SIGKILL (the worst moment to die).
   */
  crashAfterStoredBatches?: number;
  /** How long the group waits for a silent member (a killed worker) before handing its partitions over. */
  sessionTimeoutMs?: number;
}

export interface KafkaConsumerStats {
  batches: number;
  events: number;
  refused: number;
  replayedIntents: number;
}

const DECODE_LIMIT = 1024;

function decode(message: KafkaMessage, source: string): BusEvent {
  const contract = message.headers?.[CONTRACT_HEADER]?.toString();
  const text = message.value?.toString('utf8') ?? '';
  if (contract !== undefined && contract !== '1')
    return { payload: `unsupported ${CONTRACT_HEADER} header ${contract.slice(0, 16)}`, source };
  try {
    return { payload: JSON.parse(text) as unknown, source };
  } catch {
    // handed on as a string: the pipeline refuses it with a reason and dead-letters an excerpt
    return { payload: `not JSON: ${text.slice(0, DECODE_LIMIT)}`, source };
  }
}

/**
 * Consumer-group worker of distributed mode. Per partition: record the intent, store the batch
 * through the handler, then commit its offsets (at-least-once); a replay after a crash repeats the
 * recorded range exactly, so the storage's deduplication makes it harmless. Refused events also go
 * to the dead-letter topic with their reason.
 */
export class KafkaBatchConsumer {
  private readonly logger = new Logger(KafkaBatchConsumer.name);
  private readonly consumer: Consumer;
  private readonly dlq: Producer;
  /** Per partition since the last group join: the recorded range still to replay, or null. */
  private readonly replays = new Map<string, BatchIntent | null>();
  private readonly counters: KafkaConsumerStats = { batches: 0, events: 0, refused: 0, replayedIntents: 0 };
  private readonly maxBatch: number;
  /** Per partition: messages behind the high watermark after the last stored batch (the metrics read it). */
  private readonly lags = new Map<string, { topic: string; partition: number; lag: number }>();

  constructor(private readonly options: KafkaBatchConsumerOptions) {
    this.maxBatch = options.maxBatchEvents ?? 5000;
    const sessionTimeout = options.sessionTimeoutMs ?? 30_000;
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout,
      heartbeatInterval: Math.max(500, Math.floor(sessionTimeout / 10)),
      maxBytesPerPartition: 4 * 1024 * 1024,
    });
    this.dlq = options.kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: true,
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, (e) => {
      this.replays.clear();
      this.logger.log(`joined group ${options.groupId}: ${JSON.stringify(e.payload.memberAssignment)}`);
    });
  }

  async start(): Promise<void> {
    await this.dlq.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.options.topic, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.eachBatch(payload),
    });
  }

  /** Stops fetching, lets the batch in hand finish and commit, then leaves the group. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.dlq.disconnect();
  }

  stats(): KafkaConsumerStats {
    return { ...this.counters };
  }

  /** Consumer lag per assigned partition, as of each partition's last stored batch. */
  lag(): Array<{ topic: string; partition: number; lag: number }> {
    return [...this.lags.values()];
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const { topic, partition } = batch;
    let messages = batch.messages;
    const key = `${topic}/${partition}`;
    let replay = await this.pendingReplay(topic, partition, messages[0]?.offset);
    while (messages.length > 0 && payload.isRunning() && !payload.isStale()) {
      let take: KafkaMessage[];
      if (replay) {
        const last = BigInt(replay.lastOffset);
        take = messages.filter((m) => BigInt(m.offset) <= last);
        // the fetch ended inside the recorded range: wait for a fetch that holds it all
        if (take.length === 0 || BigInt(take[take.length - 1].offset) < last) return;
        this.counters.replayedIntents += 1;
        this.replays.set(key, null);
        replay = undefined;
      } else {
        take = messages.slice(0, this.maxBatch);
        await this.options.intents.record(this.intentOf(topic, partition, take));
      }
      await this.process(topic, partition, take);
      if (this.counters.batches === this.options.crashAfterStoredBatches)
        process.kill(process.pid, 'SIGKILL');
      const lastOffset = take[take.length - 1].offset;
      this.lags.set(key, {
        topic,
        partition,
        lag: Math.max(0, Number(BigInt(batch.highWatermark) - BigInt(lastOffset) - 1n)),
      });
      payload.resolveOffset(lastOffset);
      await this.consumer.commitOffsets([{ topic, partition, offset: (BigInt(lastOffset) + 1n).toString() }]);
      await payload.heartbeat();
      messages = messages.slice(take.length);
    }
  }

  private async process(topic: string, partition: number, messages: KafkaMessage[]): Promise<void> {
    const source = `kafka:${topic}/${partition}`;
    const events = messages.map((m) => decode(m, source));
    const verdicts = await this.options.handler(events);
    const refused = verdicts.flatMap((reason, i) =>
      reason === null ? [] : [{ reason, message: messages[i] }],
    );
    if (refused.length > 0) {
      await this.dlq.send({
        topic: this.options.dlqTopic,
        messages: refused.map(({ reason, message }) => ({
          key: message.key,
          value: message.value,
          headers: {
            'apiscope-dlq-reason': reason.slice(0, 1024),
            'apiscope-source': `${topic}/${partition}@${message.offset}`,
          },
        })),
      });
    }
    this.counters.batches += 1;
    this.counters.events += messages.length;
    this.counters.refused += refused.length;
  }

  /** The recorded range to replay first, when this partition's committed position is its start. */
  private async pendingReplay(
    topic: string,
    partition: number,
    firstOffset: string | undefined,
  ): Promise<BatchIntent | undefined> {
    const key = `${topic}/${partition}`;
    if (firstOffset === undefined) return undefined;
    if (!this.replays.has(key)) {
      const intent = await this.options.intents.last(this.options.groupId, topic, partition);
      const replay = intent && intent.firstOffset === firstOffset ? intent : null;
      if (replay)
        this.logger.log(
          `partition ${key}: replaying uncommitted batch ${replay.firstOffset}..${replay.lastOffset} exactly`,
        );
      this.replays.set(key, replay);
    }
    return this.replays.get(key) ?? undefined;
  }

  private intentOf(topic: string, partition: number, messages: KafkaMessage[]): BatchIntent {
    return {
      group: this.options.groupId,
      topic,
      partition,
      firstOffset: messages[0].offset,
      lastOffset: messages[messages.length - 1].offset,
    };
  }
}
