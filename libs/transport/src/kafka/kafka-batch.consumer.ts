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
  /**
   * Fault injection that does not depend on which worker the group gives a partition to: the
   * worker that stores the (first-time, not replayed) batch holding this offset dies by SIGKILL
   * before committing it. Its replay by the next owner does not trigger it again.
   */
  crashAtOffset?: { partition: number; offset: string };
  /**
   * Called when this member (re)joins the group, before any batch of the new assignment: state
   * kept in memory for partitions that another member may have owned meanwhile must be reloaded.
   */
  onAssignment?: () => void;
  /** How long the group waits for a silent member (a killed worker) before handing its partitions over. */
  sessionTimeoutMs?: number;
}

export interface KafkaConsumerStats {
  batches: number;
  events: number;
  refused: number;
  replayedIntents: number;
  /** Times the consumer was started again after kafkajs gave up on it (a non-retriable error). */
  restarts: number;
}

const DECODE_LIMIT = 1024;
/** Back-off before starting a consumer that kafkajs stopped for good, doubling up to the cap. */
const RESTART_FIRST_MS = 500;
const RESTART_MAX_MS = 30_000;

/** kafkajs wraps broker errors (KafkaJSNonRetriableError, retries exceeded): the broker's own is at the bottom. */
function rootCause(error: unknown): unknown {
  let e = error;
  for (let depth = 0; depth < 8 && typeof e === 'object' && e !== null && 'cause' in e && e.cause; depth++)
    e = e.cause;
  return e;
}

/** The group moved on (a member joined or left): kafkajs rejoins on these when they reach it unwrapped. */
function isRebalance(error: unknown): boolean {
  const type = typeof error === 'object' && error !== null && 'type' in error ? error.type : undefined;
  return (
    type === 'REBALANCE_IN_PROGRESS' || type === 'ILLEGAL_GENERATION' || type === 'NOT_COORDINATOR_FOR_GROUP'
  );
}

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
  private readonly counters: KafkaConsumerStats = {
    batches: 0,
    events: 0,
    refused: 0,
    replayedIntents: 0,
    restarts: 0,
  };
  private readonly maxBatch: number;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private restarting: Promise<void> | undefined;
  private restartDelay = RESTART_FIRST_MS;
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
      // An idle fetch long-polls this long, and kafkajs only heartbeats (so only notices a
      // rebalance) and only stops between fetches: the default 5 s made every rebalance and every
      // graceful stop wait for it. Data still comes back as soon as there is any.
      maxWaitTimeInMs: 500,
    });
    this.dlq = options.kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: true,
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, (e) => {
      this.replays.clear();
      this.restartDelay = RESTART_FIRST_MS;
      options.onAssignment?.();
      this.logger.log(`joined group ${options.groupId}: ${JSON.stringify(e.payload.memberAssignment)}`);
    });
    // kafkajs restarts a crashed consumer only after retriable errors; after any other (a broker
    // answering a join with an unexpected error, a commit refused mid-rebalance) it disconnects
    // and leaves the process running idle: a worker that consumes nothing. Start it again.
    this.consumer.on(this.consumer.events.CRASH, (e) => {
      if (e.payload.restart || this.stopping) return;
      const delay = this.restartDelay;
      this.restartDelay = Math.min(RESTART_MAX_MS, delay * 2);
      this.logger.warn(`consumer stopped on ${String(e.payload.error)}; starting it again in ${delay} ms`);
      clearTimeout(this.restartTimer);
      this.restartTimer = setTimeout(() => {
        this.restarting = this.run().then(
          () => {
            this.counters.restarts += 1;
          },
          (error: unknown) => this.logger.error(`consumer restart failed: ${String(error)}`),
        );
      }, delay);
    });
  }

  async start(): Promise<void> {
    await this.dlq.connect();
    await this.run();
  }

  /** Stops fetching, lets the batch in hand finish and commit, then leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    await this.restarting;
    await this.consumer.disconnect();
    await this.dlq.disconnect();
  }

  private async run(): Promise<void> {
    if (this.stopping) return;
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.options.topic, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.eachBatch(payload),
    });
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
      const replaying = replay !== undefined;
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
      if (
        this.counters.batches === this.options.crashAfterStoredBatches ||
        this.crashesAt(partition, take, replaying)
      )
        process.kill(process.pid, 'SIGKILL');
      const lastOffset = take[take.length - 1].offset;
      this.lags.set(key, {
        topic,
        partition,
        lag: Math.max(0, Number(BigInt(batch.highWatermark) - BigInt(lastOffset) - 1n)),
      });
      payload.resolveOffset(lastOffset);
      try {
        await this.consumer.commitOffsets([
          { topic, partition, offset: (BigInt(lastOffset) + 1n).toString() },
        ]);
      } catch (error) {
        // The batch is stored and its intent recorded: whoever owns the partition after the
        // rebalance replays it exactly. Handing kafkajs the broker's error unwrapped makes it rejoin;
        // wrapped, it would stop the consumer for good.
        const cause = rootCause(error);
        if (isRebalance(cause)) throw cause;
        throw error;
      }
      await payload.heartbeat();
      messages = messages.slice(take.length);
    }
  }

  private crashesAt(partition: number, batch: KafkaMessage[], replaying: boolean): boolean {
    const at = this.options.crashAtOffset;
    if (!at || replaying || at.partition !== partition) return false;
    const offset = BigInt(at.offset);
    return BigInt(batch[0].offset) <= offset && offset <= BigInt(batch[batch.length - 1].offset);
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
