/**
 * The REST API's answers as the catalog reads them: the DTOs of /api/docs/openapi.json
 * (ServicePageDto, EndpointPageDto, ServiceEndpointDto, CallVolumePageDto, ProblemDto). Fields later API versions add
 * (auth details, GraphQL operations) are optional so this build keeps working against either.
 */
export const ENDPOINT_FLAGS = ['shadow', 'orphan', 'zombie', 'unauthenticated', 'sensitive'] as const;
export type EndpointFlag = (typeof ENDPOINT_FLAGS)[number];

export const AUTH_STATUSES = ['authenticated', 'unauthenticated', 'mixed', 'unknown'] as const;
export type AuthStatus = (typeof AUTH_STATUSES)[number];

export type JsonSchema = Record<string, unknown>;

export interface ServiceSummary {
  name: string;
  endpoints: number;
  calls: number;
  firstSeen: string;
  lastSeen: string;
  /** the service's risk (riskiest endpoint plus breadth); absent from API versions without findings */
  risk?: RiskScore;
}

export const RISK_LEVELS = ['critical', 'high', 'medium', 'low', 'none'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** One contribution to a score (libs/inventory risk-score.util): a finding id, or an endpoint for a service. */
export interface RiskFactor {
  source: string;
  points: number;
  reason: string;
}

export interface RiskScore {
  /** 0 to 100 */
  score: number;
  level: RiskLevel;
  /** largest contribution first */
  factors: RiskFactor[];
  capped?: boolean;
}

export interface ServicePage {
  items: ServiceSummary[];
  nextCursor: string | null;
}

export interface SensitiveFinding {
  /** request.body, response.body, request.query, request.header, ... */
  location: string;
  /** a JSON path for bodies (`$.user.email`), the parameter name otherwise */
  name: string;
  class: string;
  count: number;
  /** masked by the server (`j***@e***.com`): raw values never leave it */
  example: string;
}

export interface EndpointParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

export interface EndpointAuth {
  schemes: string[];
  status: AuthStatus;
  unauthenticatedSuccesses: number;
  unauthenticatedStatusCodes?: Record<string, number>;
  bearer?: { jwt: number; opaque: number };
  jwtIssuers?: Array<{ alg: string; iss?: string; aud?: string[]; calls: number }>;
  apiKeys?: Array<{ in: 'header' | 'query'; name: string; calls: number }>;
  sessionCookies?: Array<{ name: string; calls: number }>;
}

export interface Endpoint {
  /** opaque and stable: the key of GET /api/v1/endpoints/{id} and of stats per endpoint */
  id: string;
  service: string;
  method: string;
  path: string;
  graphql?: { operationType: string; operationName: string };
  calls: number;
  firstSeen: string | null;
  lastSeen: string | null;
  statusCodes: Record<string, number>;
  latencyMs: { avg: number; max: number } | null;
  auth: EndpointAuth;
  flags: EndpointFlag[];
  sensitive: SensitiveFinding[];
  parameters: EndpointParameter[];
  /** `{ content: { "application/json": { schema } } }`, null until bodies were seen */
  requestBody: { content?: Record<string, { schema?: JsonSchema }> } | null;
  /** per status: `{ content: { mediaType: { schema } } }` */
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
  /** the sum of its findings' severity points; absent from API versions without findings */
  risk?: RiskScore;
}

export interface EndpointPage {
  items: Endpoint[];
  nextCursor: string | null;
}

/** One call of GET /api/v1/endpoints/{id}/calls: metadata only, the client address masked. */
export interface EndpointCall {
  ts: string;
  status: number;
  durationMs: number | null;
  client: string;
  sensorKind: string;
  credentials: 'present' | 'absent' | 'unknown';
  authSchemes: string[];
  requestSize: number;
  responseSize: number;
  incomplete: boolean;
  /** the concrete path the sensor saw */
  path: string;
}

export interface EndpointCallList {
  items: EndpointCall[];
}

export type CallVolumeInterval = 'hour' | 'day';

/** Calls of one service in one time bucket (GET /api/v1/stats/calls). */
export interface CallVolume {
  service: string;
  /** start of the bucket */
  bucket: string;
  calls: number;
  clientErrors: number;
  serverErrors: number;
  unanswered: number;
}

export interface CallVolumePage {
  interval: CallVolumeInterval;
  from: string;
  to: string;
  items: CallVolume[];
  nextCursor: string | null;
}

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A finding of GET /api/v1/findings (libs/inventory finding.type.ts, with the endpoint spelt out). */
export interface ApiFinding {
  /** stable across runs */
  id: string;
  rule: string;
  severity: Severity;
  /** OWASP API Top 10 category, `API1:2023` … `API10:2023` */
  category: string;
  title: string;
  detail: string;
  /** sensitive fields cited, examples masked by the server */
  evidence: Array<{ location: string; name: string; class: string; count: number; example: string }>;
  service: string;
  endpointId: string;
  method: string;
  path: string;
}

export interface FindingPage {
  items: ApiFinding[];
  nextCursor: string | null;
}

/** One version of a service's reference spec (GET /api/v1/specs). */
export interface SpecVersion {
  service: string;
  version: number;
  importedAt: string;
  title: string;
  openapiVersion: string;
  operations: number;
}

export interface SpecVersionList {
  specs: SpecVersion[];
}

/** One entry of the append-only change feed (GET /api/v1/changes). */
export interface InventoryChange {
  ts: string;
  kind: string;
  service: string;
  method: string;
  path: string;
  /** flag, data class or field concerned */
  subject: string;
}

export interface ChangePage {
  items: InventoryChange[];
  nextCursor: string | null;
}

export const DRIFT_KINDS = [
  'undocumented-parameter',
  'undocumented-field',
  'type-mismatch',
  'undocumented-status',
  'required-field-never-seen',
] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

export interface DriftItem {
  kind: DriftKind;
  location: 'path' | 'query' | 'header' | 'cookie' | 'request-body' | 'response-body';
  name: string;
  status?: string;
  detail: string;
}

/** How traffic drifts from a service's reference spec (GET /api/v1/services/{service}/drift). */
export interface ServiceDrift {
  service: string;
  specVersion: number | null;
  items: Array<{ endpointId: string; method: string; path: string; drift: DriftItem[] }>;
  summary: Partial<Record<DriftKind, number>>;
}

/** application/problem+json */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Array<{ field: string; problem: string }>;
}
