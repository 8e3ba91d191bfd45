import type * as HttpSenderModule from './http-batch.sender';
import type * as KafkaSenderModule from './kafka-batch.sender';
import { type BatchSender } from './batch-sender.type';
import { type CallSink } from './pcap-sensor-options.type';

/** `--sink stdout` under `--resume`: a batch counts as delivered once stdout took its bytes. */
class StdoutBatchSender implements BatchSender {
  readonly name = 'stdout';

  send(lines: readonly string[]): Promise<{ accepted: number; rejected: number }> {
    return new Promise((resolve, reject) =>
      process.stdout.write(`${lines.join('\n')}\n`, (error) =>
        error ? reject(error) : resolve({ accepted: lines.length, rejected: 0 }),
      ),
    );
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  describe(accepted: number): string {
    return `${accepted} events written to stdout`;
  }
}

/** Loads a module of this project when first needed (a variable specifier: see apps/cli main.ts). */
const load = <T>(specifier: string) => import(specifier) as Promise<T>;

/** The confirming sender of a sink (HTTP and Kafka modules are loaded only when used). */
export async function createBatchSender(sink: CallSink): Promise<BatchSender> {
  switch (sink.kind) {
    case 'stdout':
      return new StdoutBatchSender();
    case 'http': {
      const { HttpBatchSender } = await load<typeof HttpSenderModule>('./http-batch.sender');
      return new HttpBatchSender(sink.url, sink.apiKey);
    }
    case 'kafka': {
      const { KafkaBatchSender } = await load<typeof KafkaSenderModule>('./kafka-batch.sender');
      return KafkaBatchSender.connect(sink.brokers, sink.topic);
    }
  }
}

/** How a sink is named in a checkpoint (no API key: it may change between runs). */
export function sinkIdentity(sink: CallSink): string {
  switch (sink.kind) {
    case 'stdout':
      return 'stdout';
    case 'http':
      return sink.url.replace(/\/+$/, '').toLowerCase();
    case 'kafka':
      return `kafka://${sink.brokers.join(',')}/${sink.topic}`;
  }
}
