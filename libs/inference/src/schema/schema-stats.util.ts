import { integerFormatOf, type StringFormat, stringFormatOf } from './string-format.util';

export type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'object' | 'array';

/**
 * What the samples seen at one location of a body looked like: mergeable (two workers' stats, two
 * old templates folded into one), serialisable, and bounded in depth, width and retained values.
 * Raw values are kept only as enum candidates: short strings without a format (never emails, ids,
 * dates), and only while there are few of them.
 */
export interface SchemaStats {
  /** samples at this location */
  n: number;
  t: Partial<Record<JsonType, number>>;
  /** string samples per format ('' for none) */
  f?: Partial<Record<StringFormat | 'none', number>>;
  /** distinct short strings (enum candidates); null once too many or one was not enum-like */
  e?: string[] | null;
  lo?: number;
  hi?: number;
  /** object properties (pairs, so `__proto__` is data) and how many were dropped beyond the width bound */
  p?: Array<[string, SchemaStats]>;
  px?: number;
  /** array items */
  i?: SchemaStats;
}

export const SCHEMA_LIMITS = { depth: 8, properties: 64, enumValues: 8, enumLength: 40, itemsPerArray: 16 };

export const emptyStats = (): SchemaStats => ({ n: 0, t: {} });

const inc = <K extends string>(o: Partial<Record<K, number>>, k: K, by = 1) => {
  o[k] = (o[k] ?? 0) + by;
};

function typeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string') return 'string';
  return 'object';
}

function addEnumCandidate(stats: SchemaStats, value: string, format: StringFormat | undefined): void {
  if (stats.e === null) return;
  if (
    format !== undefined ||
    value.length === 0 ||
    value.length > SCHEMA_LIMITS.enumLength ||
    /\d{4,}/.test(value)
  ) {
    stats.e = null;
    return;
  }
  const list = stats.e ?? [];
  if (!list.includes(value)) {
    if (list.length >= SCHEMA_LIMITS.enumValues) {
      stats.e = null;
      return;
    }
    list.push(value);
  }
  stats.e = list;
}

/** Lookup index over an object's property pairs, kept beside them (observing is hot; no rebuilds). */
const indexes = new WeakMap<SchemaStats, Map<string, SchemaStats>>();

function propertyIndex(stats: SchemaStats, list: Array<[string, SchemaStats]>): Map<string, SchemaStats> {
  let index = indexes.get(stats);
  if (!index || index.size !== list.length) {
    index = new Map(list);
    indexes.set(stats, index);
  }
  return index;
}

/** Folds one sample into `stats`. */
export function observeValue(stats: SchemaStats, value: unknown, depth = 0): void {
  const type = typeOf(value);
  stats.n += 1;
  inc(stats.t, type);
  if (type === 'string') {
    const s = value as string;
    const format = stringFormatOf(s);
    stats.f ??= {};
    inc(stats.f, format ?? 'none');
    addEnumCandidate(stats, s, format);
  } else if (type === 'integer') {
    const v = value as number;
    stats.lo = Math.min(stats.lo ?? v, v);
    stats.hi = Math.max(stats.hi ?? v, v);
  } else if (type === 'object' && depth < SCHEMA_LIMITS.depth) {
    const list = (stats.p ??= []);
    const props = propertyIndex(stats, list);
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      let child = props.get(key);
      if (!child) {
        if (props.size >= SCHEMA_LIMITS.properties) {
          stats.px = (stats.px ?? 0) + 1;
          continue;
        }
        child = emptyStats();
        props.set(key, child);
        list.push([key, child]);
      }
      observeValue(child, v, depth + 1);
    }
  } else if (type === 'array' && depth < SCHEMA_LIMITS.depth) {
    stats.i ??= emptyStats();
    for (const item of (value as unknown[]).slice(0, SCHEMA_LIMITS.itemsPerArray))
      observeValue(stats.i, item, depth + 1);
  }
}

/** Stats of `a` and `b` together (neither is modified). */
export function mergeStats(a: SchemaStats | undefined, b: SchemaStats | undefined): SchemaStats {
  if (!a) return b ? structuredClone(b) : emptyStats();
  if (!b) return structuredClone(a);
  const out: SchemaStats = { n: a.n + b.n, t: { ...a.t } };
  for (const [k, v] of Object.entries(b.t) as Array<[JsonType, number]>) inc(out.t, k, v);
  if (a.f || b.f) {
    out.f = { ...a.f };
    for (const [k, v] of Object.entries(b.f ?? {}) as Array<[StringFormat | 'none', number]>)
      inc(out.f, k, v);
  }
  if (a.e === null || b.e === null) out.e = null;
  else if (a.e || b.e) {
    const values = [...new Set([...(a.e ?? []), ...(b.e ?? [])])];
    out.e = values.length > SCHEMA_LIMITS.enumValues ? null : values;
  }
  if (a.lo !== undefined || b.lo !== undefined) {
    out.lo = Math.min(a.lo ?? Infinity, b.lo ?? Infinity);
    out.hi = Math.max(a.hi ?? -Infinity, b.hi ?? -Infinity);
  }
  if (a.p || b.p) {
    const props = new Map((a.p ?? []).map(([k, s]) => [k, structuredClone(s)]));
    let dropped = (a.px ?? 0) + (b.px ?? 0);
    for (const [k, s] of b.p ?? []) {
      const mine = props.get(k);
      if (mine) props.set(k, mergeStats(mine, s));
      else if (props.size < SCHEMA_LIMITS.properties) props.set(k, structuredClone(s));
      else dropped += s.n;
    }
    out.p = [...props];
    if (dropped > 0) out.px = dropped;
  }
  if (a.i || b.i) out.i = mergeStats(a.i, b.i);
  return out;
}

/** The OpenAPI 3.1 (JSON Schema 2020-12) schema the stats describe. */
export function toJsonSchema(stats: SchemaStats): Record<string, unknown> {
  const types = (Object.keys(stats.t) as JsonType[]).filter((t) => (stats.t[t] ?? 0) > 0);
  // an integer location that also saw decimals is a number
  const merged = types.includes('number') ? types.filter((t) => t !== 'integer') : types;
  const schema: Record<string, unknown> = {};
  if (merged.length === 1) schema['type'] = merged[0];
  else if (merged.length > 1) schema['type'] = merged.sort();
  const strings = stats.t.string ?? 0;
  if (strings > 0 && stats.f) {
    const formats = Object.entries(stats.f).filter(([k]) => k !== 'none');
    if (formats.length === 1 && formats[0][1] === strings) schema['format'] = formats[0][0];
  }
  if (merged.length === 1 && merged[0] === 'integer' && stats.lo !== undefined && stats.hi !== undefined)
    schema['format'] = integerFormatOf(stats.lo, stats.hi);
  if (
    stats.e &&
    stats.e.length >= 2 &&
    strings >= Math.max(10, 3 * stats.e.length) &&
    schema['format'] === undefined
  )
    schema['enum'] = [...stats.e].sort();
  if (stats.p && (stats.t.object ?? 0) > 0) {
    const objects = stats.t.object ?? 0;
    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    for (const [k, s] of stats.p) {
      Object.defineProperty(properties, k, {
        value: toJsonSchema(s),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      if (s.n >= objects) required.push(k);
    }
    schema['properties'] = properties;
    if (required.length > 0) schema['required'] = required.sort();
    if (stats.px) schema['additionalProperties'] = true;
  }
  if (stats.i && (stats.t.array ?? 0) > 0) schema['items'] = stats.i.n > 0 ? toJsonSchema(stats.i) : {};
  return schema;
}
