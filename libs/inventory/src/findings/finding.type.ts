import { type SensitiveClass, type SensitiveLocation } from '@apiscope/inference';

import { type EndpointKey } from '../endpoint-stats.type';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** OWASP API Security Top 10, 2023 edition: the category ids findings map to, with their titles. */
export const OWASP_API_TOP_10_2023 = {
  'API1:2023': 'Broken Object Level Authorization',
  'API2:2023': 'Broken Authentication',
  'API3:2023': 'Broken Object Property Level Authorization',
  'API4:2023': 'Unrestricted Resource Consumption',
  'API5:2023': 'Broken Function Level Authorization',
  'API6:2023': 'Unrestricted Access to Sensitive Business Flows',
  'API7:2023': 'Server Side Request Forgery',
  'API8:2023': 'Security Misconfiguration',
  'API9:2023': 'Improper Inventory Management',
  'API10:2023': 'Unsafe Consumption of APIs',
} as const;
export type OwaspApiCategory = keyof typeof OWASP_API_TOP_10_2023;

/** What a finding is about; part of the public API (`GET /api/v1/findings?rule=`). */
export const FINDING_RULES = [
  'credential-exposure',
  'account-takeover-material',
  'regulated-data-exposure',
  'excessive-data-exposure',
  'sensitive-data-unauthenticated',
  'sensitive-data-in-url',
  'missing-rate-limit',
  'auth-inconsistency',
  'plaintext-transport',
  'credential-issued',
  'spec-auth-bypassed',
] as const;
export type FindingRule = (typeof FINDING_RULES)[number];

/** A sensitive field cited as evidence. Examples are masked: findings never carry raw values. */
export interface FindingEvidence {
  location: SensitiveLocation;
  name: string;
  class: SensitiveClass;
  count: number;
  example: string;
}

export interface Finding {
  /**
   * Stable across runs (rule, endpoint and, for field rules, the field): the change log tells a new
   * finding from a known one by this id.
   */
  id: string;
  endpoint: EndpointKey;
  rule: FindingRule;
  severity: Severity;
  category: OwaspApiCategory;
  title: string;
  /** Why, with the counts that support it. */
  detail: string;
  evidence: FindingEvidence[];
}
