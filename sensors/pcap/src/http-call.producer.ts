import { type ApiCall } from '@apiscope/contracts';
import { HttpIngestClient } from '@apiscope/transport';

import { type CallProducer } from './call.producer';

/** Batches to `POST /api/v1/ingest` through HttpIngestClient (retry with back-off, idempotent batches). */
export class HttpCallProducer implements CallProducer {
  private readonly client: HttpIngestClient;
  private batch: ApiCall[] = [];
  private queued = 0;
  private chain: Promise<void> = Promise.resolve();
  private failure: Error | undefined;
  private accepted = 0;
  private rejected = 0;

  constructor(
    private readonly url: string,
    apiKey: string,
  ) {
    this.client = new HttpIngestClient({ url, apiKey, batchSize: 1000 });
  }

  write(ndjson: Buffer, _count: number, written: () => void): void {
    for (let start = 0; start < ndjson.length;) {
      let end = ndjson.indexOf(0x0a, start);
      if (end === -1) end = ndjson.length;
      if (end > start) this.batch.push(JSON.parse(ndjson.toString('utf8', start, end)) as ApiCall);
      if (this.batch.length >= 1000) this.flush();
      start = end + 1;
    }
    written(); // every event was parsed into its own strings
  }

  async ready(): Promise<void> {
    this.rethrow();
    if (this.queued > 5000) await this.chain;
    this.rethrow();
  }

  async close(): Promise<void> {
    this.flush();
    await this.chain;
    this.rethrow();
  }

  /** A batch that failed for good (retries spent, or refused) stops the sensor with its reason. */
  private rethrow(): void {
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
        this.failure = error instanceof Error ? error : new Error(String(error));
      } finally {
        this.queued -= calls.length;
      }
    });
  }
}
