import { join } from 'node:path';

import {
  AckedKafkaSink,
  type CallSink,
  HttpSink,
  LOG_KAFKA_MARK_FILE,
  NdjsonSink,
} from '@apiscope/sensor-logs';

import {
  KafkaAckedSender,
  KafkaCallSink,
  createKafkaClient,
  kafkaSecurityFromEnv,
  parseKafkaUrl,
} from '@apiscope/transport';

import { UsageException } from './usage.exception';

/**
 * `--sink stdout|http://HOST:PORT|kafka://BROKERS/TOPIC` (DESIGN.md).
 */
/** Where a sensor keeping offsets (`--follow`, `--resume`) keeps them, and how it warns. */
export interface OffsetsKept {
  dataDir: string;
  warn: (line: string) => void;
}

/**
 * A Kafka sink that answers once Kafka acknowledged the batch (and knows after a crash which of
 * the unsaved batch's events landed): offsets must not run ahead of what Kafka holds.
 */
function ackedKafkaSink(brokers: string[], topic: string, offsets: OffsetsKept): CallSink {
  let sink: Promise<AckedKafkaSink> | undefined;
  const connected = () =>
    (sink ??= KafkaAckedSender.connect({
      kafka: createKafkaClient('apiscope-sensor-logs', brokers, kafkaSecurityFromEnv()),
      topic,
    }).then(
      (sender) => new AckedKafkaSink(sender, topic, join(offsets.dataDir, LOG_KAFKA_MARK_FILE), offsets.warn),
    ));
  return {
    name: `kafka topic ${topic}`,
    send: async (calls) => (await connected()).send(calls),
    close: async () => {
      if (sink !== undefined) await (await sink).close();
    },
  };
}

export function sinkFromOption(value: string, apiKey: string | undefined, offsets?: OffsetsKept): CallSink {
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
    if (offsets !== undefined) return ackedKafkaSink(target.brokers, target.topic, offsets);
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
