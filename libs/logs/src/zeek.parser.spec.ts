import { parseLogText } from './log-parser.factory';
import { callOf, skipOf, TEST_OPTIONS } from './log-parser-test.util';
import { LogSkipCode } from './log-skip.exception';
import { ZeekReader } from './zeek.parser';

// Zeek's http.log documentation (docs.zeek.org/en/master/logs/http.html: the JSON example record)
// and its ASCII writer header (#separator, #set_separator, #empty_field, #unset_field, #path, #fields,
// #types; values escaped as \xHH).
const DOC_JSON = {
  ts: 1591367999.512593,
  uid: 'C5bLoe2Mvxqhawzqqd',
  'id.orig_h': '192.168.4.76',
  'id.orig_p': 46378,
  'id.resp_h': '31.3.245.133',
  'id.resp_p': 80,
  trans_depth: 1,
  method: 'GET',
  host: 'testmyids.com',
  uri: '/',
  version: '1.1',
  user_agent: 'curl/7.47.0',
  request_body_len: 0,
  response_body_len: 39,
  status_code: 200,
  status_msg: 'OK',
  tags: [],
  resp_fuids: ['FEEsZS1w0Z0VJIb5x4'],
  resp_mime_types: ['text/plain'],
};
const HEADER = [
  '#separator \\x09',
  '#set_separator\t,',
  '#empty_field\t(empty)',
  '#unset_field\t-',
  '#path\thttp',
  '#open\t2020-06-05-14-39-59',
  '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tmethod\thost\turi\trequest_body_len\tresponse_body_len\tstatus_code\tusername',
  '#types\ttime\tstring\taddr\tport\taddr\tport\tstring\tstring\tstring\tcount\tcount\tcount\tstring',
].join('\n');
const ROW =
  '1591367999.512593\tC5bLoe2Mvxqhawzqqd\t192.168.4.76\t46378\t31.3.245.133\t80\tPOST\ttestmyids.com\t/a\\x09b?q=1\t12\t39\t201\t-';

describe(ZeekReader.name, () => {
  it('should turn the documented JSON record into the exact ApiCall', () => {
    expect(callOf('zeek', JSON.stringify(DOC_JSON))).toEqual({
      v: 1,
      id: 'gw:f:1',
      ts: 1591367999512.593,
      sensor: { id: 'gw', kind: 'log:zeek' },
      src: { ip: '192.168.4.76', port: 46378 },
      dst: { ip: '31.3.245.133', port: 80 },
      request: {
        method: 'GET',
        scheme: 'http',
        host: 'testmyids.com',
        target: '/',
        path: '/',
        query: [],
        headers: [],
      },
      response: { status: 200, headers: [], body: { size: 39, truncated: true, encoding: 'utf8' } },
    });
  });

  it('should read ISO 8601 timestamps (JSON::TS_ISO8601)', () => {
    const call = callOf('zeek', JSON.stringify({ ...DOC_JSON, ts: '2020-06-05T14:39:59.512593Z' }));
    expect(call.ts).toBe(Date.parse('2020-06-05T14:39:59.512Z'));
  });

  it('should read TSV rows by the #fields header, unescaping \\xHH, and ignore the header lines', () => {
    const result = parseLogText('zeek', `${HEADER}\n${ROW}\n#close\t2020-06-05-14-40-00\n`, TEST_OPTIONS);
    expect(result.skipped).toEqual([]);
    expect(result.records).toHaveLength(1);
    expect(result.records[0].call).toMatchObject({
      id: 'gw:f:9',
      request: {
        method: 'POST',
        target: '/a\tb?q=1',
        query: [['q', '1']],
        headers: [],
        body: { size: 12 },
      },
      response: { status: 201 },
    });
  });

  it('should read a Basic-auth user name as credentials of scheme Basic, without inventing the value', () => {
    const call = callOf('zeek', `${HEADER}\n${ROW.replace(/-$/, 'alice')}`);
    expect(call.request.headers).toEqual([['authorization', 'Basic']]);
  });

  it.each([
    ['a row before any header', ROW, LogSkipCode.NOT_THIS_FORMAT],
    [
      'a row of another log',
      `${HEADER.replace('#path\thttp', '#path\tconn')}\n${ROW}`,
      LogSkipCode.NOT_THIS_FORMAT,
    ],
    [
      'a row with a missing column',
      `${HEADER}\n${ROW.split('\t').slice(1).join('\t')}`,
      LogSkipCode.NOT_THIS_FORMAT,
    ],
    [
      'a masked time (Zeek test baselines)',
      `${HEADER}\n${ROW.replace('1591367999.512593', 'XXXXXXXXXX.XXXXXX')}`,
      LogSkipCode.BAD_TIME,
    ],
    [
      'a transaction with no request (method unset)',
      JSON.stringify({ ...DOC_JSON, method: null }),
      LogSkipCode.NO_REQUEST,
    ],
    ['an empty request-target', JSON.stringify({ ...DOC_JSON, uri: '' }), LogSkipCode.BAD_TARGET],
    ['broken JSON', '{"ts": 1', LogSkipCode.NOT_JSON],
  ])('should skip %s', (_name, text, code) => {
    expect(skipOf('zeek', text).code).toBe(code);
  });
});
