type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const members = (s: Schema, key: 'allOf' | 'anyOf' | 'oneOf'): Schema[] =>
  Array.isArray(s[key]) ? (s[key] as unknown[]).filter(isObject) : [];

/** A spec schema is left unjudged when it is a `$ref` the parser kept (circular) or holds nothing. */
export const isOpenSchema = (s: Schema): boolean =>
  typeof s['$ref'] === 'string' || Object.keys(s).length === 0;

/**
 * The JSON types a spec schema (OpenAPI 2.0 / 3.0 / 3.1) allows; undefined when it allows any.
 * `nullable` (3.0) and `x-nullable` (2.0) add `null`; composition takes the union of its members.
 */
export function specTypesOf(s: Schema, depth = 0): Set<string> | undefined {
  if (depth > 8 || typeof s['$ref'] === 'string') return undefined;
  const out = new Set<string>();
  const declared = s['type'];
  if (typeof declared === 'string') out.add(declared);
  else if (Array.isArray(declared)) {
    for (const t of declared) if (typeof t === 'string') out.add(t);
  } else if (isObject(s['properties'])) out.add('object');
  const composed = [...members(s, 'allOf'), ...members(s, 'anyOf'), ...members(s, 'oneOf')];
  for (const m of composed) {
    const inner = specTypesOf(m, depth + 1);
    if (inner === undefined) {
      // an allOf member without a type constrains nothing; an anyOf/oneOf member without one allows anything
      if (!members(s, 'allOf').includes(m)) return undefined;
    } else for (const t of inner) out.add(t);
  }
  if (out.size === 0 || out.has('file')) return undefined;
  if (s['nullable'] === true || s['x-nullable'] === true) out.add('null');
  return out;
}

/** Declared properties (own and of composed members); undefined when the object is open (a map or unspecified). */
export function specPropertiesOf(s: Schema, depth = 0): Map<string, Schema> | undefined {
  if (depth > 8 || typeof s['$ref'] === 'string') return undefined;
  const additional = s['additionalProperties'];
  if (additional === true || isObject(additional)) return undefined;
  const out = new Map<string, Schema>();
  let declared = isObject(s['properties']);
  if (isObject(s['properties']))
    for (const [k, v] of Object.entries(s['properties'])) out.set(k, isObject(v) ? v : {});
  for (const m of [...members(s, 'allOf'), ...members(s, 'anyOf'), ...members(s, 'oneOf')]) {
    const inner = specPropertiesOf(m, depth + 1);
    if (inner === undefined) {
      if (isObject(m['properties']) || m['additionalProperties'] !== undefined || isOpenSchema(m))
        return undefined;
      continue;
    }
    declared = true;
    for (const [k, v] of inner) if (!out.has(k)) out.set(k, v);
  }
  return declared ? out : undefined;
}

/** Required properties: the schema's own and its allOf members' (one branch of a oneOf is not required). */
export function specRequiredOf(s: Schema, depth = 0): Set<string> {
  const out = new Set<string>();
  if (depth > 8) return out;
  if (Array.isArray(s['required'])) for (const r of s['required']) if (typeof r === 'string') out.add(r);
  for (const m of members(s, 'allOf')) for (const r of specRequiredOf(m, depth + 1)) out.add(r);
  return out;
}

/** The items schema of an array schema (own or from an allOf member). */
export function specItemsOf(s: Schema, depth = 0): Schema | undefined {
  if (isObject(s['items'])) return s['items'];
  if (depth > 8) return undefined;
  for (const m of members(s, 'allOf')) {
    const inner = specItemsOf(m, depth + 1);
    if (inner) return inner;
  }
  return undefined;
}

/** Observed types of an inferred schema (`type` is a name or a sorted list). */
export function observedTypesOf(s: Schema): string[] {
  const t = s['type'];
  if (typeof t === 'string') return [t];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

/** Whether a spec type set allows an observed JSON type (`integer` is a `number`). */
export function allowsType(spec: Set<string>, observed: string): boolean {
  return spec.has(observed) || (observed === 'integer' && spec.has('number'));
}
