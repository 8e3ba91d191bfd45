import { type GeneratedCall } from './spec-traffic.generator';

export interface TemplateScore {
  precision: number;
  recall: number;
  f1: number;
  /** share of calls whose discovered endpoint is the spec operation that produced them */
  attributed: number;
  truth: number;
  discovered: number;
  /** discovered endpoints that are not in the spec, and spec endpoints not discovered (for diagnosis) */
  extra: string[];
  missed: string[];
}

/** `/users/{user_id}` and `/users/{userId}` are one endpoint: parameter names are ignored. */
export const normaliseTemplate = (template: string): string => template.replace(/\{[^}]*\}/g, '{}');

/**
 * Scores templates against the spec that produced the traffic: precision, recall and F1 over
 * endpoints (method + template, names ignored) and the share of calls attributed to the right one.
 */
export function scoreTemplates(
  calls: readonly GeneratedCall[],
  templateOf: (c: GeneratedCall) => string,
): TemplateScore {
  const truth = new Set<string>();
  const discovered = new Set<string>();
  let right = 0;
  for (const c of calls) {
    const expected = `${c.operation.method} ${normaliseTemplate(c.operation.template)}`;
    const got = `${c.call.request.method} ${normaliseTemplate(templateOf(c))}`;
    truth.add(expected);
    discovered.add(got);
    if (expected === got) right += 1;
  }
  const hits = [...discovered].filter((d) => truth.has(d)).length;
  const precision = discovered.size === 0 ? 0 : hits / discovered.size;
  const recall = truth.size === 0 ? 0 : hits / truth.size;
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    attributed: calls.length === 0 ? 0 : right / calls.length,
    truth: truth.size,
    discovered: discovered.size,
    extra: [...discovered].filter((d) => !truth.has(d)).sort(),
    missed: [...truth].filter((t) => !discovered.has(t)).sort(),
  };
}
