type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON paths of the properties a JSON Schema describes (`$.user.email`, `$.items[*].id`), bounded. */
export function schemaFieldPaths(
  schema: unknown,
  prefix = '$',
  depth = 0,
  out: string[] = [],
  limit = 500,
): string[] {
  if (!isObject(schema) || depth > 8 || out.length >= limit) return out;
  if (isObject(schema['properties'])) {
    for (const [name, sub] of Object.entries(schema['properties'])) {
      if (out.length >= limit) break;
      const path = `${prefix}.${name}`;
      out.push(path);
      schemaFieldPaths(sub, path, depth + 1, out, limit);
    }
  }
  if (isObject(schema['items'])) schemaFieldPaths(schema['items'], `${prefix}[*]`, depth + 1, out, limit);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) for (const sub of list) schemaFieldPaths(sub, prefix, depth + 1, out, limit);
  }
  return out;
}
