/**
 * First-pass path templating: segments that are unmistakably identifiers become parameters
 * (`/users/42` -> `/users/{userId}`). Cardinality-based learning of string parameters is the
 * inference engine's job (issue 4); this pass must never merge two real operations, so it only
 * recognises shapes no human names an operation with.
 */

const IDENTIFIER_SHAPES: ReadonlyArray<RegExp> = [
  /^\d+$/, // integers
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // UUIDs
  /^(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{16,}$/i, // hex ids and hashes (digits and letters)
  /^(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{24,}$/, // long mixed tokens (base62, ObjectIds with prefixes)
  /^[^@/\s]+@[^@/\s]+\.[a-z]{2,}$/i, // emails
];

/** Version segments (`v1`, `v2.1`) are literal even though they contain digits. */
const VERSION_SEGMENT = /^v\d+(\.\d+)*$/i;

export function isIdentifierSegment(segment: string): boolean {
  if (segment === '' || VERSION_SEGMENT.test(segment)) return false;
  return IDENTIFIER_SHAPES.some((shape) => shape.test(segment));
}

const IRREGULAR_SINGULARS: Readonly<Record<string, string>> = {
  people: 'person',
  children: 'child',
  data: 'datum',
  statuses: 'status',
  addresses: 'address',
  aliases: 'alias',
};

/** users -> user, categories -> category, boxes -> box; good enough for naming, not for grammar. */
export function singularise(word: string): string {
  const lower = word.toLowerCase();
  if (IRREGULAR_SINGULARS[lower]) return IRREGULAR_SINGULARS[lower];
  if (/ies$/.test(lower) && lower.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(lower)) return word.slice(0, -2);
  if (/[^s]s$/.test(lower)) return word.slice(0, -1);
  return word;
}

/** `order-items` -> `orderItem`: a parameter name from the literal segment before it. */
function parameterNameFrom(previous: string | undefined): string {
  if (previous === undefined || !/^[A-Za-z][A-Za-z0-9_.-]*$/.test(previous)) return 'id';
  const words = singularise(previous)
    .split(/[-_.]+/)
    .filter(Boolean);
  const camel = words
    .map((w, i) =>
      i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1),
    )
    .join('');
  return `${camel}Id`;
}

/** The template of a path as sent, in OpenAPI syntax; the query is not part of it. */
export function templatePath(path: string): string {
  if (path === '' || path === '*') return path === '' ? '/' : '*';
  const segments = path.split('/');
  const used = new Set<string>();
  let previousLiteral: string | undefined;
  const out = segments.map((segment, index) => {
    if (index === 0) return segment;
    if (!isIdentifierSegment(segment)) {
      previousLiteral = segment;
      return segment;
    }
    const base = parameterNameFrom(previousLiteral);
    previousLiteral = undefined;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}${n}`;
    used.add(name);
    return `{${name}}`;
  });
  return out.join('/');
}
