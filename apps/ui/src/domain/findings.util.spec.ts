import { describe, expect, it } from 'vitest';

import { type Endpoint, type SensitiveFinding } from '../api/api.type';
import { endpoint } from '../testing/endpoint.fixture';
import { deriveFindings, findingsOf, sensitiveSeverity } from './findings.util';

const open = (path: string, method = 'GET', extra: Partial<Endpoint> = {}) =>
  endpoint({
    path,
    method,
    flags: ['unauthenticated'],
    auth: { schemes: [], status: 'unauthenticated', unauthenticatedSuccesses: 9 },
    ...extra,
  });

const seen = (cls: string, location: string, name = '$.x'): SensitiveFinding => ({
  location,
  name,
  class: cls,
  count: 3,
  example: '***',
});

describe('findingsOf', () => {
  it.each([
    // [what, endpoint, expected [kind, severity, owasp] per finding]
    ['a clean endpoint', endpoint(), []],
    [
      'an open admin endpoint',
      open('/internal/admin/users/{userId}'),
      [['unauthenticated', 'critical', 'API5']],
    ],
    ['an open product list', open('/v1/products'), [['unauthenticated', 'high', 'API2']]],
    ['an open health check', open('/healthz'), [['unauthenticated', 'low', 'API2']]],
    ['an open token endpoint', open('/oauth/token', 'POST'), [['unauthenticated', 'low', 'API2']]],
    [
      'an open endpoint returning emails',
      open('/v1/users', 'GET', { sensitive: [seen('email', 'response.body', '$[*].email')] }),
      [
        ['unauthenticated', 'critical', 'API2'],
        ['sensitive-data', 'high', 'API3'],
      ],
    ],
    [
      'card numbers in an authenticated response',
      endpoint({ sensitive: [seen('credit_card', 'response.body')] }),
      [['sensitive-data', 'high', 'API3']],
    ],
    [
      'a password in a login body',
      endpoint({ method: 'POST', sensitive: [seen('password', 'request.body')] }),
      [['sensitive-data', 'info', 'API3']],
    ],
    [
      'a secret in the query string',
      endpoint({ sensitive: [seen('secret', 'request.query', 'api_key')] }),
      [['sensitive-data', 'high', 'API8']],
    ],
    ['a zombie', endpoint({ flags: ['zombie'] }), [['zombie', 'high', 'API9']]],
    ['a shadow', endpoint({ flags: ['shadow'] }), [['shadow', 'medium', 'API9']]],
    ['an orphan', endpoint({ calls: 0, flags: ['orphan'] }), [['orphan', 'low', 'API9']]],
    [
      'a sensitive flag without detail',
      endpoint({ flags: ['sensitive'] }),
      [['sensitive-data', 'medium', 'API3']],
    ],
  ] as Array<[string, Endpoint, Array<[string, string, string]>]>)('should rate %s', (_what, e, expected) => {
    expect(findingsOf(e).map((f) => [f.kind, f.severity, f.owasp])).toEqual(expected);
  });

  it('should make one finding per data class, naming every field it was seen in', () => {
    const e = endpoint({
      sensitive: [
        seen('email', 'response.body', '$.email'),
        seen('email', 'response.body', '$.manager.email'),
        seen('phone', 'response.body', '$.phone'),
      ],
    });
    const findings = findingsOf(e);
    expect(findings).toHaveLength(2);
    expect(findings[0].detail).toBe('6 values in response.body ($.email, $.manager.email).');
  });
});

describe('sensitiveSeverity', () => {
  it.each([
    ['password_hash', 'response.body', 'critical'],
    ['ssn', 'response.body', 'high'],
    ['jwt', 'response.body', 'low'],
    ['phone', 'response.body', 'medium'],
    ['jwt', 'request.query', 'high'],
    ['email', 'request.query', 'medium'],
    ['iban', 'request.body', 'low'],
    ['jwt', 'request.header', 'info'],
  ])('should rate %s in %s as %s', (cls, location, severity) => {
    expect(sensitiveSeverity(cls, location)).toBe(severity);
  });
});

describe('deriveFindings', () => {
  it('should rank by severity, then by calls', () => {
    const ranked = deriveFindings([
      open('/healthz', 'GET', { calls: 1000 }),
      open('/v1/products', 'GET', { calls: 5 }),
      open('/v1/orders', 'GET', { calls: 50 }),
      open('/admin/users'),
    ]);
    expect(ranked.map((f) => f.endpoint.path)).toEqual([
      '/admin/users',
      '/v1/orders',
      '/v1/products',
      '/healthz',
    ]);
  });
});
