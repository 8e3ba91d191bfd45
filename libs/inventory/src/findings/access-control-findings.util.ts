import { authFlowOf } from './auth-flow.util';
import { type EndpointExposure } from './endpoint-exposure.type';
import { type Finding } from './finding.type';
import { MIN_CALLS_FOR_RATE_LIMIT_FINDING } from './finding-rules.constant';
import { findingOf } from './finding-of.util';

/**
 * Findings about how an endpoint is protected rather than what it carries: no rate limiting on an
 * authentication-critical flow, calls without credentials succeeding where others need them, and
 * sensitive data over plain HTTP from outside the network.
 */
export function accessControlFindings(e: EndpointExposure): Finding[] {
  const findings: Finding[] = [];
  const flow = authFlowOf(e.method, e.pathTemplate);
  if (
    flow !== null &&
    flow !== 'otp-enrolment' &&
    e.calls >= MIN_CALLS_FOR_RATE_LIMIT_FINDING &&
    e.rateLimitSignals === 0
  ) {
    // Short codes (OTP, reset codes) fall to brute force in minutes; passwords to credential stuffing.
    const severe = flow === 'otp-verification' || flow === 'password-reset' || flow === 'login';
    findings.push(
      findingOf(
        e,
        [
          'missing-rate-limit',
          severe ? 'high' : 'medium',
          flow === 'signup' ? 'API6:2023' : 'API2:2023',
          `No rate limiting observed on ${flow}`,
        ],
        `${e.calls} calls, none answered 429 or carrying RateLimit/Retry-After headers.`,
        [],
      ),
    );
  }
  if (flow === null && e.auth.status === 'mixed' && e.auth.unauthenticatedSuccesses > 0) {
    // A path parameter means an object is addressed: the object-level variant (BOLA).
    const objectLevel = e.pathTemplate.includes('{');
    findings.push(
      findingOf(
        e,
        [
          'auth-inconsistency',
          'high',
          objectLevel ? 'API1:2023' : 'API5:2023',
          'Some calls succeed without the credentials others carry',
        ],
        `${e.auth.unauthenticatedSuccesses} calls without credentials got 2xx answers on an endpoint where other calls authenticate.`,
        [],
      ),
    );
  }
  if (e.plaintextSensitiveCalls > 0)
    findings.push(
      findingOf(
        e,
        ['plaintext-transport', 'high', 'API8:2023', 'Sensitive data over plain HTTP to an external client'],
        `${e.plaintextSensitiveCalls} calls from external addresses carried sensitive data without TLS.`,
        e.sensitive,
      ),
    );
  return findings;
}
