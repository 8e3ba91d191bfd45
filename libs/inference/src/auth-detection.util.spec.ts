import { type NameValueList } from '@apiscope/contracts';

import { detectCallAuth } from './auth-detection.util';

const req = (headers: NameValueList, query: NameValueList = []) => ({ headers, query });

describe(detectCallAuth.name, () => {
  it.each([
    [
      'a bearer JWT with its algorithm (and no claims)',
      req([['Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x']]),
      { schemes: ['bearer'], credentials: 'present', bearer: 'jwt', jwt: { alg: 'HS256' } },
    ],
    [
      'a bearer JWT with issuer and audience',
      req([
        [
          'Authorization',
          `Bearer ${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')}.${Buffer.from(
            '{"iss":"https://idp.example.com/","aud":["api","web"],"sub":"user-1","email":"jane@example.com"}',
          ).toString('base64url')}.sig`,
        ],
      ]),
      {
        schemes: ['bearer'],
        credentials: 'present',
        bearer: 'jwt',
        jwt: { alg: 'RS256', iss: 'https://idp.example.com/', aud: ['api', 'web'] },
      },
    ],
    [
      'an opaque bearer token',
      req([['authorization', 'Bearer gho_16C7e42F292c6912E7710c838347Ae178B4a']]),
      { schemes: ['bearer'], credentials: 'present', bearer: 'opaque' },
    ],
    [
      'basic credentials',
      req([['authorization', 'Basic dXNlcjpwYXNz']]),
      { schemes: ['basic'], credentials: 'present' },
    ],
    [
      'digest credentials',
      req([['authorization', 'Digest username="a"']]),
      { schemes: ['digest'], credentials: 'present' },
    ],
    [
      'AWS SigV4',
      req([['Authorization', 'AWS4-HMAC-SHA256 Credential=AKIA/2024']]),
      { schemes: ['aws-sigv4'], credentials: 'present' },
    ],
    [
      'a bare token in Authorization',
      req([['authorization', 'abc123']]),
      {
        schemes: ['api-key-header'],
        credentials: 'present',
        apiKeys: [{ in: 'header', name: 'authorization' }],
      },
    ],
    [
      'an x-api-key header',
      req([['X-API-Key', 'k']]),
      { schemes: ['api-key-header'], credentials: 'present', apiKeys: [{ in: 'header', name: 'x-api-key' }] },
    ],
    [
      'an api key in the query',
      req([['host', 'a']], [['api_key', 'k']]),
      { schemes: ['api-key-query'], credentials: 'present', apiKeys: [{ in: 'query', name: 'api_key' }] },
    ],
    [
      'a session cookie',
      req([['cookie', 'theme=dark; JSESSIONID=abc']]),
      { schemes: ['session-cookie'], credentials: 'present', sessionCookies: ['JSESSIONID'] },
    ],
    [
      'two schemes at once',
      req([
        ['cookie', 'connect.sid=s%3Aa'],
        ['x-api-key', 'k'],
      ]),
      {
        schemes: ['api-key-header', 'session-cookie'],
        credentials: 'present',
        apiKeys: [{ in: 'header', name: 'x-api-key' }],
        sessionCookies: ['connect.sid'],
      },
    ],
    [
      'only harmless cookies',
      req([['cookie', 'theme=dark; _ga=GA1.2']]),
      { schemes: [], credentials: 'absent' },
    ],
    [
      'no credentials',
      req([
        ['host', 'a'],
        ['accept', '*/*'],
      ]),
      { schemes: [], credentials: 'absent' },
    ],
    ['no recorded headers (access logs)', req([]), { schemes: [], credentials: 'unknown' }],
  ])('should detect %s', (_name, request, expected) => {
    expect(detectCallAuth(request)).toStrictEqual(expected);
  });

  it('should never keep the token itself', () => {
    const token = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"secret":"s3cr3t"}').toString('base64url')}.x`;
    expect(JSON.stringify(detectCallAuth(req([['authorization', `Bearer ${token}`]])))).not.toMatch(
      /s3cr3t|eyJ/,
    );
  });
});
