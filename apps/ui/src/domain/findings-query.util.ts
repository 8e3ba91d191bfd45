import { apiUrl } from '../api/api-client.util';
import { type ApiFinding, SEVERITIES, type Severity } from '../api/api.type';
import { buildHref } from '../router/router.util';
import { OWASP_API_2023 } from './owasp.constant';

/** OWASP API Security Top 10 (2023) as GET /api/v1/findings names its categories (`category=`). */
export const OWASP_CATEGORIES = [
  'API1:2023',
  'API2:2023',
  'API3:2023',
  'API4:2023',
  'API5:2023',
  'API6:2023',
  'API7:2023',
  'API8:2023',
  'API9:2023',
  'API10:2023',
] as const;
export type OwaspCategory = (typeof OWASP_CATEGORIES)[number];

export const FINDINGS_PAGE_SIZE = 100;

/**
 * The Findings page's state, all in the URL (`/findings?severity=high&category=API2:2023`), passed
 * to the API as is: the API filters, sorts (severity first) and pages; the page shows one page.
 */
export interface FindingsQuery {
  severity?: Severity;
  category?: OwaspCategory;
  /** sensitive data class */
  dataClass?: string;
  service?: string;
  cursor?: string;
}

const text = (value: string | null, max: number): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
};

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

export function parseFindingsQuery(search: URLSearchParams): FindingsQuery {
  const dataClass = text(search.get('class'), 64);
  return {
    severity: oneOf(SEVERITIES, search.get('severity')),
    category: oneOf(OWASP_CATEGORIES, search.get('category')),
    dataClass: dataClass && /^[a-z0-9_]+$/.test(dataClass) ? dataClass : undefined,
    service: text(search.get('service'), 1024),
    cursor: text(search.get('cursor'), 8192),
  };
}

export function findingsHref(q: FindingsQuery): string {
  return buildHref('/findings', {
    severity: q.severity,
    category: q.category,
    class: q.dataClass,
    service: q.service,
    cursor: q.cursor,
  });
}

export function findingsApiUrl(q: FindingsQuery, limit = FINDINGS_PAGE_SIZE): string {
  return apiUrl('/api/v1/findings', {
    service: q.service,
    severity: q.severity,
    category: q.category,
    class: q.dataClass,
    limit,
    cursor: q.cursor,
  });
}

/** `API2:2023` -> `API2` (the key of OWASP_API_2023), or undefined for a category this build does not know. */
export function owaspIdOf(category: string): string | undefined {
  const match = /^(API\d+):2023$/.exec(category);
  return match ? match[1] : undefined;
}

/** `API2:2023` -> `Broken Authentication`; an unknown category stays as the API wrote it. */
export function categoryTitle(category: string): string {
  const id = owaspIdOf(category);
  return id !== undefined && id in OWASP_API_2023
    ? OWASP_API_2023[id as keyof typeof OWASP_API_2023]
    : category;
}

/** The finding's endpoint page (the API's endpoint id, as in every list). */
export const findingEndpointHref = (f: Pick<ApiFinding, 'endpointId'>) =>
  `/endpoints/${encodeURIComponent(f.endpointId)}`;
