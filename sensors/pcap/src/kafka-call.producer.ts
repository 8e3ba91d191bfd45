import { type ApiCall } from '@apiscope/contracts';
import { KafkaCallSink, createKafkaClient, kafkaSecurityFromEnv } from '@apiscope/transport';

import { type CallProducer } from './call.producer';

/** Calls buffered towards Kafka past which a file read waits (a live capture cannot wait: it drops). */
const READ_AHEAD = 20_000;

/**
 * `--sink kafka://BROKERS/TOPIC`: the sensor side of distributed mode. Key = service, JSON value,
 * contract header; the sink's bounded buffer counts what it had to drop while Kafka was down.
 */
export class KafkaCallProducer implements CallProducer {
  private constructor(
    private readonly sink: KafkaCallSink,
    private readonly topic: string,
  ) {}

  static async connect(brokers: string[], topic: string): Promise<KafkaCallProducer> {
    const sink = new KafkaCallSink({
      kafka: createKafkaClient('apiscope-sensor-pcap', brokers, kafkaSecurityFromEnv()),
      topic,
      compression: 'snappy',
    });
    await sink.connect();
    return new KafkaCallProducer(sink, topic);
  }

  write(ndjson: Buffer, _count: number, written: () => void): void {
    const calls: ApiCall[] = [];
    for (let start = 0; start < ndjson.length;) {
      let end = ndjson.indexOf(0x0a, start);
      if (end === -1) end = ndjson.length;
      if (end > start) calls.push(JSON.parse(ndjson.toString('utf8', start, end)) as ApiCall);
      start = end + 1;
    }
    written(); // every event was parsed into its own strings
    void this.sink.send(calls);
  }

  async ready(): Promise<void> {
    while (this.sink.stats().buffered > READ_AHEAD) await new Promise((r) => setTimeout(r, 20));
  }

  async close(): Promise<void> {
    await this.sink.close();
  }

  describe(): string {
    const s = this.sink.stats();
    return `${s.sent} events sent to Kafka topic ${this.topic}${s.dropped > 0 ? `, ${s.dropped} dropped (Kafka unavailable, buffer full)` : ''}`;
  }
}
