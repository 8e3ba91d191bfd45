import { type Endpoint, type SensitiveFinding, SEVERITIES, type Severity } from '../api/api.type';
import { dataClassLabel } from './format.util';
import { type OwaspId } from './owasp.constant';

/**
 * Findings, derived in the browser from what `GET /api/v1/endpoints` returns (flags and
 * sensitive[] per endpoint): the API has no findings route yet. When it gets one, the Findings page
 * should read it instead and this file goes. The rules are deliberately few and written out so a
 * reader can tell why an endpoint is ranked where it is.
 */
export { SEVERITIES, type Severity };

export type FindingKind = 'unauthenticated' | 'sensitive-data' | 'shadow' | 'zombie' | 'orphan';

export interface Finding {
  id: string;
  kind: FindingKind;
  severity: Severity;
  owasp: OwaspId;
  title: string;
  /** one sentence of evidence: counts, classes, locations */
  detail: string;
  endpoint: Endpoint;
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);
const bump = (s: Severity): Severity => SEVERITIES[Math.max(0, rank(s) - 1)];

/** Paths that are usually public on purpose: an open answer there is worth a look, not an alarm. */
const PUBLIC_BY_DESIGN =
  /(^|\/)(healthz?|livez|readyz|ping|status|version|\.well-known|login|signin|sign-in|signup|register|token|oauth2?|openapi(\.json)?|docs)(\/|$)/i;
/** Paths of administrative functions: open to anyone, that is broken function-level authorization. */
const ADMIN_PATH = /(^|\/)(admin|internal|debug|manage(ment)?|actuator|ops)(\/|$)/i;

const SECRET_CLASSES = new Set(['password', 'password_hash', 'otp_secret', 'secret']);
const REGULATED_CLASSES = new Set(['credit_card', 'ssn', 'iban']);

/** How bad one class of data is where it was seen (before considering the endpoint's auth). */
export function sensitiveSeverity(dataClass: string, location: string): Severity {
  const secret = SECRET_CLASSES.has(dataClass);
  const regulated = REGULATED_CLASSES.has(dataClass);
  if (location.startsWith('response')) {
    if (secret) return 'critical';
    if (regulated) return 'high';
    if (dataClass === 'jwt') return 'low'; // token endpoints hand out tokens
    return 'medium';
  }
  if (location === 'request.query') return secret || regulated || dataClass === 'jwt' ? 'high' : 'medium';
  if (location === 'request.body') return regulated ? 'low' : 'info';
  return 'info'; // credentials in request headers and cookies: where they belong
}

function endpointId(e: Endpoint): string {
  return `${e.service} ${e.method} ${e.path}`;
}

function unauthenticatedFinding(e: Endpoint, exposesData: boolean): Finding {
  const n = e.auth.unauthenticatedSuccesses;
  const answered = `${n} call${n === 1 ? '' : 's'} without credentials got a 2xx answer`;
  const base = { id: `${endpointId(e)} unauthenticated`, kind: 'unauthenticated' as const, endpoint: e };
  if (ADMIN_PATH.test(e.path))
    return {
      ...base,
      severity: 'critical',
      owasp: 'API5',
      title: 'Administrative endpoint answers without authentication',
      detail: `${answered}.`,
    };
  if (exposesData)
    return {
      ...base,
      severity: 'critical',
      owasp: 'API2',
      title: 'Sensitive data served without authentication',
      detail: `${answered}; its responses carry sensitive data.`,
    };
  if (PUBLIC_BY_DESIGN.test(e.path))
    return {
      ...base,
      severity: 'low',
      owasp: 'API2',
      title: 'Open endpoint (public by design?)',
      detail: `${answered}; the path looks public on purpose: confirm it.`,
    };
  return {
    ...base,
    severity: 'high',
    owasp: 'API2',
    title: 'Endpoint answers without authentication',
    detail: `${answered}.`,
  };
}

function sensitiveFindings(e: Endpoint, open: boolean): Finding[] {
  const byClass = new Map<string, SensitiveFinding[]>();
  for (const s of e.sensitive) byClass.set(s.class, [...(byClass.get(s.class) ?? []), s]);
  return [...byClass].map(([dataClass, seen]) => {
    const worst = seen.reduce((a, b) =>
      rank(sensitiveSeverity(b.class, b.location)) < rank(sensitiveSeverity(a.class, a.location)) ? b : a,
    );
    const inResponse = worst.location.startsWith('response');
    let severity = sensitiveSeverity(dataClass, worst.location);
    if (open && inResponse) severity = bump(severity);
    const where = [...new Set(seen.map((s) => s.location))].join(', ');
    const count = seen.reduce((n, s) => n + s.count, 0);
    return {
      id: `${endpointId(e)} sensitive ${dataClass}`,
      kind: 'sensitive-data' as const,
      severity,
      owasp: worst.location === 'request.query' ? 'API8' : 'API3',
      title:
        worst.location === 'request.query'
          ? `${dataClassLabel(dataClass)} in the URL query`
          : `${dataClassLabel(dataClass)} in ${inResponse ? 'responses' : 'requests'}`,
      detail: `${count} value${count === 1 ? '' : 's'} in ${where} (${seen.map((s) => s.name).join(', ')}).`,
      endpoint: e,
    };
  });
}

const INVENTORY: Record<
  'shadow' | 'zombie' | 'orphan',
  { severity: Severity; title: string; detail: string }
> = {
  shadow: {
    severity: 'medium',
    title: 'Shadow endpoint: not in the reference spec',
    detail: 'Seen in traffic but absent from the service’s reference spec.',
  },
  zombie: {
    severity: 'high',
    title: 'Zombie endpoint: retired but still called',
    detail: 'Deprecated, or an older version of a live resource, and still receiving traffic.',
  },
  orphan: {
    severity: 'low',
    title: 'Orphan endpoint: documented, never seen',
    detail: 'In the reference spec, but no traffic reached it in the window.',
  },
};

/** All findings of one endpoint. */
export function findingsOf(e: Endpoint): Finding[] {
  const open = e.flags.includes('unauthenticated');
  const out: Finding[] = [];
  const exposes = e.sensitive.some((s) => s.location.startsWith('response'));
  if (open) out.push(unauthenticatedFinding(e, exposes));
  out.push(...sensitiveFindings(e, open));
  if (e.flags.includes('sensitive') && e.sensitive.length === 0)
    out.push({
      id: `${endpointId(e)} sensitive`,
      kind: 'sensitive-data',
      severity: 'medium',
      owasp: 'API3',
      title: 'Sensitive data',
      detail: 'Flagged sensitive; the API gave no field detail.',
      endpoint: e,
    });
  for (const flag of ['shadow', 'zombie', 'orphan'] as const)
    if (e.flags.includes(flag))
      out.push({
        id: `${endpointId(e)} ${flag}`,
        kind: flag,
        owasp: 'API9',
        endpoint: e,
        ...INVENTORY[flag],
      });
  return out;
}

/** Worst first; among equals, the busiest endpoint first (more calls, more exposure). */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    rank(a.severity) - rank(b.severity) || b.endpoint.calls - a.endpoint.calls || a.id.localeCompare(b.id)
  );
}

export function deriveFindings(endpoints: readonly Endpoint[]): Finding[] {
  return endpoints.flatMap(findingsOf).sort(compareFindings);
}
