import { type Endpoint } from '../api/api.type';

/** An endpoint as GET /api/v1/endpoints returns it (values from the demo capture), with overrides. */
export function endpoint(overrides: Partial<Endpoint> = {}): Endpoint {
  return {
    id: 'WyJhcGkuc2hvcC5leGFtcGxlIiwiR0VUIiwiL3YxL3VzZXJzL3t1c2VySWR9Il0',
    service: 'api.shop.example',
    method: 'GET',
    path: '/v1/users/{userId}',
    calls: 37,
    firstSeen: '2026-11-20T09:00:23.000Z',
    lastSeen: '2026-11-20T09:14:05.000Z',
    statusCodes: { '200': 32, '401': 5 },
    latencyMs: { avg: 87.3, max: 180 },
    auth: { schemes: ['bearer'], status: 'mixed', unauthenticatedSuccesses: 0 },
    flags: [],
    sensitive: [],
    parameters: [{ name: 'userId', in: 'path', required: true, schema: { type: 'string' } }],
    requestBody: null,
    responses: {},
    ...overrides,
  };
}
