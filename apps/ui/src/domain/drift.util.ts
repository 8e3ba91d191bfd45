import { type DriftItem, type DriftKind, type ServiceDrift, type SpecVersion } from '../api/api.type';

export const DRIFT_KIND_LABELS: Readonly<Record<DriftKind, string>> = {
  'undocumented-parameter': 'undocumented parameter',
  'undocumented-field': 'undocumented field',
  'type-mismatch': 'type mismatch',
  'undocumented-status': 'undocumented status',
  'required-field-never-seen': 'required field never seen',
};

export const driftKindLabel = (kind: string) =>
  DRIFT_KIND_LABELS[kind as DriftKind] ?? kind.replace(/-/g, ' ');

export const serviceDriftUrl = (service: string) => `/api/v1/services/${encodeURIComponent(service)}/drift`;

/** Each service's versions, newest first, services by name (GET /api/v1/specs lists them flat). */
export function specsByService(specs: readonly SpecVersion[]): Map<string, SpecVersion[]> {
  const by = new Map<string, SpecVersion[]>();
  for (const s of specs) by.set(s.service, [...(by.get(s.service) ?? []), s]);
  for (const versions of by.values()) versions.sort((a, b) => b.version - a.version);
  return new Map([...by].sort(([a], [b]) => a.localeCompare(b)));
}

/** One endpoint's drift: by the API's endpoint id, or by method and path template when ids differ. */
export function driftOfEndpoint(
  drift: ServiceDrift,
  endpoint: { id: string; method: string; path: string },
): DriftItem[] {
  const item =
    drift.items.find((i) => i.endpointId === endpoint.id) ??
    drift.items.find((i) => i.method === endpoint.method && i.path === endpoint.path);
  return item?.drift ?? [];
}

/** Drift items per kind, the API's summary when it has one, else counted from the items. */
export function driftTotal(drift: ServiceDrift): number {
  const fromSummary = Object.values(drift.summary).reduce<number>((n, v) => n + (v ?? 0), 0);
  return fromSummary || drift.items.reduce((n, i) => n + i.drift.length, 0);
}
