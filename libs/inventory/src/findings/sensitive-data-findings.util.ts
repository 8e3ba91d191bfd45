import { type AuthFlow, authFlowOf } from './auth-flow.util';
import { type EndpointExposure, type SensitiveField } from './endpoint-exposure.type';
import { type Finding } from './finding.type';
import { findingOf, type Verdict } from './finding-of.util';
import {
  CREDENTIAL_CLASSES,
  EXCESSIVE_CLASSES_PER_RESPONSE,
  REGULATED_CLASSES,
  TAKEOVER_TOKEN_NAME,
} from './finding-rules.constant';

/** Does this endpoint hand out credentials by design (login, token, key creation)? */
function issuesCredentials(e: EndpointExposure, flow: AuthFlow | null): boolean {
  if (flow === 'login' || flow === 'signup' || flow === 'token') return true;
  return (
    e.method === 'POST' &&
    /(?:^|\/)(?:api[-_]?keys?|keys|tokens?|credentials|access[-_]tokens|sessions?)(?:\/|$)/i.test(
      e.pathTemplate,
    )
  );
}

/** The verdict on one sensitive field of a response, or null when it is no finding on its own. */
function responseVerdict(e: EndpointExposure, f: SensitiveField, flow: AuthFlow | null): Verdict | null {
  switch (f.class) {
    case 'password_hash':
      return ['credential-exposure', 'critical', 'API3:2023', 'Password hash returned to the client'];
    case 'password':
      return ['credential-exposure', 'critical', 'API3:2023', 'Plaintext password returned to the client'];
    case 'otp_secret':
      return flow === 'otp-enrolment'
        ? ['credential-issued', 'info', 'API2:2023', '2FA seed handed out at enrolment']
        : ['credential-exposure', 'critical', 'API3:2023', '2FA secret returned to the client'];
    case 'secret':
    case 'jwt':
      if (TAKEOVER_TOKEN_NAME.test(f.name))
        return [
          'account-takeover-material',
          'critical',
          'API3:2023',
          'Account takeover token returned to the client',
        ];
      if (issuesCredentials(e, flow)) return ['credential-issued', 'info', 'API2:2023', 'Credential issued'];
      return f.class === 'secret'
        ? ['credential-exposure', 'critical', 'API3:2023', 'Secret returned to the client']
        : [
            'credential-exposure',
            'high',
            'API3:2023',
            'Token returned by an endpoint that does not issue tokens',
          ];
    case 'credit_card':
    case 'ssn':
      return ['regulated-data-exposure', 'high', 'API3:2023', 'Card number or SSN returned in full'];
    case 'email':
    case 'phone':
    case 'iban':
    case 'ip_address':
    case 'date_of_birth':
      // Personal data in a response is the norm for a profile; it becomes a finding through the
      // endpoint-level rules (unauthenticated, excessive, URL, plain HTTP).
      return null;
  }
}

function urlVerdict(f: SensitiveField): Verdict {
  if (CREDENTIAL_CLASSES.has(f.class))
    return ['sensitive-data-in-url', 'high', 'API2:2023', 'Credential sent in the URL query'];
  if (REGULATED_CLASSES.has(f.class))
    return ['sensitive-data-in-url', 'high', 'API8:2023', 'Regulated data sent in the URL query'];
  return ['sensitive-data-in-url', 'medium', 'API8:2023', 'Personal data sent in the URL query'];
}

const isResponse = (f: SensitiveField) => f.location.startsWith('response.');

/**
 * Findings about the sensitive data an endpoint carries: credential material and account-takeover
 * tokens in responses, regulated data returned in full, too many classes in one response, sensitive
 * responses served without authentication, sensitive values in URLs.
 */
export function sensitiveDataFindings(e: EndpointExposure): Finding[] {
  const flow = authFlowOf(e.method, e.pathTemplate);
  const findings: Finding[] = [];
  const exposed: SensitiveField[] = [];
  for (const f of e.sensitive) {
    if (f.location === 'request.query') {
      findings.push(
        findingOf(
          e,
          urlVerdict(f),
          `${f.name} carried ${f.class} in ${f.count} of ${e.calls} calls; URLs are written to access logs, proxies and browser history.`,
          [f],
          f,
        ),
      );
      continue;
    }
    if (!isResponse(f)) continue;
    const verdict = responseVerdict(e, f, flow);
    if (verdict?.[0] !== 'credential-issued') exposed.push(f);
    if (verdict !== null)
      findings.push(
        findingOf(
          e,
          verdict,
          `${f.location} ${f.name} carried ${f.class} in ${f.count} of ${e.calls} calls (e.g. ${f.example}).`,
          [f],
          f,
        ),
      );
  }
  const body = exposed.filter((f) => f.location === 'response.body');
  if (e.maxClassesPerResponse >= EXCESSIVE_CLASSES_PER_RESPONSE)
    findings.push(
      findingOf(
        e,
        ['excessive-data-exposure', 'high', 'API3:2023', 'Response returns many kinds of sensitive data'],
        `One response carried ${e.maxClassesPerResponse} sensitive classes (${[...new Set(body.map((f) => f.class))].join(', ')}).`,
        body,
      ),
    );
  const open =
    e.auth.status === 'unauthenticated' || (e.auth.status === 'mixed' && e.auth.unauthenticatedSuccesses > 0);
  if (open && exposed.length > 0)
    findings.push(
      findingOf(
        e,
        [
          'sensitive-data-unauthenticated',
          'critical',
          'API2:2023',
          'Sensitive data served without authentication',
        ],
        `${e.auth.unauthenticatedSuccesses} calls without credentials got 2xx answers; responses carry ${[...new Set(exposed.map((f) => f.class))].join(', ')}.`,
        exposed,
      ),
    );
  return findings;
}
