import { type ProfileExposure, type SensitiveClass, type SensitiveLocation } from '@apiscope/inference';

import { type RiskScore } from './findings/risk-score.util';

import { type SpecSecurity } from './spec/reference-spec.type';

/** The body of `GET /api/v1/inventory` and `apiscope analyze --format json` (a public contract, DESIGN.md). */

export const ENDPOINT_FLAGS = ['shadow', 'orphan', 'zombie', 'unauthenticated', 'sensitive'] as const;
export type EndpointFlag = (typeof ENDPOINT_FLAGS)[number];

export type AuthStatus = 'authenticated' | 'unauthenticated' | 'mixed' | 'unknown';

/** What the credentials were, when the calls carried some (never the credentials themselves). */
export interface EndpointAuthDetails {
  /** bearer tokens seen: JWTs and opaque tokens */
  bearer?: { jwt: number; opaque: number };
  /** JWT signing algorithm, issuer and audience, with the calls that carried each */
  jwtIssuers?: Array<{ alg: string; iss?: string; aud?: string[]; calls: number }>;
  /** where API keys were carried (header or query parameter name) */
  apiKeys?: Array<{ in: 'header' | 'query'; name: string; calls: number }>;
  /** session cookie names */
  sessionCookies?: Array<{ name: string; calls: number }>;
}

export interface EndpointAuth extends EndpointAuthDetails {
  schemes: string[];
  status: AuthStatus;
  unauthenticatedSuccesses: number;
  /** status codes answered to calls without credentials (401/403: the endpoint doing its job) */
  unauthenticatedStatusCodes: Record<string, number>;
}

/** One sensitive (location, name, class) of an endpoint; `example` is masked, never a raw value. */
export interface SensitiveFinding {
  location: SensitiveLocation;
  name: string;
  class: SensitiveClass;
  /** Calls in which it was seen. */
  count: number;
  example: string;
}

export interface InventoryParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Record<string, unknown>;
}

/**
 * What the service's reference spec says of the operation an endpoint matched (absent for endpoints
 * no spec documents). `security` sits beside the `unauthenticated` flag: `public` means the spec
 * declares `security: []`, so open traffic is intended; `required` with open traffic is a finding.
 */
export interface EndpointSpecNote {
  security: SpecSecurity;
  operationId?: string;
  deprecated?: boolean;
}

export interface InventoryEndpoint {
  method: string;
  path: string;
  /** GraphQL over HTTP: one endpoint per operation (type and name) on the same path */
  graphql?: { operationType: string; operationName: string };
  calls: number;
  firstSeen: string | null;
  lastSeen: string | null;
  statusCodes: Record<string, number>;
  latencyMs: { avg: number; max: number } | null;
  auth: EndpointAuth;
  flags: EndpointFlag[];
  sensitive: SensitiveFinding[];
  parameters: InventoryParameter[];
  /**
   * Request body schema per content type (`{ content: { "application/json": { schema } } }`, JSON
   * Schema of the OpenAPI 3.1 dialect); null until bodies have been seen.
   */
  requestBody: Record<string, unknown> | null;
  /** Response schema per status code, same shape (`{ "200": { content: {...} } }`). */
  responses: Record<string, Record<string, unknown>>;
  /**
   * The endpoint's risk from its findings (`GET /api/v1/findings`), each finding a factor. Always
   * present in API and CLI output; absent only from documents not yet assessed (`assessInventory`).
   */
  risk?: RiskScore;
  /**
   * Exposure counters the findings are computed from (rate-limit signals, classes per response,
   * plain-HTTP calls). Internal: `assessInventory` removes them, they are not part of the JSON.
   */
  exposure?: ProfileExposure;
  /** The matched reference spec operation's security, operationId and deprecation. */
  spec?: EndpointSpecNote;
}

export interface InventoryService {
  name: string;
  /** True when the service has a reference spec (absent from documents built without spec data). */
  documented?: boolean;
  endpoints: InventoryEndpoint[];
  /** The service's risk: its riskiest endpoint in full plus a share of the others (see `serviceRisk`). */
  risk?: RiskScore;
}

export interface InventoryDocument {
  services: InventoryService[];
}
