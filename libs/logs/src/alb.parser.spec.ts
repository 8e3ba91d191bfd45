import { AlbReader } from './alb.parser';
import { callOf, skipOf } from './log-parser-test.util';
import { LogSkipCode } from './log-skip.exception';

// Example entries of the ALB user guide ("Access logs for your Application Load Balancer",
// awsdocs/elb-application-load-balancers-user-guide, load-balancer-access-logs.md), one line each.
const TG = 'arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067';
const HTTP = `http 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.46.0" - - ${TG} "Root=1-58337262-36d228ad5d99923122bbe354" "-" "-" 0 2018-07-02T22:22:48.364000Z "forward" "-" "-"`;
const HTTPS = `https 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 0.086 0.048 0.037 200 200 0 57 "GET https://www.example.com:443/ HTTP/1.1" "curl/7.46.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 ${TG} "Root=1-58337281-1d84f3d73c47ec4e58577259" "www.example.com" "arn:aws:acm:us-east-2:123456789012:certificate/12345678-1234-1234-1234-123456789012" 1 2018-07-02T22:22:48.364000Z "authenticate,forward" "-" "-"`;
const H2 = `h2 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 10.0.1.252:48160 10.0.0.66:9000 0.000 0.002 0.000 200 200 5 257 "GET https://10.0.2.105:773/ HTTP/2.0" "curl/7.46.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 ${TG} "Root=1-58337327-72bd00b0343d75b906739c42" "-" "-" 1 2018-07-02T22:22:48.364000Z "redirect" "https://example.com:80/" "-"`;
const WS = `ws 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 10.0.0.140:40914 10.0.1.192:8010 0.001 0.003 0.000 101 101 218 587 "GET http://10.0.0.30:80/ HTTP/1.1" "-" - - ${TG} "Root=1-58337364-23a8c76965a2ef7629b185e3" "-" "-" 1 2018-07-02T22:22:48.364000Z "forward" "-" "-"`;
const LAMBDA_FAILED = `http 2018-11-30T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 - 0.000 0.001 0.000 502 - 34 366 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.46.0" - - ${TG} "Root=1-58337364-23a8c76965a2ef7629b185e3" "-" "-" 0 2018-11-30T22:22:48.364000Z "forward" "-" "LambdaInvalidResponse"`;

describe(AlbReader.name, () => {
  it('should turn the HTTPS example into the exact ApiCall', () => {
    expect(callOf('alb', HTTPS)).toEqual({
      v: 1,
      id: 'gw:f:1',
      ts: Date.parse('2018-07-02T22:22:48.364Z'),
      sensor: { id: 'gw', kind: 'log:alb' },
      src: { ip: '192.168.131.39', port: 2817 },
      request: {
        method: 'GET',
        scheme: 'https',
        host: 'www.example.com',
        target: '/',
        path: '/',
        query: [],
        headers: [],
      },
      response: { status: 200, headers: [] },
      durationMs: 171,
    });
  });

  it.each([
    [
      'HTTP',
      HTTP,
      { request: { scheme: 'http', host: 'www.example.com' }, response: { status: 200 }, durationMs: 1 },
    ],
    [
      'HTTP/2',
      H2,
      { src: { ip: '10.0.1.252', port: 48160 }, request: { scheme: 'https', host: '10.0.2.105:773' } },
    ],
    ['WebSockets', WS, { request: { host: '10.0.0.30' }, response: { status: 101 } }],
    ['a failed Lambda call', LAMBDA_FAILED, { response: { status: 502 } }],
  ])('should read the %s example', (_name, line, expected) => {
    expect(callOf('alb', line)).toMatchObject(expected);
  });

  it('should read a query and a target with a space as sent, and elb_status_code "-" as no response', () => {
    const odd = HTTP.replace('http://www.example.com:80/', 'http://www.example.com:80/a b?x=1').replace(
      ' 200 200 ',
      ' - - ',
    );
    const call = callOf('alb', odd);
    expect(call.request).toMatchObject({ target: '/a b?x=1', path: '/a b', query: [['x', '1']] });
    expect(call.response).toBeUndefined();
  });

  it.each([
    [
      'an NLB TLS line',
      'tls 2.0 2018-12-20T02:59:40 net/my-network-loadbalancer/c6e77e28c25b2234 g3d4b5e8bb8464cd 192.168.131.39:2817 10.0.0.1:80 5 2 98 246 - arn:aws:acm:us-east-2:671290407336:certificate/2a108f19 - ECDHE-RSA-AES128-SHA tlsv12 - my.example.com - - - 2018-12-20T02:59:30',
      LogSkipCode.NOT_HTTP,
    ],
    [
      'a request the ALB could not parse',
      HTTP.replace('GET http://www.example.com:80/ HTTP/1.1', '- http://www.example.com:80- '),
      LogSkipCode.NO_REQUEST,
    ],
    [
      'a URL that is not http(s)',
      HTTP.replace('http://www.example.com:80/', 'ftp://x/'),
      LogSkipCode.BAD_TARGET,
    ],
    ['a line cut short', HTTP.slice(0, 90), LogSkipCode.NOT_THIS_FORMAT],
    ['bad times', HTTP.replace(/2018-07-02T22:2[23]:[0-9.]+Z/g, 'then'), LogSkipCode.BAD_TIME],
    [
      'another format',
      '127.0.0.1 - - [10/Oct/2023:13:55:36 +0000] "GET / HTTP/1.1" 200 1',
      LogSkipCode.NOT_THIS_FORMAT,
    ],
  ])('should skip %s', (_name, line, code) => {
    expect(skipOf('alb', line).code).toBe(code);
  });
});
