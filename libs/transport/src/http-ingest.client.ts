import { type ApiCall } from '@apiscope/contracts';

import { type PublishOutcome } from './bus.type';
import { TransportException, TransportExceptionCode } from './transport.exception';

export interface HttpIngestClientOptions {
  /** Base URL of an apiscope API (`http://host:8080`); `/api/v1/ingest` is appended. */
  url: string;
  /** An API key with the `ingest` (or `admin`) role. */
  apiKey: string;
  /** Calls per request; the API refuses more than 5,000. */
  batchSize?: number;
  /** Attempts per batch on network errors, 429 and 5xx. */
  maxAttempts?: number;
  /** First back-off; doubles per attempt, capped at 10 s, or what Retry-After says. */
  backoffMs?: number;
  fetchImpl?: typeof fetch;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends ApiCall events to a remote apiscope (`--sink http://...`). A batch is retried as a whole;
 * the API stores each batch idempotently, so a retry after a lost answer does not double count.
 */
export class HttpIngestClient {
  private readonly endpoint: string;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: HttpIngestClientOptions) {
    this.endpoint = `${options.url.replace(/\/+$/, '')}/api/v1/ingest`;
    this.batchSize = Math.min(Math.max(options.batchSize ?? 1000, 1), 5000);
    this.maxAttempts = Math.max(options.maxAttempts ?? 6, 1);
    this.backoffMs = options.backoffMs ?? 250;
    this.fetchImpl = options.fetchImpl ?? fetch;
  }

  async send(calls: readonly ApiCall[]): Promise<PublishOutcome> {
    const total: PublishOutcome = { accepted: 0, rejected: 0, rejections: [] };
    for (let start = 0; start < calls.length; start += this.batchSize) {
      const outcome = await this.sendBatch(calls.slice(start, start + this.batchSize));
      total.accepted += outcome.accepted;
      total.rejected += outcome.rejected;
      total.rejections.push(...outcome.rejections.map((r) => ({ index: r.index + start, reason: r.reason })));
    }
    return total;
  }

  private async sendBatch(calls: readonly ApiCall[]): Promise<PublishOutcome> {
    const body = JSON.stringify({ calls });
    let lastProblem = '';
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      let response: Response;
      try {
        response = await this.fetchImpl(this.endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.apiKey}` },
          body,
        });
      } catch (cause) {
        lastProblem = cause instanceof Error ? cause.message : String(cause);
        await sleep(this.delay(attempt));
        continue;
      }
      if (response.ok) return (await response.json()) as PublishOutcome;
      const text = await response.text();
      lastProblem = `HTTP ${response.status}: ${problemDetail(text)}`;
      if (response.status !== 429 && response.status < 500) {
        throw new TransportException(
          TransportExceptionCode.INGEST_REJECTED,
          `ingest refused the batch: ${lastProblem}`,
          false,
        );
      }
      const retryAfter = Number(response.headers.get('retry-after'));
      await sleep(
        Number.isFinite(retryAfter) && retryAfter > 0
          ? Math.min(retryAfter * 1000, 30_000)
          : this.delay(attempt),
      );
    }
    throw new TransportException(
      TransportExceptionCode.INGEST_UNREACHABLE,
      `ingest at ${this.endpoint} failed ${this.maxAttempts} times: ${lastProblem}`,
      true,
    );
  }

  private delay(attempt: number): number {
    return Math.min(this.backoffMs * 2 ** (attempt - 1), 10_000);
  }
}

/** The `detail` of a problem+json body, else the first 200 characters. */
function problemDetail(text: string): string {
  try {
    const parsed = JSON.parse(text) as { detail?: unknown; title?: unknown };
    if (typeof parsed.detail === 'string') return parsed.detail;
    if (typeof parsed.title === 'string') return parsed.title;
  } catch {
    // not JSON: fall through
  }
  return text.slice(0, 200);
}
