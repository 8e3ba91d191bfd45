/** Where traffic and the reference spec disagree (the body of `GET /api/v1/services/{service}/drift`). */

export const DRIFT_KINDS = [
  'undocumented-parameter',
  'undocumented-field',
  'type-mismatch',
  'undocumented-status',
  'required-field-never-seen',
] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

export const DRIFT_LOCATIONS = [
  'path',
  'query',
  'header',
  'cookie',
  'request-body',
  'response-body',
] as const;
export type DriftLocation = (typeof DRIFT_LOCATIONS)[number];

export interface DriftItem {
  kind: DriftKind;
  location: DriftLocation;
  /** Parameter name, or the field's JSON path in the body (`$.items[*].id`); the status for `undocumented-status`. */
  name: string;
  /** Response status the item belongs to (response bodies and `undocumented-status`). */
  status?: string;
  detail: string;
}

export interface EndpointDrift {
  method: string;
  /** The spec operation's template (the inventory endpoint's path). */
  path: string;
  drift: DriftItem[];
}

export interface ServiceDrift {
  endpoints: EndpointDrift[];
  summary: Record<DriftKind, number>;
}
