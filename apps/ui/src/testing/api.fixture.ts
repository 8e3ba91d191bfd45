import {
  type ApiFinding,
  type InventoryChange,
  type RiskScore,
  type ServiceDrift,
  type SpecVersion,
} from '../api/api.type';

/** A finding as GET /api/v1/findings returns it (the shape agreed for issue 5), with overrides. */
export function finding(overrides: Partial<ApiFinding> = {}): ApiFinding {
  return {
    id: 'credential-exposure api.shop.example POST /v1/login $.token',
    rule: 'credential-exposure',
    severity: 'high',
    category: 'API2:2023',
    title: 'Session token in responses of an unauthenticated endpoint',
    detail: '12 of 12 responses carried a JWT',
    evidence: [{ location: 'response.body', name: '$.token', class: 'jwt', count: 12, example: 'eyJ***' }],
    service: 'api.shop.example',
    endpointId: 'WyJhcGkuc2hvcC5leGFtcGxlIiwiUE9TVCIsIi92MS9sb2dpbiJd',
    method: 'POST',
    path: '/v1/login',
    ...overrides,
  };
}

export function risk(overrides: Partial<RiskScore> = {}): RiskScore {
  return {
    score: 48,
    level: 'critical',
    factors: [
      {
        source: 'a',
        points: 40,
        reason: 'critical sensitive-data-unauthenticated (API3:2023): Emails served openly',
      },
      { source: 'b', points: 8, reason: 'medium missing-rate-limit (API4:2023): No rate limit seen' },
    ],
    capped: false,
    ...overrides,
  };
}

export function specVersion(overrides: Partial<SpecVersion> = {}): SpecVersion {
  return {
    service: 'api.shop.example',
    version: 1,
    importedAt: '2026-11-20T08:00:00.000Z',
    title: 'Shop API',
    openapiVersion: '3.1.0',
    operations: 14,
    ...overrides,
  };
}

/** The drift of the demo shop (shape agreed for issue 6): one endpoint with two items. */
export function serviceDrift(overrides: Partial<ServiceDrift> = {}): ServiceDrift {
  return {
    service: 'api.shop.example',
    specVersion: 1,
    items: [
      {
        endpointId: 'WyJhcGkuc2hvcC5leGFtcGxlIiwiR0VUIiwiL3YxL3VzZXJzL3t1c2VySWR9Il0',
        method: 'GET',
        path: '/v1/users/{userId}',
        drift: [
          {
            kind: 'undocumented-field',
            location: 'response-body',
            name: '$.internalNotes',
            status: '200',
            detail: 'seen in 30 of 32 responses, not in the spec',
          },
          {
            kind: 'undocumented-status',
            location: 'response-body',
            name: '401',
            status: '401',
            detail: '5 calls answered 401, the spec lists 200 and 404',
          },
        ],
      },
    ],
    summary: { 'undocumented-field': 1, 'undocumented-status': 1 },
    ...overrides,
  };
}

export function change(overrides: Partial<InventoryChange> = {}): InventoryChange {
  return {
    ts: '2026-11-20T09:00:30.000Z',
    kind: 'new_endpoint',
    service: 'api.shop.example',
    method: 'GET',
    path: '/v1/users/{userId}',
    subject: '',
    ...overrides,
  };
}
