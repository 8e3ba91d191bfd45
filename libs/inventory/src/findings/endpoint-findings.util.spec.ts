import { type SensitiveClass, type SensitiveLocation } from '@apiscope/inference';

import { type EndpointExposure, type SensitiveField } from './endpoint-exposure.type';
import { endpointFindings } from './endpoint-findings.util';

const field = (
  location: SensitiveLocation,
  name: string,
  cls: SensitiveClass,
  count = 5,
): SensitiveField => ({
  location,
  name,
  class: cls,
  count,
  firstSeen: 1_700_000_000_000,
  lastSeen: 1_700_000_100_000,
  example: '***',
});

function exposure(overrides: Partial<EndpointExposure> = {}): EndpointExposure {
  return {
    service: 'api.example.com',
    method: 'GET',
    pathTemplate: '/users/{userId}',
    calls: 100,
    auth: { status: 'authenticated', unauthenticatedSuccesses: 0 },
    sensitive: [],
    maxClassesPerResponse: 0,
    rateLimitSignals: 0,
    plaintextSensitiveCalls: 0,
    ...overrides,
  };
}

const summary = (e: EndpointExposure) => endpointFindings(e).map((f) => [f.rule, f.severity, f.category]);

describe(endpointFindings.name, () => {
  it.each<[string, Partial<EndpointExposure>, Array<[string, string, string]>]>([
    ['a clean authenticated endpoint', {}, []],
    [
      'a password hash in a response',
      { sensitive: [field('response.body', '$.user.password', 'password_hash')] },
      [['credential-exposure', 'critical', 'API3:2023']],
    ],
    [
      'a 2FA secret in a profile response',
      { sensitive: [field('response.body', "$.user['2fa_secret']", 'otp_secret')] },
      [['credential-exposure', 'critical', 'API3:2023']],
    ],
    [
      'a 2FA seed at enrolment',
      {
        method: 'POST',
        pathTemplate: '/api/2fa/enroll',
        sensitive: [field('response.body', '$.totp.secret', 'otp_secret')],
      },
      [['credential-issued', 'info', 'API2:2023']],
    ],
    [
      'a password reset token in a response',
      { sensitive: [field('response.body', '$.user.password_reset_token', 'secret')] },
      [['account-takeover-material', 'critical', 'API3:2023']],
    ],
    [
      'a reset token even from the reset endpoint itself (it belongs in the email)',
      {
        method: 'POST',
        pathTemplate: '/password/forgot',
        calls: 5,
        sensitive: [field('response.body', '$.reset_token', 'secret')],
      },
      [['account-takeover-material', 'critical', 'API3:2023']],
    ],
    [
      'an access token from a login endpoint',
      {
        method: 'POST',
        pathTemplate: '/api/v4/users/login',
        calls: 5,
        auth: { status: 'unauthenticated', unauthenticatedSuccesses: 5 },
        sensitive: [
          field('response.header', 'token', 'secret'),
          field('request.body', '$.password', 'password'),
        ],
      },
      [['credential-issued', 'info', 'API2:2023']],
    ],
    [
      'an API key returned by its creation endpoint',
      {
        method: 'POST',
        pathTemplate: '/v3/api_keys',
        sensitive: [field('response.body', '$.api_key', 'secret')],
      },
      [['credential-issued', 'info', 'API2:2023']],
    ],
    [
      'a provider secret in a settings response',
      {
        pathTemplate: '/api/integrations',
        sensitive: [field('response.body', '$.integrations[*].config.pat', 'secret')],
      },
      [['credential-exposure', 'critical', 'API3:2023']],
    ],
    [
      'a JWT returned by an endpoint that does not issue tokens',
      { sensitive: [field('response.body', '$.session.jwt', 'jwt')] },
      [['credential-exposure', 'high', 'API3:2023']],
    ],
    [
      'full card numbers in a response',
      { sensitive: [field('response.body', '$.data[*].pan', 'credit_card')] },
      [['regulated-data-exposure', 'high', 'API3:2023']],
    ],
    [
      'an email in a response (on its own, no finding)',
      { sensitive: [field('response.body', '$.email', 'email')] },
      [],
    ],
    [
      'many classes in one response',
      {
        maxClassesPerResponse: 3,
        sensitive: [
          field('response.body', '$.email', 'email'),
          field('response.body', '$.phone', 'phone'),
          field('response.body', '$.dob', 'date_of_birth'),
        ],
      },
      [['excessive-data-exposure', 'high', 'API3:2023']],
    ],
    [
      'sensitive data served without authentication',
      {
        auth: { status: 'unauthenticated', unauthenticatedSuccesses: 40 },
        sensitive: [field('response.body', '$.email', 'email')],
      },
      [['sensitive-data-unauthenticated', 'critical', 'API2:2023']],
    ],
    [
      'access logs (credentials unknown): no authentication finding',
      {
        auth: { status: 'unknown', unauthenticatedSuccesses: 0 },
        sensitive: [field('response.body', '$.email', 'email')],
      },
      [],
    ],
    [
      'a secret in the query string',
      { sensitive: [field('request.query', 'api_key', 'secret')] },
      [['sensitive-data-in-url', 'high', 'API2:2023']],
    ],
    [
      'an SSN in the query string',
      { sensitive: [field('request.query', 'ssn', 'ssn')] },
      [['sensitive-data-in-url', 'high', 'API8:2023']],
    ],
    [
      'an email in the query string',
      { sensitive: [field('request.query', 'email', 'email')] },
      [['sensitive-data-in-url', 'medium', 'API8:2023']],
    ],
    [
      'a login endpoint never rate limited',
      {
        method: 'POST',
        pathTemplate: '/login',
        calls: 500,
        auth: { status: 'unauthenticated', unauthenticatedSuccesses: 0 },
      },
      [['missing-rate-limit', 'high', 'API2:2023']],
    ],
    [
      'a login endpoint that answers 429 sometimes',
      { method: 'POST', pathTemplate: '/login', calls: 500, rateLimitSignals: 3 },
      [],
    ],
    [
      'an OTP check with too few calls to judge',
      { method: 'POST', pathTemplate: '/mfa/verify', calls: 10 },
      [],
    ],
    [
      'a signup endpoint never rate limited',
      { method: 'POST', pathTemplate: '/v1/accounts:signUp', calls: 50 },
      [['missing-rate-limit', 'medium', 'API6:2023']],
    ],
    [
      'an object endpoint where calls without credentials succeed',
      { auth: { status: 'mixed', unauthenticatedSuccesses: 7 } },
      [['auth-inconsistency', 'high', 'API1:2023']],
    ],
    [
      'a function endpoint where calls without credentials succeed',
      { pathTemplate: '/admin/export', auth: { status: 'mixed', unauthenticatedSuccesses: 2 } },
      [['auth-inconsistency', 'high', 'API5:2023']],
    ],
    [
      'sensitive data over plain HTTP from outside',
      { plaintextSensitiveCalls: 12, sensitive: [field('request.body', '$.email', 'email')] },
      [['plaintext-transport', 'high', 'API8:2023']],
    ],
  ])('should report %s', (_name, overrides, expected) => {
    expect(summary(exposure(overrides))).toEqual(expected);
  });

  it('should give each finding a stable id, masked evidence and a detail with its counts', () => {
    const e = exposure({
      auth: { status: 'unauthenticated', unauthenticatedSuccesses: 40 },
      sensitive: [{ ...field('response.body', '$.user.password', 'password_hash', 40), example: '$2y$***' }],
    });
    const findings = endpointFindings(e);
    expect(findings.map((f) => f.id)).toEqual([
      'credential-exposure api.example.com GET /users/{userId} response.body $.user.password password_hash',
      'sensitive-data-unauthenticated api.example.com GET /users/{userId}',
    ]);
    expect(findings[0].evidence).toEqual([
      {
        location: 'response.body',
        name: '$.user.password',
        class: 'password_hash',
        count: 40,
        example: '$2y$***',
      },
    ]);
    expect(findings[0].detail).toContain('40 of 100 calls');
    expect(endpointFindings(e)).toEqual(findings);
  });
});
