import { endpointKeyPath } from '../endpoint-key.util';
import { type Finding } from '../findings/finding.type';
import { type InventoryDocument, type InventoryEndpoint } from '../inventory.type';
import { type EndpointWatchState, type InventoryChange } from './inventory-change.type';
import { schemaFieldPaths } from './schema-fields.util';

export interface InventoryDiff {
  changes: InventoryChange[];
  /** States that changed (to persist); unchanged endpoints are left out. */
  states: EndpointWatchState[];
}

const key = (s: { service: string; method: string; path: string }) =>
  `${s.service}\u0000${s.method}\u0000${s.path}`;

function fieldsOf(e: InventoryEndpoint): string[] {
  const fields = new Set<string>();
  for (const schema of Object.values(e.requestBody ?? {}))
    schemaFieldPaths(schema, '$').forEach((f) => fields.add(`request ${f}`));
  for (const [status, schema] of Object.entries(e.responses))
    schemaFieldPaths(schema, '$').forEach((f) => fields.add(`response ${status} ${f}`));
  for (const p of e.parameters) fields.add(`${p.in} ${p.name}`);
  return [...fields].sort();
}

/** Finding ids per endpoint (service, method, key path), sorted. */
function findingIdsByEndpoint(findings: readonly Finding[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of findings) {
    const k = key({ service: f.endpoint.service, method: f.endpoint.method, path: f.endpoint.pathTemplate });
    out.set(k, [...(out.get(k) ?? []), f.id]);
  }
  for (const ids of out.values()) ids.sort();
  return out;
}

/**
 * Compares the inventory with what was remembered and yields the change-feed entries: new
 * services, endpoints, flags, sensitive classes, fields and findings (by their stable id), and
 * endpoints going quiet (no call within `quietAfterMs`) or becoming active again. Orphans (never
 * called) are not endpoints in traffic and only surface through their flag. A state remembered
 * before findings were tracked learns them silently: an upgrade does not replay every finding.
 */
export function diffInventory(
  previous: ReadonlyMap<string, EndpointWatchState>,
  doc: InventoryDocument,
  now: number,
  quietAfterMs: number,
  findings: readonly Finding[] = [],
): InventoryDiff {
  const findingIds = findingIdsByEndpoint(findings);
  const changes: InventoryChange[] = [];
  const states: EndpointWatchState[] = [];
  const knownServices = new Set([...previous.values()].map((s) => s.service));
  for (const service of doc.services) {
    const seen = service.endpoints.filter((e) => e.calls > 0);
    if (seen.length > 0 && !knownServices.has(service.name))
      changes.push({
        ts: now,
        kind: 'new_service',
        service: service.name,
        method: '',
        path: '',
        subject: '',
      });
    for (const e of seen) {
      const id = { service: service.name, method: e.method, path: e.path };
      const before = previous.get(key(id));
      const lastSeen = e.lastSeen === null ? 0 : Date.parse(e.lastSeen);
      const ids = findingIds.get(key({ ...id, path: endpointKeyPath(e) })) ?? [];
      const state: EndpointWatchState = {
        ...id,
        flags: [...e.flags].sort(),
        classes: [...new Set(e.sensitive.map((f) => f.class))].sort(),
        fields: fieldsOf(e),
        findings: ids,
        quiet: now - lastSeen > quietAfterMs,
      };
      const add = (kind: InventoryChange['kind'], subject = '') =>
        changes.push({ ts: now, kind, ...id, subject });
      if (!before) add('new_endpoint');
      else {
        state.flags.filter((f) => !before.flags.includes(f)).forEach((f) => add('new_flag', f));
        state.classes
          .filter((c) => !before.classes.includes(c))
          .forEach((c) => add('new_sensitive_class', c));
        state.fields.filter((f) => !before.fields.includes(f)).forEach((f) => add('new_field', f));
        const known = before.findings && new Set(before.findings);
        if (known) ids.filter((f) => !known.has(f)).forEach((f) => add('new_finding', f));
        if (state.quiet && !before.quiet) add('endpoint_quiet');
        if (!state.quiet && before.quiet) add('endpoint_active_again');
      }
      if (!before) {
        state.flags.forEach((f) => add('new_flag', f));
        state.classes.forEach((c) => add('new_sensitive_class', c));
        ids.forEach((f) => add('new_finding', f));
      }
      const same =
        before &&
        before.quiet === state.quiet &&
        before.flags.join() === state.flags.join() &&
        before.classes.join() === state.classes.join() &&
        before.fields.join() === state.fields.join() &&
        before.findings?.join('\n') === ids.join('\n');
      if (!same) states.push(state);
    }
  }
  return { changes, states };
}

export const watchKey = key;
