import { type ApiCall } from '@apiscope/contracts';
import { HttpIngestClient } from '@apiscope/transport';

import { type BatchOutcome, type BatchSender } from './batch-sender.type';

/**
 * `--sink http://` under `--resume`: one batch is one `POST /api/v1/ingest` (the API answers once
 * it is stored). Sent again after a crash, the same request carries the same calls in the same
 * order, so the pipeline's batch deduplication token stores it once.
 */
export class HttpBatchSender implements BatchSender {
  readonly name: string;
  private readonly client: HttpIngestClient;

  constructor(url: string, apiKey: string) {
    this.name = url;
    this.client = new HttpIngestClient({ url, apiKey, batchSize: 5000 });
  }

  async send(lines: readonly string[]): Promise<BatchOutcome> {
    const outcome = await this.client.send(lines.map((line) => JSON.parse(line) as ApiCall));
    return { accepted: outcome.accepted, rejected: outcome.rejected };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  describe(accepted: number, rejected: number): string {
    return `${accepted} events accepted by ${this.name}, ${rejected} refused`;
  }
}
