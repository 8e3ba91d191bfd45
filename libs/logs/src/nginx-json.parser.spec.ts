import { parseLogText } from './log-parser.factory';
import { callOf, skipOf, TEST_OPTIONS } from './log-parser-test.util';
import { LogSkipCode } from './log-skip.exception';
import { NginxJsonReader } from './nginx-json.parser';

// nginx's escape=json (ngx_http_log_module, log_format `escape=json`): a JSON object per line with
// keys the operator names; the usual configuration names them after the variables.
const RECORD = {
  time_local: '01/Mar/2024:12:00:00 +0000',
  remote_addr: '203.0.113.9',
  remote_user: '',
  request: 'PUT /v1/items/9?force=true HTTP/1.1',
  status: '200',
  body_bytes_sent: '17',
  request_time: '0.020',
  http_host: 'shop.example.com',
  http_referer: '',
  http_user_agent: 'python-requests/2.31',
  http_authorization: 'Basic dTpw',
};

describe(NginxJsonReader.name, () => {
  it('should read keys named after the variables', () => {
    expect(callOf('nginx-json', JSON.stringify(RECORD))).toEqual({
      v: 1,
      id: 'gw:f:1',
      ts: Date.UTC(2024, 2, 1, 12, 0, 0) - 20,
      sensor: { id: 'gw', kind: 'log:nginx-json' },
      src: { ip: '203.0.113.9', port: 0 },
      request: {
        method: 'PUT',
        scheme: 'http',
        host: 'shop.example.com',
        target: '/v1/items/9?force=true',
        path: '/v1/items/9',
        query: [['force', 'true']],
        headers: [['authorization', 'Basic dTpw']],
      },
      response: { status: 200, headers: [], body: { size: 17, truncated: true, encoding: 'utf8' } },
      durationMs: 20,
    });
  });

  it('should map custom keys through the log_format given with --nginx-format', () => {
    const format = `log_format api escape=json '{"ts":"$time_iso8601","ip":"$remote_addr","m":"$request_method",' '"u":"$request_uri","s":$status,"rt":$request_time}';`;
    const line = JSON.stringify({
      ts: '2024-03-01T12:00:00+00:00',
      ip: '203.0.113.9',
      m: 'GET',
      u: '/a?b=1',
      s: 404,
      rt: 0.5,
    });
    expect(callOf('nginx-json', line, { nginxFormat: format })).toMatchObject({
      ts: Date.UTC(2024, 2, 1, 12, 0, 0) - 500,
      request: { method: 'GET', target: '/a?b=1', headers: [] },
      response: { status: 404 },
      durationMs: 500,
    });
  });

  it('should refuse a --nginx-format without "key": "$variable" pairs', () => {
    expect(() =>
      parseLogText('nginx-json', '', { ...TEST_OPTIONS, nginxFormat: '$remote_addr $request' }),
    ).toThrow(/no "key": "\$variable" pair/);
  });

  it.each([
    ['a record without request', JSON.stringify({ ...RECORD, request: '' }), LogSkipCode.NO_REQUEST],
    ['a record without time', JSON.stringify({ ...RECORD, time_local: '' }), LogSkipCode.BAD_TIME],
    [
      'a combined line',
      '127.0.0.1 - - [01/Mar/2024:12:00:00 +0000] "GET / HTTP/1.1" 200 1 "-" "-"',
      LogSkipCode.NOT_JSON,
    ],
    ['a JSON array of strings', '["a"]', LogSkipCode.NOT_JSON],
  ])('should skip %s', (_name, text, code) => {
    expect(skipOf('nginx-json', text).code).toBe(code);
  });
});
