import { type ApiCall } from '@apiscope/contracts';
import { type SensitiveObservation } from '@apiscope/inference';

import { authFlowOf } from './auth-flow.util';
import { callExposureSignals, hasRateLimitSignal, isExternalAddress } from './call-exposure-signals.util';
import { inventorySensitiveOf, withSensitiveFlag } from './inventory-sensitive.util';
import { mergeSensitiveFields, sensitiveFieldsOfCall } from './merge-sensitive-fields.util';

describe(authFlowOf.name, () => {
  it.each([
    ['POST', '/api/v4/users/login', 'login'],
    ['POST', '/auth/sign-in', 'login'],
    ['POST', '/v3/session', 'login'],
    ['GET', '/login', null],
    ['POST', '/v1/accounts:signUp', 'signup'],
    ['POST', '/users/register', 'signup'],
    ['POST', '/api/password/forgot', 'password-reset'],
    ['POST', '/reset-password', 'password-reset'],
    ['PUT', '/users/{userId}/password', null],
    ['POST', '/mfa/verify', 'otp-verification'],
    ['POST', '/auth/2fa/challenge', 'otp-verification'],
    ['POST', '/api/2fa/enroll', 'otp-enrolment'],
    ['POST', '/oauth/token', 'token'],
    ['POST', '/orders', null],
  ])('should see %s %s as %p', (method, path, flow) => {
    expect(authFlowOf(method, path)).toBe(flow);
  });
});

describe(hasRateLimitSignal.name, () => {
  it.each<[number, Array<[string, string]>, boolean]>([
    [429, [], true],
    [200, [['RateLimit-Remaining', '9']], true],
    [200, [['x-ratelimit-limit', '60']], true],
    [503, [['Retry-After', '120']], true],
    [200, [['content-type', 'application/json']], false],
  ])('should read status %p with headers %p as %p', (status, headers, expected) => {
    expect(hasRateLimitSignal(status, headers)).toBe(expected);
  });
});

describe(isExternalAddress.name, () => {
  it.each([
    ['203.0.113.7', true],
    ['8.8.8.8', true],
    ['2001:db8::1', true],
    ['10.0.0.5', false],
    ['172.16.4.1', false],
    ['192.168.1.1', false],
    ['127.0.0.1', false],
    ['100.64.0.1', false],
    ['169.254.169.254', false],
    ['::1', false],
    ['fd00::1', false],
    ['fe80::1', false],
    ['::ffff:10.0.0.1', false],
    ['', false],
  ])('should see %p as external: %p', (ip, expected) => {
    expect(isExternalAddress(ip)).toBe(expected);
  });
});

describe(callExposureSignals.name, () => {
  const obs = (
    location: SensitiveObservation['location'],
    cls: SensitiveObservation['class'],
  ): SensitiveObservation => ({
    location,
    name: '$.x',
    class: cls,
    occurrences: 1,
    example: '***',
  });
  const call = (scheme: 'http' | 'https', ip: string): Pick<ApiCall, 'request' | 'response' | 'src'> => ({
    src: { ip, port: 5000 },
    request: { method: 'POST', scheme, target: '/login', path: '/login', query: [], headers: [] },
    response: { status: 429, headers: [] },
  });

  it('should flag plain HTTP with sensitive data from an external client only', () => {
    const o = [obs('request.body', 'password'), obs('response.body', 'email'), obs('response.body', 'phone')];
    expect(callExposureSignals(call('http', '203.0.113.7'), o)).toEqual({
      rateLimitSignal: true,
      plaintextSensitive: true,
      responseClasses: 2,
    });
    expect(callExposureSignals(call('http', '10.0.0.7'), o).plaintextSensitive).toBe(false);
    expect(callExposureSignals(call('https', '203.0.113.7'), o).plaintextSensitive).toBe(false);
    expect(callExposureSignals(call('http', '203.0.113.7'), []).plaintextSensitive).toBe(false);
  });
});

describe(mergeSensitiveFields.name, () => {
  const o: SensitiveObservation = {
    location: 'response.body',
    name: '$.email',
    class: 'email',
    occurrences: 3,
    example: 'a***@e***.com',
  };

  it('should count calls, widen first/last seen and keep the earliest example, in any order', () => {
    const a = sensitiveFieldsOfCall([o], 2000);
    const b = sensitiveFieldsOfCall([{ ...o, example: 'b***@e***.com' }], 1000);
    const c = sensitiveFieldsOfCall([{ ...o, name: '$.phone', class: 'phone', example: '+1***71' }], 3000);
    const expected = [
      {
        location: 'response.body',
        name: '$.email',
        class: 'email',
        count: 2,
        firstSeen: 1000,
        lastSeen: 2000,
        example: 'b***@e***.com',
      },
      {
        location: 'response.body',
        name: '$.phone',
        class: 'phone',
        count: 1,
        firstSeen: 3000,
        lastSeen: 3000,
        example: '+1***71',
      },
    ];
    expect(mergeSensitiveFields(a, b, c)).toEqual(expected);
    expect(mergeSensitiveFields(c, b, a)).toEqual(expected);
    expect(mergeSensitiveFields(mergeSensitiveFields(a, c), b)).toEqual(expected);
  });

  it('should shape the inventory sensitive[] and the sensitive flag', () => {
    const fields = mergeSensitiveFields(sensitiveFieldsOfCall([o], 1000));
    expect(inventorySensitiveOf(fields)).toEqual([
      { location: 'response.body', name: '$.email', class: 'email', count: 1, example: 'a***@e***.com' },
    ]);
    expect(withSensitiveFlag(['shadow'], fields)).toEqual(['shadow', 'sensitive']);
    expect(withSensitiveFlag(['shadow'], [])).toEqual(['shadow']);
  });
});
