import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';

import { type ApiCall, validateApiCall } from '@apiscope/contracts';

import { type BodyTexts } from '../http/api-call.builder';
import { CORPUS_DIR, corpusCaptures } from '../testing/corpus-path.util';
import { apiCallJsonBound, writeApiCallJson } from './api-call-json.util';
import { HttpCaptureParser } from './http-capture.parser';
import { writeJsonUtf8 } from './json-string.util';

function serialise(call: ApiCall): Buffer {
  const out = Buffer.alloc(apiCallJsonBound(call));
  return out.subarray(0, writeApiCallJson(call, out, 0));
}

/** Every event the engine makes from the corpus captures. */
function corpusCalls(): ApiCall[] {
  const files = corpusCaptures();
  const calls: ApiCall[] = [];
  for (const file of files) {
    const engine = new HttpCaptureParser({ sensorId: 'spec', onCall: (c) => calls.push(c) });
    engine.push(readFileSync(join(CORPUS_DIR, file)));
    engine.finish();
  }
  return calls;
}

/** The same events, serialised by an engine that keeps body text as bytes (as the pcap sensor does). */
function corpusJsonFromBytes(): string[] {
  const lines: string[] = [];
  for (const file of corpusCaptures()) {
    const engine = new HttpCaptureParser({
      sensorId: 'spec',
      textBodiesAsBytes: true,
      onCall: (call: ApiCall, texts?: BodyTexts) => {
        const out = Buffer.alloc(apiCallJsonBound(call, texts));
        lines.push(out.toString('utf8', 0, writeApiCallJson(call, out, 0, texts)));
      },
    });
    engine.push(readFileSync(join(CORPUS_DIR, file)));
    engine.finish();
  }
  return lines;
}

const base: ApiCall = {
  v: 1,
  id: 'x-1',
  ts: 1768467600002.421,
  sensor: { id: 'pcap:spec', kind: 'pcap' },
  src: { ip: '10.0.0.1', port: 50000 },
  dst: { ip: '::1', port: 80 },
  request: { method: 'GET', scheme: 'http', target: '/', path: '/', query: [], headers: [] },
};

describe(writeApiCallJson.name, () => {
  it('should write the bytes of JSON.stringify for every event of the corpus captures', () => {
    const calls = corpusCalls();
    expect(calls.length).toBeGreaterThan(200);
    for (const call of calls) {
      const bytes = serialise(call);
      expect(bytes.toString('utf8')).toBe(JSON.stringify(call));
      expect(validateApiCall(JSON.parse(bytes.toString('utf8')))).toMatchObject({ ok: true });
    }
  });

  it('should write body text kept as bytes exactly as the event with that text in `data`', () => {
    const fromBytes = corpusJsonFromBytes();
    const fromStrings = corpusCalls().map((call) => JSON.stringify(call));
    expect(fromBytes).toEqual(fromStrings);
    // the corpus has text bodies with quotes, controls and non-ASCII
    const texts = fromStrings.filter((line) =>
      /"encoding":"utf8"(,"contentType":"(?:[^"\\]|\\.)*")?,"data":"/.test(line),
    );
    expect(texts.length).toBeGreaterThan(150);
    expect(texts.filter((line) => /"data":"[^"]*\\n/.test(line)).length).toBeGreaterThan(50);
    expect(texts.filter((line) => /[^\x00-\x7f]/.test(line)).length).toBeGreaterThan(10);
  });

  it('should escape UTF-8 text bytes as JSON.stringify escapes the decoded text', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string());
    fc.assert(
      fc.property(text, (s) => {
        const bytes = Buffer.from(s, 'utf8'); // lone surrogates become U+FFFD: valid UTF-8, as isUtf8 requires
        const out = Buffer.alloc(bytes.length * 6 + 2);
        const end = writeJsonUtf8(out, 0, bytes);
        expect(out.subarray(0, end).equals(Buffer.from(JSON.stringify(bytes.toString('utf8'))))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('should escape any string as JSON.stringify does (controls, quotes, non-ASCII, lone surrogates)', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string());
    fc.assert(
      fc.property(text, text, text, fc.double(), fc.boolean(), (name, value, data, duration, cut) => {
        // in the order the builder sets them, which is the order JSON.stringify follows
        const call: ApiCall = {
          ...base,
          request: {
            ...base.request,
            target: value,
            headers: [[name, value]],
            query: [[value, name]],
            host: name,
          },
          response: {
            status: 200,
            headers: [[value, data]],
            body: { size: data.length, truncated: cut, encoding: 'utf8', contentType: name, data },
          },
          durationMs: duration,
          incomplete: cut,
        };
        expect(serialise(call).toString('utf8')).toBe(JSON.stringify(call));
        expect(serialise(call).equals(Buffer.from(JSON.stringify(call)))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('should write capture timestamps and durations as JSON.stringify does', () => {
    const ts = (sec: number, frac: number, nanos: boolean) => sec * 1000 + (nanos ? frac / 1e6 : frac / 1e3);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 999_999_999 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.boolean(),
        (sec, frac, later, nanos) => {
          const start = ts(sec, nanos ? frac : frac % 1_000_000, nanos);
          const end = ts(sec + Math.floor(later / 1_000_000), later % 1_000_000, false);
          const call: ApiCall = { ...base, ts: start, durationMs: Math.max(0, end - start) };
          expect(serialise(call).toString('utf8')).toBe(JSON.stringify(call));
        },
      ),
      { numRuns: 20_000 },
    );
    for (const x of [
      0,
      -0,
      1,
      0.5,
      0.015625, // the last six of its twelve fraction digits are zeros
      3.000244140625,
      2047.999755859375,
      2048,
      4294967296,
      2199023255551.999,
      1e21,
      -5,
      NaN,
      Infinity,
    ])
      expect(serialise({ ...base, ts: x, durationMs: x }).toString('utf8')).toBe(
        JSON.stringify({ ...base, ts: x, durationMs: x }),
      );
  });

  it('should write ports, statuses and sizes as JSON.stringify does, integers or not', () => {
    const odd = [
      0,
      -0,
      7,
      10,
      99,
      100,
      65535,
      2147483647,
      2147483648,
      4294967296,
      2 ** 53,
      1.5,
      -1,
      1e21,
      NaN,
    ];
    const withNumber = (n: number): ApiCall => ({
      ...base,
      src: { ip: '10.0.0.1', port: n },
      response: { status: n, headers: [], body: { size: n, truncated: false, encoding: 'utf8' } },
    });
    for (const n of odd)
      expect(serialise(withNumber(n)).toString('utf8')).toBe(JSON.stringify(withNumber(n)));
    fc.assert(
      fc.property(fc.oneof(fc.nat(), fc.integer(), fc.double()), (n) => {
        expect(serialise(withNumber(n)).toString('utf8')).toBe(JSON.stringify(withNumber(n)));
      }),
      { numRuns: 5000 },
    );
  });

  it('should leave out the optional fields that are absent, as JSON.stringify does', () => {
    const bare: ApiCall = { ...base };
    delete bare.src;
    delete bare.dst;
    expect(serialise(bare).toString('utf8')).toBe(JSON.stringify(bare));
  });

  it('should stay within its bound on the worst characters', () => {
    const worst = '\u0001\ud800'.repeat(500);
    const call: ApiCall = { ...base, request: { ...base.request, headers: [[worst, worst]] } };
    expect(serialise(call).length).toBeLessThanOrEqual(apiCallJsonBound(call));
    expect(serialise(call).toString('utf8')).toBe(JSON.stringify(call));
  });
});
