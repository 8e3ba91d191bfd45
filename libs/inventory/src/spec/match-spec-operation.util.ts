import { type SpecOperation } from './reference-spec.type';

const segmentsOf = (path: string) => path.split('/').slice(1);
const isParam = (segment: string) => /^\{[^}]+\}$/.test(segment);

/**
 * How a spec template matches an observed path or template: null when it does not, else a score
 * (literal matches count more than parameters, so `/users/me` wins over `/users/{id}`). A spec
 * parameter matches any one segment; an observed `{param}` matches only a spec parameter.
 */
export function templateMatchScore(specPath: string, observed: string): number | null {
  const spec = segmentsOf(specPath);
  const seen = segmentsOf(observed);
  if (spec.length !== seen.length) return null;
  let score = 0;
  for (let i = 0; i < spec.length; i++) {
    if (isParam(spec[i])) score += 1;
    else if (spec[i] === seen[i]) score += 2;
    else return null;
  }
  return score;
}

/** The spec operation an observed endpoint belongs to (same method, best template match). */
export function matchSpecOperation(
  operations: readonly SpecOperation[],
  method: string,
  observed: string,
): SpecOperation | undefined {
  let best: SpecOperation | undefined;
  let bestScore = -1;
  for (const op of operations) {
    if (op.method !== method) continue;
    const score = templateMatchScore(op.path, observed);
    if (score !== null && score > bestScore) {
      best = op;
      bestScore = score;
    }
  }
  return best;
}

/** The best-matching operation and its score (see `templateMatchScore`). */
export function bestSpecMatch(
  operations: readonly SpecOperation[],
  method: string,
  observed: string,
): { operation: SpecOperation; score: number } | undefined {
  const operation = matchSpecOperation(operations, method, observed);
  const score = operation ? templateMatchScore(operation.path, observed) : null;
  return operation && score !== null ? { operation, score } : undefined;
}

const VERSION_SEGMENT = /^v\d+$/i;

/**
 * The template of another version of a documented resource: `/v2/project/x/y/123` takes the shape
 * of the documented `/v1/project/{username}/{project}/{build_num}` as `/v2/project/{username}/...`.
 * A new version few calls reached is then one endpoint (an undocumented one) beside its older one.
 */
export function versionSiblingTemplate(
  operations: readonly SpecOperation[],
  method: string,
  observed: string,
): string | undefined {
  const seen = segmentsOf(observed);
  const at = seen.findIndex((s) => VERSION_SEGMENT.test(s));
  if (at === -1) return undefined;
  let best: string | undefined;
  let bestScore = -1;
  for (const op of operations) {
    if (op.method !== method) continue;
    const spec = segmentsOf(op.path);
    if (spec.length !== seen.length || !VERSION_SEGMENT.test(spec[at] ?? '') || spec[at] === seen[at])
      continue;
    const renamed = [...spec];
    renamed[at] = seen[at];
    const template = `/${renamed.join('/')}`;
    const score = templateMatchScore(template, observed);
    if (score !== null && score > bestScore) {
      best = template;
      bestScore = score;
    }
  }
  return best;
}
