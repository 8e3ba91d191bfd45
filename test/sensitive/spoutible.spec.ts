import { type ApiCall } from '@apiscope/contracts';
import { detectCallAuth, scanCallForSensitiveData } from '@apiscope/inference';
import {
  authStatusOf,
  callExposureSignals,
  endpointFindings,
  endpointRisk,
  type EndpointExposure,
  inventorySensitiveOf,
  sensitiveFieldsOfCall,
} from '@apiscope/inventory';

import { SPOUTIBLE } from '../fixtures/sensitive/spoutible.fixture';

/** The first response of the Spoutible endpoint, as the sensor delivers it. */
function firstCall(): ApiCall {
  const data = JSON.stringify((SPOUTIBLE.response?.body as { json: unknown }).json);
  return {
    v: 1,
    id: 'spoutible-1',
    ts: Date.UTC(2024, 1, 5, 22, 10, 43),
    sensor: { id: 'edge-1', kind: 'pcap' },
    src: { ip: '198.51.100.23', port: 51234 },
    dst: { ip: '10.0.1.9', port: 443 },
    request: {
      method: 'GET',
      scheme: 'https',
      host: 'spoutible.example',
      target: '/api/v2/user_profile_box?username=troyhunt',
      path: '/api/v2/user_profile_box',
      query: SPOUTIBLE.request?.query ?? [],
      headers: SPOUTIBLE.request?.headers ?? [],
    },
    response: {
      status: 200,
      headers: SPOUTIBLE.response?.headers ?? [],
      body: { contentType: 'application/json', size: data.length, truncated: false, encoding: 'utf8', data },
    },
  };
}

describe('Spoutible-class leak', () => {
  const call = firstCall();
  const scan = scanCallForSensitiveData({ request: call.request, response: call.response });
  const auth = detectCallAuth(call.request);
  const exposure: EndpointExposure = {
    service: 'spoutible.example',
    method: 'GET',
    pathTemplate: '/api/v2/user_profile_box',
    calls: 1,
    auth: {
      status: authStatusOf({
        credentialedCalls: auth.credentials === 'present' ? 1 : 0,
        uncredentialedCalls: auth.credentials === 'absent' ? 1 : 0,
      }),
      unauthenticatedSuccesses: auth.credentials === 'absent' ? 1 : 0,
    },
    sensitive: sensitiveFieldsOfCall(scan.observations, call.ts),
    maxClassesPerResponse: callExposureSignals(call, scan.observations).responseClasses,
    rateLimitSignals: 0,
    plaintextSensitiveCalls: 0,
  };
  const findings = endpointFindings(exposure);

  it('should classify every credential and personal field of the first response', () => {
    expect(scan.observations.map((o) => [o.name, o.class])).toEqual(
      SPOUTIBLE.expected.map(([, name, cls]) => [name, cls]),
    );
  });

  it('should raise critical findings on the first response', () => {
    const critical = findings.filter((f) => f.severity === 'critical').map((f) => f.rule);
    expect(critical).toEqual([
      'account-takeover-material',
      'credential-exposure',
      'credential-exposure',
      'credential-exposure',
      'sensitive-data-unauthenticated',
    ]);
    expect(findings.map((f) => f.rule)).toContain('excessive-data-exposure');
    expect(new Set(findings.map((f) => f.category))).toEqual(new Set(['API2:2023', 'API3:2023']));
  });

  it('should make the endpoint critical with a score that names its reasons', () => {
    const risk = endpointRisk(findings);
    expect(risk.level).toBe('critical');
    expect(risk.score).toBe(100);
    expect(risk.capped).toBe(true);
    expect(risk.factors.map((f) => f.source)).toContain(
      "credential-exposure spoutible.example GET /api/v2/user_profile_box response.body $.user['2fa_secret'] otp_secret",
    );
  });

  it('should expose only masked examples in the inventory and findings', () => {
    const shown = JSON.stringify([inventorySensitiveOf(exposure.sensitive), findings]);
    const user = (JSON.parse(call.response?.body?.data ?? '{}') as { user: Record<string, unknown> }).user;
    for (const key of [
      'email',
      'ip_address',
      'phone',
      'dob',
      'password',
      '2fa_secret',
      '2fa_backup_code',
      'password_reset_token',
    ])
      expect(shown).not.toContain(String(user[key]));
    expect(inventorySensitiveOf(exposure.sensitive).find((s) => s.class === 'password_hash')?.example).toBe(
      '$2y$***',
    );
  });
});
