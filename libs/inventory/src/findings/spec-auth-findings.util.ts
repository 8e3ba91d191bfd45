import { type EndpointExposure } from './endpoint-exposure.type';
import { type Finding } from './finding.type';
import { findingOf } from './finding-of.util';

/**
 * The reference spec requires credentials on this operation, yet calls without any got 2xx answers:
 * the documented protection is not enforced (issue 6). An operation the spec declares public
 * (`security: []`) or says nothing about raises nothing here; the `unauthenticated` flag still shows it.
 */
export function specAuthFindings(e: EndpointExposure): Finding[] {
  if (e.specSecurity !== 'required' || e.auth.unauthenticatedSuccesses === 0) return [];
  return [
    findingOf(
      e,
      [
        'spec-auth-bypassed',
        'high',
        'API2:2023',
        'Spec requires authentication, yet calls without credentials succeed',
      ],
      `The reference spec requires credentials; ${e.auth.unauthenticatedSuccesses} of ${e.calls} calls carried none and got 2xx answers.`,
      [],
    ),
  ];
}
