import { type InventoryChange } from '../api/api.type';

/** The change feed's kinds (GET /api/v1/changes), said the way the history panel lists them. */
export const CHANGE_KIND_LABELS: Readonly<Record<string, string>> = {
  new_service: 'new service',
  new_endpoint: 'first seen',
  new_flag: 'new flag',
  new_sensitive_class: 'new data class',
  new_field: 'new field',
  endpoint_quiet: 'went quiet',
  endpoint_active_again: 'active again',
};

export const changeKindLabel = (kind: string) => CHANGE_KIND_LABELS[kind] ?? kind.replace(/_/g, ' ');

/**
 * The changes of one endpoint, newest first: the API already narrows the feed by endpoint id; this
 * keeps the history right if it is handed a wider feed (a service-wide change, `new_service`, counts
 * for every endpoint of that service only when it names no path).
 */
export function changesOfEndpoint(
  feed: readonly InventoryChange[],
  endpoint: { service: string; method: string; path: string },
): InventoryChange[] {
  return feed
    .filter(
      (c) =>
        c.service === endpoint.service &&
        ((c.method === endpoint.method && c.path === endpoint.path) ||
          (c.kind === 'new_service' && c.path === '')),
    )
    .sort((a, b) => Date.parse(b.ts) - Date.parse(a.ts));
}

/**
 * Where the history starts reading the feed: a day before the endpoint was first seen (changes are
 * recorded at ingest, after the traffic that caused them), or 90 days back for one never seen.
 */
export function historySince(firstSeen: string | null, now = Date.now()): string {
  const first = firstSeen === null ? Number.NaN : Date.parse(firstSeen);
  const since = Number.isFinite(first) ? first - 24 * 3600 * 1000 : now - 90 * 24 * 3600 * 1000;
  return new Date(since).toISOString();
}
