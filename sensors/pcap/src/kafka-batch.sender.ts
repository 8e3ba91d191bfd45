import { type ApiCall } from '@apiscope/contracts';
import { serviceNameOf } from '@apiscope/inference';
import { KafkaAckedSender, createKafkaClient, kafkaSecurityFromEnv } from '@apiscope/transport';

import { type BatchOutcome, type BatchSender, type SinkMark } from './batch-sender.type';

/**
 * `--sink kafka://` under `--resume`: each batch is produced and acknowledged before the next (key =
 * service, as KafkaCallSink does), never dropped: a batch Kafka does not take after its retries
 * stops the sensor, the checkpoint at the last acknowledged batch. Kafka cannot drop a repeated
 * batch, so the topic's end is marked before each one and a restart reads from there which events
 * of the unconfirmed batch landed, and produces only the others.
 */
export class KafkaBatchSender implements BatchSender {
  readonly name: string;
  private note = '';

  private constructor(
    private readonly sender: KafkaAckedSender,
    private readonly topic: string,
    brokers: readonly string[],
  ) {
    this.name = `kafka://${brokers.join(',')}/${topic}`;
  }

  static async connect(brokers: string[], topic: string): Promise<KafkaBatchSender> {
    const kafka = createKafkaClient('apiscope-sensor-pcap', brokers, kafkaSecurityFromEnv());
    return new KafkaBatchSender(await KafkaAckedSender.connect({ kafka, topic }), topic, brokers);
  }

  mark(): Promise<SinkMark> {
    return this.sender.mark();
  }

  async missing(lines: readonly string[], mark: SinkMark): Promise<string[]> {
    const landed = await this.sender.landed(lines, mark);
    if (landed === undefined) {
      this.note = `; the unconfirmed batch of ${lines.length} could not be checked against the topic (too much written since, or no answer) and was sent again whole: its events may be there twice`;
      return [...lines];
    }
    this.note = `; ${landed.size} of the ${lines.length} events of the unconfirmed batch were found in the topic, the rest sent`;
    return lines.filter((line) => !landed.has(line));
  }

  async send(lines: readonly string[]): Promise<BatchOutcome> {
    await this.sender.send(
      lines.map((value) => ({ key: serviceNameOf(JSON.parse(value) as ApiCall), value })),
    );
    return { accepted: lines.length, rejected: 0 };
  }

  close(): Promise<void> {
    return this.sender.close();
  }

  describe(accepted: number): string {
    return `${accepted} events sent to Kafka topic ${this.topic}${this.note}`;
  }
}
