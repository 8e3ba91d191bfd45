import { type ApiCallBody } from '@apiscope/contracts';

import { scanCallForSensitiveData, type SensitiveScanInput } from './scan-call.util';
import { DEFAULT_SENSITIVE_SCAN_LIMITS } from './sensitive-scan-limits.constant';

const json = (value: unknown, truncated = false): ApiCallBody => {
  const data = JSON.stringify(value);
  return { contentType: 'application/json', size: data.length, truncated, encoding: 'utf8', data };
};
const form = (data: string): ApiCallBody => ({
  contentType: 'application/x-www-form-urlencoded',
  size: data.length,
  truncated: false,
  encoding: 'utf8',
  data,
});
const triples = (input: SensitiveScanInput) =>
  scanCallForSensitiveData(input).observations.map((o) => [o.location, o.name, o.class]);

describe(scanCallForSensitiveData.name, () => {
  it('should name body fields by JSON path, arrays as [*], and count every value', () => {
    const result = scanCallForSensitiveData({
      request: {},
      response: {
        body: json({
          user: { email: 'jane@example.com' },
          items: [{ card: '4242424242424242' }, { card: '5555555555554444' }, { card: null }],
        }),
      },
    });
    expect(result).toEqual({
      complete: true,
      observations: [
        {
          location: 'response.body',
          name: '$.user.email',
          class: 'email',
          occurrences: 1,
          example: 'j***@e***.com',
        },
        {
          location: 'response.body',
          name: '$.items[*].card',
          class: 'credit_card',
          occurrences: 2,
          example: '************4242',
        },
      ],
    });
  });

  it('should name a root array $[*]', () => {
    const body = json([{ ssn: '078-05-1120' }, { ssn: '219-09-9999' }]);
    expect(triples({ request: { body } })).toEqual([['request.body', '$[*].ssn', 'ssn']]);
  });

  it('should never return a raw value', () => {
    const raw = ['jane@example.com', '4242424242424242', 'hunter2', 'JBSWY3DPEHPK3PXP', '203.0.113.42'];
    const result = scanCallForSensitiveData({
      request: { query: [['email', raw[0]]], body: form(`password=${raw[2]}&card=${raw[1]}`) },
      response: { body: json({ otp_secret: raw[3], last_ip: raw[4] }) },
    });
    expect(result.observations).toHaveLength(5);
    const text = JSON.stringify(result);
    for (const value of raw) expect(text).not.toContain(value);
  });

  it('should name form fields $.field and follow bracket nesting', () => {
    const body = form('card%5Bnumber%5D=4242424242424242&items[0][email]=a%40b.io&tags[]=x&password=pw1234');
    expect(triples({ request: { body } })).toEqual([
      ['request.body', '$.card.number', 'credit_card'],
      ['request.body', '$.items[*].email', 'email'],
      ['request.body', '$.password', 'password'],
    ]);
  });

  it('should report query parameters, headers and cookies by name, except the credential', () => {
    const input: SensitiveScanInput = {
      request: {
        query: [
          ['api_key', 'sk_live_51HcQ9rKZ8vY2aBcDeFgHiJkLmNo'],
          ['page', '2'],
        ],
        headers: [
          ['Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'],
          ['X-Api-Key', 'c9f1e4a7b0d3c6f9e2a5b8d1c4f7e0a3'],
          ['X-Tenant-Token', 'Zx9Qm2Lp7Vb4Nc1Kd8Fh3Gj6Rt0Ws5Ye'],
          ['X-User-Email', 'agent@example.com'],
          ['X-Forwarded-For', '203.0.113.7'],
          [
            'Cookie',
            'sid=abcdef123456; remember=jane%40example.com; custom_auth=Zx9Qm2Lp7Vb4Nc1Kd8Fh3Gj6Rt0Ws5Ye',
          ],
        ],
      },
      response: { headers: [['Set-Cookie', 'last_phone=%2B14155552671; Path=/']] },
      credential: { headers: ['x-tenant-token'], cookies: ['custom_auth'] },
    };
    expect(triples(input)).toEqual([
      ['request.query', 'api_key', 'secret'],
      ['request.header', 'x-user-email', 'email'],
      ['request.cookie', 'remember', 'email'],
      ['response.cookie', 'last_phone', 'phone'],
    ]);
  });

  it('should read the beginning of a truncated JSON body', () => {
    const data = JSON.stringify({ users: [{ email: 'a@example.com' }, { email: 'b@example.com' }] }).slice(
      0,
      40,
    );
    const body: ApiCallBody = {
      contentType: 'application/json',
      size: 200,
      truncated: true,
      encoding: 'utf8',
      data,
    };
    expect(triples({ request: {}, response: { body } })).toEqual([
      ['response.body', '$.users[*].email', 'email'],
    ]);
  });

  it('should decode base64 bodies and skip content types that hold no fields', () => {
    const data = Buffer.from(JSON.stringify({ email: 'a@example.com' })).toString('base64');
    const b64: ApiCallBody = {
      contentType: 'application/json',
      size: 24,
      truncated: false,
      encoding: 'base64',
      data,
    };
    const html: ApiCallBody = {
      contentType: 'text/html',
      size: 30,
      truncated: false,
      encoding: 'utf8',
      data: '{"email":"a@example.com"}',
    };
    expect(triples({ request: { body: b64 }, response: { body: html } })).toEqual([
      ['request.body', '$.email', 'email'],
    ]);
  });

  it('should not call version fields IP addresses even when a version looks like one', () => {
    const body = json({
      items: [{ lower: '3.0.0-preview' }, { lower: '3.3.5.3' }],
      ips: ['10.0.0.1', '10.0.0.2'],
    });
    expect(triples({ request: {}, response: { body } })).toEqual([
      ['response.body', '$.ips[*]', 'ip_address'],
    ]);
  });

  it('should keep hostile bodies cheap and say the scan was cut', () => {
    const deep = `${'{"a":'.repeat(50_000)}"x@example.com"${'}'.repeat(50_000)}`;
    const wide = JSON.stringify(
      Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, 'a@example.com'])),
    );
    const big = JSON.stringify({ list: Array.from({ length: 200_000 }, () => ({ email: 'a@example.com' })) });
    const started = Date.now();
    for (const data of [deep, wide, big]) {
      const body: ApiCallBody = {
        contentType: 'application/json',
        size: data.length,
        truncated: false,
        encoding: 'utf8',
        data,
      };
      const result = scanCallForSensitiveData({ request: {}, response: { body } });
      expect(result.complete).toBe(false);
    }
    expect(Date.now() - started).toBeLessThan(2000);
    const list = scanCallForSensitiveData({
      request: {},
      response: { body: json({ list: Array(1000).fill({ email: 'a@b.io' }) }) },
    });
    expect(list.observations[0].occurrences).toBe(DEFAULT_SENSITIVE_SCAN_LIMITS.maxArrayItems);
  });

  it('should survive bodies that are not what they claim', () => {
    for (const data of ['{"a":', 'null', '"just a string"', '[1,2', '\u0000\u0001', '{"a":"\\ud800"}']) {
      const body: ApiCallBody = {
        contentType: 'application/json',
        size: data.length,
        truncated: false,
        encoding: 'utf8',
        data,
      };
      expect(() => scanCallForSensitiveData({ request: { body }, response: { body } })).not.toThrow();
    }
    expect(scanCallForSensitiveData({ request: {} })).toEqual({ observations: [], complete: true });
  });
});
