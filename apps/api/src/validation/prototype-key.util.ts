/** Keys that rewire prototypes when an object is merged or assigned; never a field of this API. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Path of the first forbidden key in `value`, searched `maxDepth` levels deep; undefined when none. */
export function findPrototypeKey(value: unknown, maxDepth = 32, path = '', depth = 0): string | undefined {
  if (typeof value !== 'object' || value === null || depth > maxDepth) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const here = Array.isArray(value) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
    if (FORBIDDEN.has(key)) return here;
    const deeper = findPrototypeKey(child, maxDepth, here, depth + 1);
    if (deeper !== undefined) return deeper;
  }
  return undefined;
}
