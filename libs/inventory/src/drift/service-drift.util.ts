import { type InventoryService } from '../inventory.type';
import { matchSpecOperation } from '../spec/match-spec-operation.util';
import { type SpecOperation } from '../spec/reference-spec.type';
import {
  DRIFT_KINDS,
  DRIFT_LOCATIONS,
  type DriftItem,
  type DriftKind,
  type ServiceDrift,
} from './drift-item.type';
import { endpointDrift } from './endpoint-drift.util';

const itemKey = (d: DriftItem) => `${d.kind}\u0000${d.location}\u0000${d.name}\u0000${d.status ?? ''}`;

const compareItems = (a: DriftItem, b: DriftItem) =>
  DRIFT_LOCATIONS.indexOf(a.location) - DRIFT_LOCATIONS.indexOf(b.location) ||
  (a.status ?? '').localeCompare(b.status ?? '') ||
  DRIFT_KINDS.indexOf(a.kind) - DRIFT_KINDS.indexOf(b.kind) ||
  a.name.localeCompare(b.name);

/**
 * Drift of a service: its observed endpoints (the inventory before reference specs rename them) held
 * against the latest spec's operations. Endpoints the spec does not document are shadows, not drift;
 * several observed endpoints one operation documents are judged together (a required field is
 * "never seen" only when none of them carried it).
 */
export function serviceDrift(observed: InventoryService, operations: readonly SpecOperation[]): ServiceDrift {
  const groups = new Map<SpecOperation, DriftItem[][]>();
  for (const e of observed.endpoints) {
    if (e.calls === 0 || e.graphql) continue;
    const op = matchSpecOperation(operations, e.method, e.path);
    if (!op) continue;
    const list = groups.get(op) ?? [];
    list.push(endpointDrift(e, op));
    groups.set(op, list);
  }
  const summary = Object.fromEntries(DRIFT_KINDS.map((k) => [k, 0])) as Record<DriftKind, number>;
  const endpoints = [];
  for (const [op, lists] of groups) {
    const merged = new Map<string, DriftItem>();
    for (const list of lists) for (const d of list) if (!merged.has(itemKey(d))) merged.set(itemKey(d), d);
    const drift = [...merged.values()]
      .filter(
        (d) =>
          d.kind !== 'required-field-never-seen' ||
          lists.every((list) => list.some((x) => itemKey(x) === itemKey(d))),
      )
      .sort(compareItems);
    if (drift.length === 0) continue;
    for (const d of drift) summary[d.kind] += 1;
    endpoints.push({ method: op.method, path: op.path, drift });
  }
  endpoints.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  return { endpoints, summary };
}
