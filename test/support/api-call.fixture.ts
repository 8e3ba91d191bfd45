import { type ApiCall } from '@apiscope/contracts';

let counter = 0;

/** A valid ApiCall v1 with overridable request and response parts. */
export function apiCall(
  request: Partial<ApiCall['request']> = {},
  response: Partial<NonNullable<ApiCall['response']>> | null = {},
): ApiCall {
  counter += 1;
  const path = request.path ?? '/users/42';
  return {
    v: 1,
    id: `e2e-${process.pid}-${counter}`,
    ts: Date.UTC(2026, 10, 1, 12, 0, counter % 60),
    sensor: { id: 'e2e', kind: 'test' },
    src: { ip: '10.0.0.5', port: 50000 + (counter % 1000) },
    dst: { ip: '10.0.1.9', port: 8080 },
    request: {
      method: 'GET',
      scheme: 'http',
      host: 'api.example.com',
      target: path,
      path,
      query: [],
      headers: [['host', 'api.example.com']],
      ...request,
    },
    ...(response !== null && {
      response: { status: 200, headers: [['content-type', 'application/json']], ...response },
    }),
    durationMs: 10,
  };
}
