import { accessControlFindings } from './access-control-findings.util';
import { type EndpointExposure } from './endpoint-exposure.type';
import { type Finding, SEVERITIES } from './finding.type';
import { sensitiveDataFindings } from './sensitive-data-findings.util';
import { specAuthFindings } from './spec-auth-findings.util';

/** Most severe first, then by id (stable output for diffs and the change log). */
export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.id.localeCompare(b.id);
}

/** Every finding of one endpoint, most severe first. */
export function endpointFindings(exposure: EndpointExposure): Finding[] {
  return [
    ...sensitiveDataFindings(exposure),
    ...accessControlFindings(exposure),
    ...specAuthFindings(exposure),
  ].sort(compareFindings);
}
