import { type SensitiveClass, type SensitiveLocation } from '@apiscope/inference';

import { type EndpointKey } from '../endpoint-stats.type';
import { type AuthStatus } from '../inventory.type';
import { type SpecSecurity } from '../spec/reference-spec.type';

/**
 * What is kept per endpoint for one sensitive (location, name, class): counts and a masked example,
 * never a raw value. Merges by sum (count), min/max (seen) and first (example).
 */
export interface SensitiveField {
  location: SensitiveLocation;
  name: string;
  class: SensitiveClass;
  /** Calls in which the field carried this class. */
  count: number;
  firstSeen: number;
  lastSeen: number;
  example: string;
}

/** The per-endpoint summary findings and risk are computed from (all merged counters). */
export interface EndpointExposure extends EndpointKey {
  calls: number;
  auth: { status: AuthStatus; unauthenticatedSuccesses: number };
  sensitive: SensitiveField[];
  /** Most distinct sensitive classes seen in a single response body. */
  maxClassesPerResponse: number;
  /** Calls answered 429 or carrying RateLimit-*, X-RateLimit-* or Retry-After headers. */
  rateLimitSignals: number;
  /** Calls over plain HTTP from an external client address that carried sensitive data. */
  plaintextSensitiveCalls: number;
  /** What the service's reference spec says about credentials here; absent without a matching operation. */
  specSecurity?: SpecSecurity;
}
