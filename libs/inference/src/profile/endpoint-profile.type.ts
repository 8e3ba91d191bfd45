import { type JwtFacts } from '../auth-detection.util';
import { type SchemaStats } from '../schema/schema-stats.util';

/** A location's sample count and what its values looked like (absent: names only, e.g. cookies). */
export interface CountedStats {
  n: number;
  s?: SchemaStats;
}

/** Bodies of one media type: how many, their schema stats, and notes (`xml`, `truncated`...). */
export interface BodyStats extends CountedStats {
  notes?: Array<[string, number]>;
}

/**
 * Per-call exposure signals added up (what findings need beyond the sensitive fields). Merges by max
 * (`maxClassesPerResponse`) and sum (the counters).
 */
export interface ProfileExposure {
  /** Most distinct sensitive classes seen in a single response body. */
  maxClassesPerResponse: number;
  /** Calls answered 429 or carrying RateLimit-*, X-RateLimit-* or Retry-After headers. */
  rateLimitSignals: number;
  /** Calls over plain HTTP from an external client address that carried sensitive data. */
  plaintextSensitiveCalls: number;
}

/**
 * Everything apiscope keeps about one endpoint beyond its counters, serialised. Pairs rather than
 * objects wherever a key comes from traffic. Every part merges by addition or union.
 */
export interface EndpointProfileJson {
  v: 1;
  /** calls folded in (parameters and auth are read on every call) */
  calls: number;
  /** calls whose bodies were sampled for schemas */
  sampled: number;
  /** `query:limit`, `header:x-request-id`, `cookie:theme`, `path:2` (segment index) */
  params: Array<[string, CountedStats]>;
  requestBodies: Array<[string, BodyStats]>;
  /** status -> media type -> bodies; media type '' counts responses without a body */
  responses: Array<[string, Array<[string, BodyStats]>]>;
  /**
   * Sensitive data seen in this endpoint's calls: one entry per (location, name, class) with the
   * calls it appeared in and a masked example (never a raw value). Absent in profiles stored before.
   */
  sensitive?: Array<{ location: string; name: string; class: string; count: number; example: string }>;
  /** Counted on every call; absent in profiles stored before (read as unknown, not as zero). */
  exposure?: ProfileExposure;
  auth: {
    jwt: number;
    opaque: number;
    issuers: Array<JwtFacts & { calls: number }>;
    apiKeys: Array<[string, number]>;
    sessionCookies: Array<[string, number]>;
  };
}
