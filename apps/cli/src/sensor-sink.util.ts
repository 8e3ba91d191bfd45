import { type CallSink, HttpSink, NdjsonSink } from '@apiscope/sensor-logs';

import { KafkaCallSink, createKafkaClient, kafkaSecurityFromEnv, parseKafkaUrl } from '@apiscope/transport';

import { UsageException } from './usage.exception';

/**
 * `--sink stdout|http://HOST:PORT|kafka://BROKERS/TOPIC` (DESIGN.md).
 */
export function sinkFromOption(value: string, apiKey: string | undefined): CallSink {
  if (value === 'stdout') return new NdjsonSink(process.stdout);
  if (/^https?:\/\/[^/]+/i.test(value)) {
    if (apiKey === undefined || apiKey.trim() === '') {
      throw new UsageException(
        '--sink http://... needs --api-key KEY (or APISCOPE_API_KEY) with the ingest role',
      );
    }
    return new HttpSink({ url: value, apiKey: apiKey.trim() });
  }
  if (/^kafka:\/\//i.test(value)) {
    let target;
    try {
      target = parseKafkaUrl(value);
    } catch (error) {
      throw new UsageException(`--sink: ${(error as Error).message}`);
    }
    const sink = new KafkaCallSink({
      kafka: createKafkaClient('apiscope-sensor-logs', target.brokers, kafkaSecurityFromEnv()),
      topic: target.topic,
      compression: 'snappy',
    });
    return {
      name: `kafka topic ${target.topic}`,
      send: (calls) => sink.send(calls),
      close: async () => {
        const stats = await sink.close();
        if (stats.dropped > 0)
          process.stderr.write(
            `kafka sink: ${stats.dropped} calls dropped (Kafka unavailable, buffer full)\n`,
          );
      },
    };
  }
  throw new UsageException(
    `--sink must be stdout, http://HOST:PORT or kafka://BROKERS/TOPIC, got "${value}"`,
  );
}
