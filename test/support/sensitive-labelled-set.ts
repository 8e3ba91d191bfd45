import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type ApiCallBody, type NameValueList } from '@apiscope/contracts';
import { type SensitiveScanInput } from '@apiscope/inference';

import { DECOYS } from '../fixtures/sensitive/decoys.fixture';
import { HOLDOUT } from '../fixtures/sensitive/holdout.fixture';
import {
  type ExpectedFinding,
  type LabelledBody,
  type LabelledCase,
  type LabelledPart,
} from '../fixtures/sensitive/labelled-case.type';
import { PLANTED } from '../fixtures/sensitive/planted.fixture';
import { PUBLIC_API_SAMPLES } from '../fixtures/sensitive/public-api-samples.fixture';
import { SPOUTIBLE } from '../fixtures/sensitive/spoutible.fixture';
import { corpusFile } from './corpus';

const FIXTURES = join(__dirname, '..', 'fixtures', 'sensitive');

/** A labelled case ready to scan: the scan input and the expected (location, name, class) triples. */
export interface LabelledScan {
  set: string;
  id: string;
  input: SensitiveScanInput;
  expected: ExpectedFinding[];
}

function body(b: LabelledBody | undefined, truncated = false): ApiCallBody | undefined {
  if (b === undefined) return undefined;
  const [contentType, data] =
    'json' in b
      ? ['application/json', JSON.stringify(b.json)]
      : 'form' in b
        ? ['application/x-www-form-urlencoded', b.form]
        : [b.contentType, b.text];
  return { contentType, size: Buffer.byteLength(data), truncated, encoding: 'utf8', data };
}

function part(p: LabelledPart | undefined) {
  return { query: p?.query ?? [], headers: p?.headers ?? [], body: body(p?.body, p?.truncated) };
}

function fromCase(set: string, c: LabelledCase): LabelledScan {
  return {
    set,
    id: c.id,
    input: { request: part(c.request), response: c.response && part(c.response), credential: c.credential },
    expected: c.expected,
  };
}

interface SendgridLabels {
  cases: Array<{ method: string; path: string; part: string; expected: ExpectedFinding[] }>;
}

/** Every JSON body example of the SendGrid v3 spec in the corpus, labelled in sendgrid-labels.json. */
function sendgridCases(): LabelledScan[] {
  const spec = JSON.parse(readFileSync(corpusFile('specs', 'sendgrid.com__3.0.json'), 'utf8')) as {
    paths: Record<string, Record<string, { parameters?: unknown[]; responses?: Record<string, unknown> }>>;
  };
  const labels = JSON.parse(readFileSync(join(FIXTURES, 'sendgrid-labels.json'), 'utf8')) as SendgridLabels;
  const expectedOf = (method: string, path: string, partName: string) =>
    labels.cases.find((c) => c.method === method && c.path === path && c.part === partName)?.expected ?? [];
  const scans: LabelledScan[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (typeof op !== 'object' || op === null || !('responses' in op)) continue;
      const m = method.toUpperCase();
      for (const p of (op.parameters ?? []) as Array<{ in?: string; schema?: { example?: unknown } }>) {
        if (p.in !== 'body' || p.schema?.example === undefined) continue;
        scans.push(
          fromCase('sendgrid', {
            id: `sendgrid ${m} ${path} request`,
            source: 'sendgrid spec',
            request: { body: { json: p.schema.example } },
            expected: expectedOf(m, path, 'request'),
          }),
        );
      }
      for (const [status, r] of Object.entries(op.responses ?? {})) {
        const example = (r as { examples?: Record<string, unknown> }).examples?.['application/json'];
        if (example === undefined) continue;
        scans.push(
          fromCase('sendgrid', {
            id: `sendgrid ${m} ${path} ${status}`,
            source: 'sendgrid spec',
            response: { body: { json: example } },
            expected: expectedOf(m, path, status),
          }),
        );
      }
    }
  }
  return scans;
}

interface CapturedExchange {
  id: string;
  request: { method: string; target: string; headers: NameValueList; body: string | null };
  response: { status: number; headers: NameValueList; body: string; truncated: boolean };
  credential?: { headers?: string[]; cookies?: string[] };
  expected: ExpectedFinding[];
}

