import type * as HttpProducerModule from './http-call.producer';
import type * as KafkaProducerModule from './kafka-call.producer';
import { type CallSink } from './pcap-sensor-options.type';

/** Receives events as NDJSON bytes (many lines at once: the workers batch them). */
export interface CallProducer {
  /**
   * `written` is called once the bytes are no longer needed: the sensor reuses their memory.
   * `shard` is the worker that produced them (the `--resume` producer counts events per shard).
   */
  write(ndjson: Buffer, count: number, written: () => void, shard?: number): void;
  /** Resolves when the producer can take more (back-pressure for the reader). */
  ready(): Promise<void>;
  close(): Promise<void>;
  /** One line for the summary: what the sink did with the events. */
  describe(): string;
}

class StdoutCallProducer implements CallProducer {
  private lines = 0;
  private drained: Promise<void> | undefined;

  write(ndjson: Buffer, count: number, written: () => void): void {
    this.lines += count;
    if (!process.stdout.write(ndjson, () => written()) && this.drained === undefined)
      this.drained = new Promise<void>((resolve) => process.stdout.once('drain', () => resolve())).then(
        () => {
          this.drained = undefined;
        },
      );
  }

  ready(): Promise<void> {
    return this.drained ?? Promise.resolve();
  }

  async close(): Promise<void> {
    await this.ready();
  }

  describe(): string {
    return `${this.lines} events written to stdout`;
  }
}

/** Loads a module of this project when first needed (a variable specifier: see apps/cli main.ts). */
const load = <T>(specifier: string) => import(specifier) as Promise<T>;

/** The HTTP sink (and with it the transport library and Nest) is loaded only when it is used. */
export async function createCallProducer(sink: CallSink): Promise<CallProducer> {
  if (sink.kind === 'stdout') return new StdoutCallProducer();
  if (sink.kind === 'kafka') {
    const { KafkaCallProducer } = await load<typeof KafkaProducerModule>('./kafka-call.producer');
    return KafkaCallProducer.connect(sink.brokers, sink.topic);
  }
  const { HttpCallProducer } = await load<typeof HttpProducerModule>('./http-call.producer');
  return new HttpCallProducer(sink.url, sink.apiKey);
}
