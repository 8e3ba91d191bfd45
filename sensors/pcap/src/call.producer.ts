import { type ApiCall } from '@apiscope/contracts';
import { HttpIngestClient } from '@apiscope/transport';

import { type CallSink } from './pcap-sensor-options.type';

/** Receives events as NDJSON text (many lines at once: the workers batch them). */
export interface CallProducer {
  write(ndjson: string, count: number): void;
  /** Resolves when the producer can take more (back-pressure for the reader). */
  ready(): Promise<void>;
  close(): Promise<void>;
  /** One line for the summary: what the sink did with the events. */
  describe(): string;
}

class StdoutCallProducer implements CallProducer {
  private lines = 0;
  private drained: Promise<void> | undefined;

  write(ndjson: string, count: number): void {
    this.lines += count;
    if (!process.stdout.write(ndjson) && this.drained === undefined)
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

/** Batches to `POST /api/v1/ingest` through HttpIngestClient (retry with back-off, idempotent batches). */
class HttpCallProducer implements CallProducer {
  private readonly client: HttpIngestClient;
  private batch: ApiCall[] = [];
  private queued = 0;
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown;
  private accepted = 0;
  private rejected = 0;

  constructor(
    private readonly url: string,
    apiKey: string,
  ) {
    this.client = new HttpIngestClient({ url, apiKey, batchSize: 1000 });
  }

  write(ndjson: string): void {
    for (const line of ndjson.split('\n')) {
      if (line === '') continue;
      this.batch.push(JSON.parse(line) as ApiCall);
      if (this.batch.length >= 1000) this.flush();
    }
  }

  async ready(): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    if (this.queued > 5000) await this.chain;
    if (this.failure !== undefined) throw this.failure;
  }

  async close(): Promise<void> {
    this.flush();
    await this.chain;
    if (this.failure !== undefined) throw this.failure;
  }

  describe(): string {
    return `${this.accepted} events accepted by ${this.url}, ${this.rejected} refused`;
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    const calls = this.batch;
    this.batch = [];
    this.queued += calls.length;
    this.chain = this.chain.then(async () => {
      if (this.failure !== undefined) return;
      try {
        const outcome = await this.client.send(calls);
        this.accepted += outcome.accepted;
        this.rejected += outcome.rejected;
      } catch (error) {
        this.failure = error;
      } finally {
        this.queued -= calls.length;
      }
    });
  }
}

export function createCallProducer(sink: CallSink): CallProducer {
  return sink.kind === 'stdout' ? new StdoutCallProducer() : new HttpCallProducer(sink.url, sink.apiKey);
}
