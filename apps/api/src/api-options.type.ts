/** What the API app needs from its host process (CLI `up`/`api`, or a test). */
export interface ApiOptions {
  /** The bootstrap admin key (`APISCOPE_API_KEY`, or generated into the data directory). */
  apiKey: string;
  /** Largest ingest body; other routes have no bodies yet. */
  ingestBodyLimitBytes?: number;
  /** Requests per minute per client IP before 429. */
  rateLimitPerMinute?: number;
  /** How often the change tracker compares the inventory with what it saw last (ms; 0 disables). */
  changeIntervalMs?: number;
  /** An endpoint without calls for this long is reported as quiet. */
  quietAfterMs?: number;
  /** Changes are POSTed here as JSON; signed with HMAC-SHA256 when `webhookSecret` is set. */
  webhookUrl?: string;
  webhookSecret?: string;
}

export const API_OPTIONS = Symbol('API_OPTIONS');
