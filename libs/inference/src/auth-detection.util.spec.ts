import { type NameValueList } from '@apiscope/contracts';

import { detectCallAuth } from './auth-detection.util';

const req = (headers: NameValueList, query: NameValueList = []) => ({ headers, query });

describe(detectCallAuth.name, () => {
  it.each([
    [
      'a bearer token',
      req([['Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x']]),
      { schemes: ['bearer'], credentials: 'present' },
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
      { schemes: ['api-key-header'], credentials: 'present' },
    ],
    [
      'an x-api-key header',
      req([['X-API-Key', 'k']]),
      { schemes: ['api-key-header'], credentials: 'present' },
    ],
    [
      'an api key in the query',
      req([['host', 'a']], [['api_key', 'k']]),
      { schemes: ['api-key-query'], credentials: 'present' },
    ],
    [
      'a session cookie',
      req([['cookie', 'theme=dark; JSESSIONID=abc']]),
      { schemes: ['session-cookie'], credentials: 'present' },
    ],
    [
      'two schemes at once',
      req([
        ['cookie', 'connect.sid=s%3Aa'],
        ['x-api-key', 'k'],
      ]),
      { schemes: ['api-key-header', 'session-cookie'], credentials: 'present' },
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
    expect(detectCallAuth(request)).toEqual(expected);
  });
});
