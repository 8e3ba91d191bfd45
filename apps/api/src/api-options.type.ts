/** What the API app needs from its host process (CLI `up`/`api`, or a test). */
export interface ApiOptions {
  /** The bootstrap admin key (`APISCOPE_API_KEY`, or generated into the data directory). */
  apiKey: string;
  /** Largest body of POST /api/v1/ingest (default 64 MiB). */
  ingestBodyLimitBytes?: number;
  /** Requests per minute per client IP before 429. */
  rateLimitPerMinute?: number;
  /** How often the change tracker compares the inventory with what it saw last (ms; 0 disables). */
  changeIntervalMs?: number;
  /**
   * Orphan window (ms): a documented operation without a call in this long (before the newest call
   * seen) is an orphan. Default: since its spec was imported, and at least 30 days.
   */
  orphanWindowMs?: number;
  /** An endpoint without calls for this long is reported as quiet. */
  quietAfterMs?: number;
  /** Changes are POSTed here as JSON; signed with HMAC-SHA256 when `webhookSecret` is set. */
  webhookUrl?: string;
  webhookSecret?: string;
  /** Largest body of every other route (default 16 KiB). */
  bodyLimitBytes?: number;
  /** Requests per minute per API key before 429 (default 3,000). */
  rateLimitPerKey?: number;
  /** Requests per minute per client address (an IPv6 client: its /64) before 429 (default 6,000). */
  rateLimitPerIp?: number;
  /** Failed authentications per minute per client address before it is locked out (default 10). */
  failedAuthPerIp?: number;
  /** Expensive queries (inventory, stats) running at once; more wait in a short queue (default 2). */
  maxConcurrentExpensive?: number;
  /** Browser origins allowed by CORS (`https://catalog.example.com`); none: CORS stays closed. */
  corsOrigins?: readonly string[];
  /** The web catalog's build (apps/ui/dist), served at `/`; absent: no catalog (tests, API-only hosts). */
  uiDir?: string;
}

export const API_OPTIONS = Symbol('API_OPTIONS');
