/** Identity of an endpoint in the inventory. */
export interface EndpointKey {
  service: string;
  method: string;
  pathTemplate: string;
}

/**
 * Sums over some calls of one endpoint. The pipeline writes one delta per endpoint per batch and
 * storage merges them, so every field must combine by sum, min, max or union.
 */
export interface EndpointStats extends EndpointKey {
  calls: number;
  firstSeen: number;
  lastSeen: number;
  /** Status code -> calls; key 0 counts calls that got no response. */
  statusCodes: Record<string, number>;
  authSchemes: string[];
  credentialedCalls: number;
  uncredentialedCalls: number;
  /** 2xx answers to calls that carried no credentials. */
  unauthenticatedSuccesses: number;
  /** Status code -> calls without credentials (401/403 there is the endpoint doing its job). */
  uncredentialedStatusCodes: Record<string, number>;
  /** Calls that carried a duration (logs often do not). */
  timedCalls: number;
  durationMsSum: number;
  durationMsMax: number;
}
