/** The kinds of entry in the append-only change feed (`GET /api/v1/changes`). */
export const INVENTORY_CHANGE_KINDS = [
  'new_service',
  'new_endpoint',
  'new_flag',
  'new_sensitive_class',
  'new_field',
  'endpoint_quiet',
  'endpoint_active_again',
  'new_finding',
] as const;

export type InventoryChangeKind = (typeof INVENTORY_CHANGE_KINDS)[number];

export interface InventoryChange {
  ts: number;
  kind: InventoryChangeKind;
  service: string;
  method: string;
  path: string;
  /**
   * The flag, data class or field concerned, or the finding id (`new_finding`, the id of
   * `GET /api/v1/findings`); empty for endpoint-level changes.
   */
  subject: string;
}

/** What the change tracker remembers of an endpoint between two looks. */
export interface EndpointWatchState {
  service: string;
  method: string;
  path: string;
  flags: string[];
  classes: string[];
  fields: string[];
  /** Ids of the endpoint's findings; absent in states remembered before findings were tracked. */
  findings?: string[];
  quiet: boolean;
}
