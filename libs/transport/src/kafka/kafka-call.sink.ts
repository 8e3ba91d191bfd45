import { Logger } from '@nestjs/common';
import { CompressionTypes, type Kafka, type Message, Partitioners, type Producer } from 'kafkajs';

import { type ApiCall } from '@apiscope/contracts';
import { serviceNameOf } from '@apiscope/inference';

import { type PublishOutcome } from '../bus.type';
import { TransportException, TransportExceptionCode } from '../transport.exception';

export type KafkaCompression = 'gzip' | 'snappy' | 'none';

export interface KafkaCallSinkOptions {
  kafka: Kafka;
  topic: string;
  compression?: KafkaCompression;
  /** Calls held locally while Kafka is slow or down; past it the oldest are dropped and counted. */
  maxBufferedCalls?: number;
  /** Messages per produce request. */
  batchSize?: number;
  /** Idempotent producer (broker-side dedup of retried sends); on by default. */
  idempotent?: boolean;
}

export interface KafkaSinkStats {
  sent: number;
  buffered: number;
  /** Calls dropped because the local buffer was full while Kafka was unavailable. */
  dropped: number;
  failedSends: number;
}

/** Header naming the contract version of the JSON value (a breaking change gets a new topic). */
export const CONTRACT_HEADER = 'apiscope-contract';

const CODEC: Record<KafkaCompression, CompressionTypes> = {
  gzip: CompressionTypes.GZIP,
  snappy: CompressionTypes.Snappy,
  none: CompressionTypes.None,
};

/**
 * Sensor-side Kafka sink. Key = service, so all calls of a service land in one partition and one
 * pipeline worker holds its templating state. `send` only enqueues; a single flusher produces in
 * batches, retrying with back-off while Kafka is down, within a bounded buffer.
 */
export class KafkaCallSink {
  private readonly logger = new Logger(KafkaCallSink.name);
  private readonly buffer: Message[] = [];
  private readonly counters = { sent: 0, dropped: 0, failedSends: 0 };
  private producer: Producer | undefined;
  private flushing: Promise<void> | undefined;
  private closed = false;
  private readonly maxBuffered: number;
  private readonly batchSize: number;

  constructor(private readonly options: KafkaCallSinkOptions) {
    this.maxBuffered = options.maxBufferedCalls ?? 100_000;
    this.batchSize = options.batchSize ?? 1000;
  }

  async connect(): Promise<void> {
    const idempotent = this.options.idempotent ?? true;
    try {
      this.producer = await this.connectProducer(idempotent);
    } catch (error) {
      // librdkafka's mock cluster (and some proxies) report no usable controller, which the
      // idempotent producer needs to get its producer id: fall back loudly rather than not at all.
      if (!idempotent || !/Broker \d+ not found|controller/i.test(String(error)))
        throw this.unavailable(error);
      this.logger.warn(
        'Kafka reported no usable controller: idempotent producer disabled (retries may duplicate messages)',
      );
      this.producer = await this.connectProducer(false).catch((e: unknown) => {
        throw this.unavailable(e);
      });
    }
  }

  /** Enqueues calls; resolves at once (connecting in the background if `connect` was not awaited). Never blocks the sensor on a slow or absent Kafka. */
  send(calls: readonly ApiCall[]): Promise<PublishOutcome> {
    if (this.closed)
      return Promise.reject(
        new TransportException(TransportExceptionCode.BUS_CLOSED, 'Kafka sink is closed', false),
      );
    for (const call of calls)
      this.buffer.push({
        key: serviceNameOf(call),
        value: JSON.stringify(call),
        headers: { [CONTRACT_HEADER]: '1' },
      });
    this.trimOverflow();
    this.kick();
    return Promise.resolve({ accepted: calls.length, rejected: 0, rejections: [] });
  }

  stats(): KafkaSinkStats {
    return { ...this.counters, buffered: this.buffer.length };
  }

  /** Sends what is buffered (retrying up to `deadlineMs`), then disconnects; returns the final counts. */
  async close(deadlineMs = 30_000): Promise<KafkaSinkStats> {
    this.closed = true;
    const until = Date.now() + deadlineMs;
    const withinDeadline = async (work: Promise<void> | undefined) => {
      const left = until - Date.now();
      if (work === undefined || left <= 0) return;
      await Promise.race([work, new Promise((r) => setTimeout(r, left).unref())]);
    };
    // a batch may be in flight (out of the buffer): let it land first
    await withinDeadline(this.flushing);
    while (this.buffer.length > 0 && Date.now() < until) {
      this.kick();
      await withinDeadline(this.flushing);
      if (this.buffer.length > 0) await withinDeadline(new Promise((r) => setTimeout(r, 500)));
    }
    if (this.buffer.length > 0) {
      this.counters.dropped += this.buffer.length;
      this.buffer.length = 0;
    }
    await this.producer?.disconnect();
    return this.stats();
  }

  private kick(): void {
    if (this.flushing) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = undefined;
      if (this.buffer.length > 0 && !this.closed) setTimeout(() => this.kick(), 0);
    });
  }

  private async flush(): Promise<void> {
    let backoff = 200;
    while (this.buffer.length > 0) {
      if (!this.producer) {
        // not connected yet (Kafka was down at start): keep buffering and keep trying
        try {
          await this.connect();
        } catch (error) {
          this.counters.failedSends += 1;
          this.logger.warn(
            `Kafka unavailable (${this.buffer.length} calls buffered, ${this.counters.dropped} dropped so far): ${String(error)}`,
          );
          if (this.closed) return;
          await new Promise((r) => setTimeout(r, backoff));
          backoff = Math.min(backoff * 2, 10_000);
          continue;
        }
      }
      const producer = this.producer as Producer;
      // in flight, the batch is out of the buffer, so overflow trimming never touches it
      const messages = this.buffer.splice(0, this.batchSize);
      try {
        await producer.send({
          topic: this.options.topic,
          compression: CODEC[this.options.compression ?? 'gzip'],
          messages,
        });
        this.counters.sent += messages.length;
        backoff = 200;
      } catch (error) {
        this.buffer.unshift(...messages);
        this.trimOverflow();
        this.counters.failedSends += 1;
        this.logger.warn(
          `produce failed (${this.buffer.length} calls buffered, ${this.counters.dropped} dropped so far): ${String(error)}`,
        );
        if (this.closed) return;
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  /** Drops the oldest buffered calls past the bound, counting them. */
  private trimOverflow(): void {
    const overflow = this.buffer.length - this.maxBuffered;
    if (overflow > 0) {
      this.buffer.splice(0, overflow);
      this.counters.dropped += overflow;
    }
  }

  private async connectProducer(idempotent: boolean): Promise<Producer> {
    // the default (Java-compatible murmur2) partitioner, named so kafkajs does not warn about it
    const producer = this.options.kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      idempotent,
      ...(idempotent && { maxInFlightRequests: 1 }),
      allowAutoTopicCreation: true,
    });
    try {
      await producer.connect();
    } catch (error) {
      // a half-connected producer keeps sockets and timers alive: release them before giving up
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
    return producer;
  }

  private unavailable(error: unknown): TransportException {
    return new TransportException(
      TransportExceptionCode.KAFKA_UNAVAILABLE,
      `cannot connect to Kafka: ${String(error)}`,
      true,
      { cause: error },
    );
  }
}
