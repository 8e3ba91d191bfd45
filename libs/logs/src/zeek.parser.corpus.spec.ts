import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { validateApiCall } from '@apiscope/contracts';

import { parseLogText } from './log-parser.factory';
import { LogSkipCode } from './log-skip.exception';

/**
 * Zeek's own test baselines (corpus/zeek/<test>/baseline.http.log) beside the rows rewritten as JSON
 * (expected_requests.jsonl). Zeek's test harness masks every timestamp as `XXXXXXXXXX.XXXXXX`; read
 * as they are, the rows have no time and are skipped. To compare the other columns the mask is
 * replaced in memory by a fixed time (the file on disk is left as it is).
 */
const ZEEK = join(
  process.env['APISCOPE_CORPUS'] ?? resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus'),
  'zeek',
);
const MASK = /XXXXXXXXXX\.XXXXXX/g;
const UNMASKED_TS = '1700000000.250000';

interface ZeekRow {
  'id.orig_h': string;
  'id.orig_p': number;
  'id.resp_h': string;
  'id.resp_p': number;
  method: string | null;
  host: string | null;
  uri: string | null;
  status_code: number | null;
  request_body_len: number | null;
  response_body_len: number | null;
  username: string | null;
}

const tests = readdirSync(ZEEK).filter((test) => {
  const baseline = join(ZEEK, test, 'baseline.http.log');
  return existsSync(baseline) && readFileSync(baseline, 'utf8').includes('#fields\tts\t');
});

describe('ZeekReader on Zeek test baselines', () => {
  it('should find the baselines of the corpus', () => {
    expect(tests.length).toBeGreaterThanOrEqual(15);
  });

  it.each(tests)('should read %s like Zeek wrote it', (test) => {
    const text = readFileSync(join(ZEEK, test, 'baseline.http.log'), 'utf8');
    const rows = readFileSync(join(ZEEK, test, 'expected_requests.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ZeekRow);
    const masked = parseLogText('zeek', text, { sensorId: 'z', source: 'f' });
    expect(masked.records).toEqual([]);
    expect(new Set(masked.skipped.map((s) => s.code))).toEqual(new Set([LogSkipCode.BAD_TIME]));

    const result = parseLogText('zeek', text.replace(MASK, UNMASKED_TS), { sensorId: 'z', source: 'f' });
    const firstRow = text.split('\n').findIndex((l) => l !== '' && !l.startsWith('#')) + 1;
    expect(result.records.length + result.skipped.length).toBe(rows.length);
    rows.forEach((row, index) => {
      const line = firstRow + index;
      const record = result.records.find((r) => r.call.id === `z:f:${line}`);
      if (row.method === null || row.uri === null || row.uri === '') {
        expect(result.skipped.find((s) => s.line === line)?.code).toBe(
          row.uri === '' ? LogSkipCode.BAD_TARGET : LogSkipCode.NO_REQUEST,
        );
        return;
      }
      if (!record)
        throw new Error(`row ${index} (line ${line}) gave no event: ${JSON.stringify(result.skipped)}`);
      const { call } = record;
      expect(validateApiCall(call).ok).toBe(true);
      expect(call).toMatchObject({
        ts: 1700000000250,
        src: { ip: row['id.orig_h'], port: row['id.orig_p'] },
        dst: { ip: row['id.resp_h'], port: row['id.resp_p'] },
        request: { method: row.method, scheme: 'http', target: row.uri },
      });
      expect(call.request.host).toBe(row.host ?? undefined);
      expect(call.response?.status).toBe(row.status_code ? row.status_code : undefined);
      expect(call.request.body?.size).toBe(row.request_body_len ? row.request_body_len : undefined);
      expect(call.request.headers).toEqual(row.username === null ? [] : [['authorization', 'Basic']]);
    });
  });
});
