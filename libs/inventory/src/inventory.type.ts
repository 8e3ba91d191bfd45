import { type SensitiveClass, type SensitiveLocation } from '@apiscope/inference';

/** The body of `GET /api/v1/inventory` and `apiscope analyze --format json` (a public contract, DESIGN.md). */

export const ENDPOINT_FLAGS = ['shadow', 'orphan', 'zombie', 'unauthenticated', 'sensitive'] as const;
export type EndpointFlag = (typeof ENDPOINT_FLAGS)[number];

export type AuthStatus = 'authenticated' | 'unauthenticated' | 'mixed' | 'unknown';

export interface EndpointAuth {
  schemes: string[];
  status: AuthStatus;
  unauthenticatedSuccesses: number;
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

export interface InventoryEndpoint {
  method: string;
  path: string;
  calls: number;
  firstSeen: string | null;
  lastSeen: string | null;
  statusCodes: Record<string, number>;
  latencyMs: { avg: number; max: number } | null;
  auth: EndpointAuth;
  flags: EndpointFlag[];
  sensitive: SensitiveFinding[];
  parameters: InventoryParameter[];
  /** Request body schema per content type; null until bodies have been seen and inferred. */
  requestBody: Record<string, unknown> | null;
  /** Response schema per status code. */
  responses: Record<string, Record<string, unknown>>;
}

export interface InventoryService {
  name: string;
  endpoints: InventoryEndpoint[];
}

export interface InventoryDocument {
  services: InventoryService[];
}
