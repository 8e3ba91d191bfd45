import { type ApiCall } from '@apiscope/contracts';
import { HttpIngestClient, type HttpIngestClientOptions, type PublishOutcome } from '@apiscope/transport';

import { type CallSink } from './call-sink.type';

/** `--sink http://HOST:PORT`: POST /api/v1/ingest of a running apiscope, retried, idempotent per batch. */
export class HttpSink implements CallSink {
  readonly name: string;
  private readonly client: HttpIngestClient;

  constructor(options: HttpIngestClientOptions) {
    this.name = options.url;
    // one sensor batch is one ingest request, so the pipeline's batch dedup sees the same batches on a re-read
    this.client = new HttpIngestClient({ batchSize: 5000, ...options });
  }

  send(calls: readonly ApiCall[]): Promise<PublishOutcome> {
    return this.client.send(calls);
  }

  async close(): Promise<void> {
    // fetch keeps no state to release
  }
}
