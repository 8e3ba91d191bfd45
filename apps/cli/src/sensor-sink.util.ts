import { type CallSink, HttpSink, NdjsonSink } from '@apiscope/sensor-logs';

import { UsageException } from './usage.exception';

/**
 * `--sink stdout|http://HOST:PORT`. Kafka sinks (`kafka://BROKERS/TOPIC`, DESIGN.md) are not built
 * for the log sensor yet: a clear usage error rather than a silent fallback.
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
    throw new UsageException(
      '--sink kafka://... is not available for sensor logs yet: use stdout or http://HOST:PORT',
    );
  }
  throw new UsageException(`--sink must be stdout or http://HOST:PORT, got "${value}"`);
}
