import { TransportException, TransportExceptionCode } from '../transport.exception';

export interface KafkaTarget {
  brokers: string[];
  topic: string;
}

export const DEFAULT_CALLS_TOPIC = 'apiscope.calls.v1';
export const DEFAULT_DLQ_TOPIC = 'apiscope.calls.dlq.v1';

const BROKER = /^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9A-Fa-f:.]+\]:\d{1,5}$/;
const TOPIC = /^[A-Za-z0-9._-]{1,249}$/;

/** `kafka://b1:9092,b2:9092/apiscope.calls.v1` (topic optional, defaults to apiscope.calls.v1). */
export function parseKafkaUrl(url: string): KafkaTarget {
  const m = /^kafka:\/\/([^/]+)(?:\/([^/?#]*))?$/.exec(url.trim());
  const bad = (why: string) =>
    new TransportException(
      TransportExceptionCode.INVALID_TARGET,
      `invalid Kafka URL "${url}": ${why}`,
      false,
    );
  if (!m) throw bad('expected kafka://BROKER[,BROKER...]/TOPIC');
  const brokers = m[1].split(',').filter(Boolean);
  if (brokers.length === 0 || !brokers.every((b) => BROKER.test(b)))
    throw bad('brokers must be host:port, comma-separated');
  const topic = m[2] === undefined || m[2] === '' ? DEFAULT_CALLS_TOPIC : decodeURIComponent(m[2]);
  if (!TOPIC.test(topic)) throw bad('topic names use letters, digits, ".", "_" and "-"');
  return { brokers, topic };
}
