import { type EndpointExposure, type SensitiveField } from './endpoint-exposure.type';
import {
  type Finding,
  type FindingEvidence,
  type FindingRule,
  type OwaspApiCategory,
  type Severity,
} from './finding.type';

/** What a rule decided: which rule, how severe, which OWASP category, and a title. */
export type Verdict = [FindingRule, Severity, OwaspApiCategory, string];

const evidenceOf = (f: SensitiveField): FindingEvidence => ({
  location: f.location,
  name: f.name,
  class: f.class,
  count: f.count,
  example: f.example,
});

/**
 * A finding of endpoint `e`. Evidence is capped (20 fields) so that one wide endpoint cannot make a
 * finding unbounded; `subject` is the field a per-field finding is about (part of its id).
 */
export function findingOf(
  e: EndpointExposure,
  [rule, severity, category, title]: Verdict,
  detail: string,
  fields: readonly SensitiveField[],
  subject?: SensitiveField,
): Finding {
  const field = subject === undefined ? '' : ` ${subject.location} ${subject.name} ${subject.class}`;
  return {
    id: `${rule} ${e.service} ${e.method} ${e.pathTemplate}${field}`,
    endpoint: { service: e.service, method: e.method, pathTemplate: e.pathTemplate },
    rule,
    severity,
    category,
    title,
    detail,
    evidence: fields.slice(0, 20).map(evidenceOf),
  };
}
