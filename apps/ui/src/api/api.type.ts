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
}

export interface EndpointPage {
  items: Endpoint[];
  nextCursor: string | null;
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

/** application/problem+json */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Array<{ field: string; problem: string }>;
}
