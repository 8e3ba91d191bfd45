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