/** Exchanges extracted from the corpus captures (captured-exchanges.json). */
function capturedCases(): LabelledScan[] {
  const doc = JSON.parse(readFileSync(join(FIXTURES, 'captured-exchanges.json'), 'utf8')) as {
    exchanges: CapturedExchange[];
  };
  return doc.exchanges.map((x) => {
    const q = x.request.target.indexOf('?');
    const query: NameValueList = q === -1 ? [] : [...new URLSearchParams(x.request.target.slice(q + 1))];
    const text = (data: string | null, truncated: boolean): ApiCallBody | undefined =>
      data === null || data === ''
        ? undefined
        : { size: Buffer.byteLength(data), truncated, encoding: 'utf8', data };
    return {
      set: 'captured',
      id: x.id,
      input: {
        request: { query, headers: x.request.headers, body: text(x.request.body, false) },
        response: { headers: x.response.headers, body: text(x.response.body, x.response.truncated) },
        credential: x.credential,
      },
      expected: x.expected,
    };
  });
}

interface HarEntry {
  request: {
    headers: Array<{ name: string; value: string }>;
    queryString?: Array<{ name: string; value: string }>;
    postData?: { mimeType?: string; text?: string };
  };
  response: {
    headers: Array<{ name: string; value: string }>;
    content: { mimeType?: string; text?: string; encoding?: string };
  };
}

/** Every entry of the corpus HAR files, labelled in har-labels.json. */
function harCases(): LabelledScan[] {
  const labels = JSON.parse(readFileSync(join(FIXTURES, 'har-labels.json'), 'utf8')) as {
    files: string[];
    entries: Array<{
      file: string;
      entry: number;
      credential?: LabelledCase['credential'];
      expected: ExpectedFinding[];
    }>;
  };
  const pairs = (list: Array<{ name: string; value: string }>): NameValueList =>
    list.map((h) => [h.name, h.value]);
  return labels.files.flatMap((file) => {
    const har = JSON.parse(readFileSync(corpusFile(...file.split('/')), 'utf8').replace(/^\uFEFF/, '')) as {
      log: { entries: HarEntry[] };
    };
    return har.log.entries.map((e, index) => {
      const label = labels.entries.find((l) => l.file === file && l.entry === index);
      const post = e.request.postData;
      const content = e.response.content;
      return {
        set: 'har',
        id: `${file}#${index}`,
        input: {
          request: {
            query: pairs(e.request.queryString ?? []),
            headers: pairs(e.request.headers),
            body:
              post?.text === undefined
                ? undefined
                : {
                    contentType: post.mimeType,
                    size: post.text.length,
                    truncated: false,
                    encoding: 'utf8' as const,
                    data: post.text,
                  },
          },
          response: {
            headers: pairs(e.response.headers),
            body:
              content.text === undefined
                ? undefined
                : {
                    contentType: content.mimeType,
                    size: content.text.length,
                    truncated: false,
                    encoding: content.encoding === 'base64' ? ('base64' as const) : ('utf8' as const),
                    data: content.text,
                  },
          },
          credential: label?.credential,
        },
        expected: label?.expected ?? [],
      };
    });
  });
}

/**
 * Held-out cases written after the classifier was frozen; never used to tune it. Reported apart from
 * the development set so that the figures do not flatter it.
 */
export function loadHoldoutSet(): LabelledScan[] {
  return HOLDOUT.map((c) => fromCase('holdout', c));
}

/** The development set, by origin: public API docs, planted, decoys, Spoutible, SendGrid, captures, HARs. */
export function loadLabelledSet(): LabelledScan[] {
  return [
    ...PUBLIC_API_SAMPLES.map((c) => fromCase('public-docs', c)),
    ...PLANTED.map((c) => fromCase('planted', c)),
    ...DECOYS.map((c) => fromCase('decoys', c)),
    fromCase('spoutible', SPOUTIBLE),
    ...sendgridCases(),
    ...capturedCases(),
    ...harCases(),
  ];
}
