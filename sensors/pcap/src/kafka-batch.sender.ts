import { CompressionTypes, Partitioners, type Producer } from 'kafkajs';

import { type ApiCall } from '@apiscope/contracts';
import { serviceNameOf } from '@apiscope/inference';
import { CONTRACT_HEADER, createKafkaClient, kafkaSecurityFromEnv } from '@apiscope/transport';

import { type BatchOutcome, type BatchSender } from './batch-sender.type';
import { PcapSensorException, PcapSensorExceptionCode } from './pcap-sensor.exception';

/** Attempts per batch while Kafka is down (back-off 0.2 s doubling to 10 s: about a minute). */
const ATTEMPTS = 10;

/**
 * `--sink kafka://` under `--resume`: each batch is produced and awaited (acks from all in-sync
 * replicas), with the key and header of KafkaCallSink (key = service). Unlike that sink it never
 * drops: a batch Kafka does not take after its retries stops the sensor, and the checkpoint stays
 * at the last acknowledged batch.
 */
export class KafkaBatchSender implements BatchSender {
  readonly name: string;

  private constructor(
    private readonly producer: Producer,
    private readonly topic: string,
    brokers: readonly string[],
  ) {
    this.name = `kafka://${brokers.join(',')}/${topic}`;
  }

  static async connect(brokers: string[], topic: string): Promise<KafkaBatchSender> {
    const kafka = createKafkaClient('apiscope-sensor-pcap', brokers, kafkaSecurityFromEnv());
    const producer = kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: true,
    });
    await producer.connect();
    return new KafkaBatchSender(producer, topic, brokers);
  }

  async send(lines: readonly string[]): Promise<BatchOutcome> {
    const messages = lines.map((line) => ({
      key: serviceNameOf(JSON.parse(line) as ApiCall),
      value: line,
      headers: { [CONTRACT_HEADER]: '1' },
    }));
    let backoff = 200;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.producer.send({
          topic: this.topic,
          compression: CompressionTypes.Snappy,
          acks: -1,
          messages,
        });
        return { accepted: lines.length, rejected: 0 };
      } catch (error) {
        if (attempt >= ATTEMPTS)
          throw new PcapSensorException(
            PcapSensorExceptionCode.SINK_FAILED,
            `Kafka did not take a batch after ${ATTEMPTS} attempts: ${String(error)}`,
          );
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }

  describe(accepted: number): string {
    return `${accepted} events sent to Kafka topic ${this.topic}`;
  }
}
