import fc from 'fast-check';

import { validateApiCall } from '@apiscope/contracts';

import { LOG_FORMATS, type LineLogFormat } from './log-format.constant';
import { LogLineParser } from './log-line.parser';
import { parseLogText } from './log-parser.factory';
import { TEST_OPTIONS } from './log-parser-test.util';
import { LogSkipCode } from './log-skip.exception';

const LINE_FORMATS = LOG_FORMATS.filter((f): f is LineLogFormat => f !== 'har');

/** One valid line per format, which the property mutates. */
const SEEDS: Record<LineLogFormat, string> = {
  nginx:
    '192.0.2.7 - - [10/Oct/2023:13:55:36 -0700] "POST /api/v1/orders?x=1 HTTP/1.1" 201 48 "-" "curl/8.4.0"',
  'nginx-json': '{"time_local":"10/Oct/2023:13:55:36 -0700","request":"GET /a HTTP/1.1","status":"200"}',
  envoy:
    '[2016-04-15T20:17:00.310Z] "POST /api/v1/locations HTTP/2" 204 - 154 0 226 100 "-" "x" "id" "locations" "tcp://10.0.2.1:80"',
  kong: '{"request":{"method":"GET","url":"http://h/a","headers":{"host":"h"}},"response":{"status":200},"started_at":1}',
  apigw:
    '{"requestId":"r","httpMethod":"GET","resourcePath":"/pets/{id}","requestTime":"01/Mar/2024:12:00:00 +0000","status":"200"}',
  alb: 'http 2018-07-02T22:23:00.186641Z app/lb/1 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "GET http://www.example.com:80/ HTTP/1.1" "curl" - - arn "Root" "-" "-" 0 2018-07-02T22:22:48.364000Z "forward" "-" "-"',
  zeek: '{"ts":1591367999.5,"id.orig_h":"192.168.4.76","id.orig_p":1,"id.resp_h":"31.3.245.133","id.resp_p":80,"method":"GET","host":"h","uri":"/","status_code":200}',
};

/** A line with a slice replaced by arbitrary text (unicode, quotes, brackets, control characters). */
const mutated = (seed: string) =>
  fc
    .tuple(fc.nat(seed.length), fc.nat(40), fc.string({ unit: 'binary', maxLength: 40 }))
    .map(([at, cut, insert]) => seed.slice(0, at) + insert + seed.slice(at + cut));

describe(LogLineParser.name, () => {
  it.each(LINE_FORMATS)(
    'should never throw on hostile %s input, and emit only valid, uniquely identified events',
    (format) => {
      fc.assert(
        fc.property(
          fc.array(fc.oneof(mutated(SEEDS[format]), fc.string({ unit: 'binary' })), { maxLength: 8 }),
          (lines) => {
            const result = parseLogText(format, lines.join('\n'), TEST_OPTIONS);
            const ids = result.records.map((r) => r.call.id);
            expect(new Set(ids).size).toBe(ids.length);
            for (const { call } of result.records) expect(validateApiCall(call).ok).toBe(true);
            for (const skip of result.skipped) expect(skip.reason.length).toBeLessThan(400);
            // the readers build valid events by construction: the contract check is a safety net only
            const bugs = result.skipped.filter(
              (s) => s.code === LogSkipCode.CONTRACT || s.code === LogSkipCode.UNEXPECTED,
            );
            expect(bugs).toEqual([]);
          },
        ),
        { numRuns: 500 },
      );
    },
  );

  it.each(LINE_FORMATS)('should read its %s seed line', (format) => {
    expect(parseLogText(format, SEEDS[format], TEST_OPTIONS).records).toHaveLength(1);
  });

  it.each([
    [{ sensorId: '', source: 'f' }, /sensorId must be 1 to 128 characters/],
    [{ sensorId: 's'.repeat(129), source: 'f' }, /sensorId must be 1 to 128 characters/],
    [{ sensorId: 's', source: 'f'.repeat(240) }, /source is too long/],
  ])('should refuse options %j', (options, message) => {
    expect(() => parseLogText('nginx', '', options)).toThrow(message);
  });

  it('should skip the validation step only when asked, with the same events for valid input', () => {
    const text = `${SEEDS.nginx}\n${SEEDS.nginx}`;
    expect(parseLogText('nginx', text, { ...TEST_OPTIONS, validate: false })).toEqual(
      parseLogText('nginx', text, TEST_OPTIONS),
    );
  });
});
