import { type SpecSecurity } from '../spec/reference-spec.type';
import { type EndpointExposure } from './endpoint-exposure.type';
import { endpointFindings } from './endpoint-findings.util';
import { specAuthFindings } from './spec-auth-findings.util';

function exposure(
  specSecurity: SpecSecurity | undefined,
  unauthenticatedSuccesses: number,
): EndpointExposure {
  return {
    service: 'api.shop.example',
    method: 'GET',
    pathTemplate: '/v1/orders',
    calls: 40,
    auth: { status: unauthenticatedSuccesses > 0 ? 'mixed' : 'authenticated', unauthenticatedSuccesses },
    sensitive: [],
    maxClassesPerResponse: 0,
    rateLimitSignals: 0,
    plaintextSensitiveCalls: 0,
    ...(specSecurity && { specSecurity }),
  };
}

describe(specAuthFindings.name, () => {
  it.each<[string, SpecSecurity | undefined, number, Array<[string, string, string]>]>([
    [
      'spec requires auth, 2xx without credentials',
      'required',
      3,
      [['spec-auth-bypassed', 'high', 'API2:2023']],
    ],
    ['spec requires auth, every open call refused', 'required', 0, []],
    ['spec declares the operation public (security: [])', 'public', 3, []],
    ['spec says nothing about security', 'unspecified', 3, []],
    ['no matching spec operation', undefined, 3, []],
  ])('should judge %s', (_name, security, successes, expected) => {
    expect(
      specAuthFindings(exposure(security, successes)).map((f) => [f.rule, f.severity, f.category]),
    ).toEqual(expected);
  });

  it('should give a stable id naming rule and endpoint, with the counts in the detail', () => {
    const [finding] = specAuthFindings(exposure('required', 3));
    expect(finding.id).toBe('spec-auth-bypassed api.shop.example GET /v1/orders');
    expect(finding.detail).toContain('3 of 40 calls');
    expect(finding.evidence).toEqual([]);
  });

  it('should be part of the endpoint findings', () => {
    expect(endpointFindings(exposure('required', 3)).map((f) => f.rule)).toContain('spec-auth-bypassed');
    expect(endpointFindings(exposure('public', 3)).map((f) => f.rule)).not.toContain('spec-auth-bypassed');
  });
});
