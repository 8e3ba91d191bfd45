import { type DriftItem, type DriftLocation } from './drift-item.type';
import {
  allowsType,
  isOpenSchema,
  observedTypesOf,
  specItemsOf,
  specPropertiesOf,
  specRequiredOf,
  specTypesOf,
} from './spec-schema-view.util';

type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const MAX_DEPTH = 8;
/** Hostile traffic can make wide bodies: an endpoint reports this many body items at most. */
export const MAX_BODY_ITEMS = 200;

interface Where {
  location: Extract<DriftLocation, 'request-body' | 'response-body'>;
  status?: string;
}

const child = (path: string, name: string) =>
  /^[A-Za-z_$][\w$]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;

/**
 * Walks an inferred body schema beside the spec's: fields traffic shows that the spec lacks, types
 * the spec does not allow, and required fields no sample carried. It follows the observed schema
 * (bounded by inference), so circular spec schemas cannot make it loop.
 */
export function bodyDrift(observed: Schema, spec: Schema, where: Where): DriftItem[] {
  const out: DriftItem[] = [];
  const push = (item: Omit<DriftItem, 'location' | 'status'>) => {
    if (out.length < MAX_BODY_ITEMS)
      out.push({
        kind: item.kind,
        location: where.location,
        name: item.name,
        ...(where.status !== undefined && { status: where.status }),
        detail: item.detail,
      });
  };
  const walk = (seen: Schema, doc: Schema, path: string, depth: number): void => {
    if (depth > MAX_DEPTH || isOpenSchema(doc)) return;
    const seenTypes = observedTypesOf(seen);
    const allowed = specTypesOf(doc);
    if (allowed) {
      const wrong = seenTypes.filter((t) => !allowsType(allowed, t));
      if (wrong.length > 0)
        push({
          kind: 'type-mismatch',
          name: path,
          detail: `traffic shows ${wrong.join(' | ')}, the spec says ${[...allowed].join(' | ')}`,
        });
    }
    if (seenTypes.includes('object') && isObject(seen['properties'])) {
      const documented = specPropertiesOf(doc);
      const present = seen['properties'];
      if (documented) {
        for (const [name, sub] of Object.entries(present)) {
          const spec = documented.get(name);
          if (spec === undefined)
            push({
              kind: 'undocumented-field',
              name: child(path, name),
              detail: 'in traffic, not in the spec',
            });
          else if (isObject(sub)) walk(sub, spec, child(path, name), depth + 1);
        }
      }
      for (const name of specRequiredOf(doc))
        if (!Object.hasOwn(present, name) && seen['additionalProperties'] !== true)
          push({
            kind: 'required-field-never-seen',
            name: child(path, name),
            detail: 'required by the spec, absent from every sampled body',
          });
    }
    if (seenTypes.includes('array') && isObject(seen['items'])) {
      const items = specItemsOf(doc);
      if (items) walk(seen['items'], items, `${path}[*]`, depth + 1);
    }
  };
  walk(observed, spec, '$', 0);
  return out;
}
