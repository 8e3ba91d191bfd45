/** A reference spec's operation, normalised from OpenAPI 2.0 / 3.0 / 3.1. */
export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie' | 'formData' | 'body';
  required: boolean;
  schema: Record<string, unknown>;
}

/**
 * `public`: the spec says no credentials (`security: []`); `required`: some security requirement
 * applies; `unspecified`: the spec says nothing (no global or operation security).
 */
export type SpecSecurity = 'public' | 'required' | 'unspecified';

export interface SpecOperation {
  method: string;
  /** Template with the server base path applied, OpenAPI syntax: `/api/users/{userId}`. */
  path: string;
  operationId?: string;
  deprecated: boolean;
  security: SpecSecurity;
  parameters: SpecParameter[];
  /** Request body schema per content type. */
  requestBody: Record<string, Record<string, unknown>>;
  /** Response schema per status code (`default` included); `{}` when the spec gives no schema. */
  responses: Record<string, Record<string, unknown>>;
}

export interface ReferenceSpec {
  service: string;
  version: number;
  importedAt: number;
  title: string;
  /** `2.0`, `3.0.3`, `3.1.0` ... */
  openapiVersion: string;
  basePath: string;
  operations: SpecOperation[];
}
