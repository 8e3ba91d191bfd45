import { ApiGatewayReader } from './apigw.parser';
import { callOf, recordOf, skipOf } from './log-parser-test.util';
import { LogSkipCode } from './log-skip.exception';

/**
 * Records written from the API Gateway developer guide: the console's JSON access log example
 * ("Set up CloudWatch API logging", keys requestId, ip, caller, user, requestTime, httpMethod,
 * resourcePath, status, protocol, responseLength), the HTTP API example (routeKey), and the
 * $context variables for the real path, API keys and authorizer claims
 * (api-gateway-mapping-template-reference, http-api-logging-variables).
 */
const REST = {
  requestId: '0a1b2c3d-4e5f-6789-abcd-ef0123456789',
  ip: '198.51.100.10',
  caller: '-',
  user: '-',
  requestTime: '01/Mar/2024:12:00:00 +0000',
  httpMethod: 'GET',
  resourcePath: '/pets/{petId}',
  status: '200',
  protocol: 'HTTP/1.1',
  responseLength: '49',
};
const line = (extra: object = {}): string => JSON.stringify({ ...REST, ...extra });

describe(ApiGatewayReader.name, () => {
  it('should turn the console JSON example into an HTTPS call whose path is the template it logs', () => {
    expect(recordOf('apigw', line())).toEqual({
      route: '/pets/{petId}',
      call: {
        v: 1,
        id: 'gw:f:1',
        ts: Date.UTC(2024, 2, 1, 12, 0, 0),
        sensor: { id: 'gw', kind: 'log:apigw' },
        src: { ip: '198.51.100.10', port: 0 },
        request: {
          method: 'GET',
          scheme: 'https',
          target: '/pets/{petId}',
          path: '/pets/{petId}',
          query: [],
          headers: [],
        },
        response: { status: 200, headers: [], body: { size: 49, truncated: true, encoding: 'utf8' } },
      },
    });
  });

  it.each([
    [
      'the real path, domain and latency ($context.path, domainName, responseLatency)',
      {
        path: '/prod/pets/42',
        domainName: 'api.example.com',
        responseLatency: '31',
        requestTimeEpoch: 1709294400123,
      },
      {
        route: '/pets/{petId}',
        call: {
          ts: 1709294400123,
          durationMs: 31,
          request: { host: 'api.example.com', path: '/prod/pets/42' },
        },
      },
    ],
    [
      'an HTTP API routeKey',
      { httpMethod: undefined, resourcePath: undefined, routeKey: 'POST /orders/{id}/items' },
      { route: '/orders/{id}/items', call: { request: { method: 'POST', path: '/orders/{id}/items' } } },
    ],
    [
      'a JWT authorizer claim (no token logged: the scheme only)',
      { 'authorizer.claims.sub': 'c0ffee' },
      { call: { request: { headers: [['authorization', 'Bearer']] } } },
    ],
    [
      'an IAM caller (SigV4)',
      { caller: 'AROAEXAMPLE:alice', user: 'AROAEXAMPLE:alice' },
      { call: { request: { headers: [['authorization', 'AWS4-HMAC-SHA256']] } } },
    ],
    ['an API key', { apiKey: 'k-123' }, { call: { request: { headers: [['x-api-key', 'k-123']] } } }],
  ])('should read %s', (_name, extra, expected) => {
    expect(recordOf('apigw', line(extra))).toMatchObject(expected);
  });

  it('should read a status with no response length as a response without body', () => {
    expect(callOf('apigw', line({ status: '403', responseLength: '-' })).response).toEqual({
      status: 403,
      headers: [],
    });
  });

  it.each([
    [
      'the catch-all route without a logged path',
      line({ resourcePath: undefined, routeKey: '$default' }),
      LogSkipCode.BAD_TARGET,
    ],
    ['a record without method', line({ httpMethod: '-' }), LogSkipCode.NO_REQUEST],
    ['a malformed requestTime', line({ requestTime: '2024-03-01' }), LogSkipCode.BAD_TIME],
    ['a record of another service', JSON.stringify({ level: 'info', msg: 'x' }), LogSkipCode.NOT_THIS_FORMAT],
    [
      'a CLF line (only JSON is read)',
      '198.51.100.10 - - [01/Mar/2024:12:00:00 +0000] "GET /pets HTTP/1.1" 200 49 id',
      LogSkipCode.NOT_JSON,
    ],
  ])('should skip %s', (_name, text, code) => {
    expect(skipOf('apigw', text).code).toBe(code);
  });
});
