import { type Admin, CompressionTypes, type Kafka, Partitioners, type Producer } from 'kafkajs';

import { TransportException, TransportExceptionCode } from '../transport.exception';
import { CONTRACT_HEADER } from './kafka-call.sink';

/** High watermark per partition (`"0": "1234"`), taken just before a batch is produced. */
export type KafkaMark = Record<string, string>;

export interface KafkaKeyedValue {
  key: string;
  /** The event's JSON, exactly as produced: what `landed` looks for. */
  value: string;
}

export interface KafkaAckedSenderOptions {
  kafka: Kafka;
  topic: string;
  /** Produce attempts per batch while Kafka is down (back-off 0.2 s doubling to 10 s). */
  attempts?: number;
  /** Messages `landed` reads at most; past it the batch cannot be checked (the caller sends it again). */
  maxScan?: number;
  /** How long `landed` may read. */
  scanTimeoutMs?: number;
}

/**
 * Produces batches and waits for the brokers' acknowledgement (acks from all in-sync replicas),
 * for senders that checkpoint what Kafka holds (`--resume`). Unlike KafkaCallSink it never drops
 * and never answers before Kafka does. `mark` notes the topic's end before a batch is sent;
 * after a crash, `landed` reads the topic from that mark and says which of the batch's values are
 * already there, so a restarted sender produces only the rest: each event lands once.
 */
export class KafkaAckedSender {
  private constructor(
    private readonly options: KafkaAckedSenderOptions,
    private readonly producer: Producer,
    private readonly admin: Admin,
  ) {}

  static async connect(options: KafkaAckedSenderOptions): Promise<KafkaAckedSender> {
    const producer = options.kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: true,
    });
    const admin = options.kafka.admin();
    try {
      await producer.connect();
      await admin.connect();
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
      throw new TransportException(
        TransportExceptionCode.KAFKA_UNAVAILABLE,
        `Kafka unavailable: ${String(error)}`,
        true,
      );
    }
    return new KafkaAckedSender(options, producer, admin);
  }

  /** The topic's end per partition, before a batch is produced. */
  async mark(): Promise<KafkaMark> {
    const offsets = await this.retry(() => this.admin.fetchTopicOffsets(this.options.topic));
    return Object.fromEntries(offsets.map((o) => [String(o.partition), o.high]));
  }

  async send(messages: readonly KafkaKeyedValue[]): Promise<void> {
    if (messages.length === 0) return;
    await this.retry(() =>
      this.producer.send({
        topic: this.options.topic,
        compression: CompressionTypes.Snappy,
        acks: -1,
        messages: messages.map((m) => ({ ...m, headers: { [CONTRACT_HEADER]: '1' } })),
      }),
    );
  }

  /**
   * Which of `values` the topic holds past `mark`; undefined when that cannot be known within the
   * bounds (more than `maxScan` messages written since, or the read timed out).
   */
  async landed(values: readonly string[], mark: KafkaMark): Promise<Set<string> | undefined> {
    const wanted = new Set(values);
    const now = await this.mark();
    const ranges = new Map<number, { from: number; to: number }>();
    let total = 0;
    for (const [partition, high] of Object.entries(now)) {
      const from = Number(mark[partition] ?? '0');
      const to = Number(high);
      if (to > from) ranges.set(Number(partition), { from, to });
      total += Math.max(0, to - from);
    }
    const found = new Set<string>();
    if (ranges.size === 0) return found;
    if (total > (this.options.maxScan ?? 1_000_000)) return undefined;
    const consumer = this.options.kafka.consumer({
      groupId: `apiscope-resume-check-${process.pid}-${Date.now()}`,
      maxBytesPerPartition: 8 * 1024 * 1024,
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topic: this.options.topic, fromBeginning: false });
      const done = new Promise<void>((resolve) => {
        void consumer.run({
          autoCommit: false,
          eachBatch: ({ batch }) => {
            const range = ranges.get(batch.partition);
            if (range === undefined) return Promise.resolve();
            for (const message of batch.messages) {
              const value = message.value?.toString('utf8');
              if (value !== undefined && wanted.has(value)) found.add(value);
            }
            if (Number(batch.lastOffset()) + 1 >= range.to) ranges.delete(batch.partition);
            if (ranges.size === 0) resolve();
            return Promise.resolve();
          },
        });
        for (const [partition, range] of ranges)
          consumer.seek({ topic: this.options.topic, partition, offset: String(range.from) });
      });
      const timeout = new Promise<'timeout'>((resolve) =>
        setTimeout(() => resolve('timeout'), this.options.scanTimeoutMs ?? 120_000).unref(),
      );
      return (await Promise.race([done, timeout])) === 'timeout' ? undefined : found;
    } finally {
      await consumer.disconnect().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
    await this.admin.disconnect();
  }

  private async retry<T>(work: () => Promise<T>): Promise<T> {
    const attempts = this.options.attempts ?? 10;
    let backoff = 200;
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (attempt >= attempts)
          throw new TransportException(
            TransportExceptionCode.KAFKA_UNAVAILABLE,
            `Kafka did not answer after ${attempts} attempts: ${String(error)}`,
            true,
          );
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }
}
