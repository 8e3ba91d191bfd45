/** What the API app needs from its host process (CLI `up`/`api`, or a test). */
export interface ApiOptions {
  /** The bootstrap admin key (`APISCOPE_API_KEY`, or generated into the data directory). */
  apiKey: string;
  /** Largest ingest body; other routes have no bodies yet. */
  ingestBodyLimitBytes?: number;
  /** Requests per minute per client IP before 429. */
  rateLimitPerMinute?: number;
}

export const API_OPTIONS = Symbol('API_OPTIONS');
