import { type ApiCallBody, headerValue, type NameValueList } from '@apiscope/contracts';

import { classifySensitiveValue } from './classify-sensitive-value.util';
import { type FieldVerdictCache } from './field-verdict-cache.util';
import { visitFormFields } from './form-fields.util';
import { CREDENTIAL_COOKIE, CREDENTIAL_HEADERS, cookiePairs, isClassifiedHeader } from './http-fields.util';
import { type LeafVisitor, type WalkBudget, walkJsonLeaves } from './json-leaves.util';
import { maskSensitiveValue } from './mask-sensitive-value.util';
import {
  type SensitiveClass,
  type SensitiveLocation,
  type SensitiveObservation,
} from './sensitive-class.type';
import { DEFAULT_SENSITIVE_SCAN_LIMITS, type SensitiveScanLimits } from './sensitive-scan-limits.constant';
import { scanJsonTextLeaves } from './tolerant-json.util';

const VERSION = /^v?\d+(?:\.\d+){1,2}(?:[-+][0-9A-Za-z.-]+)?$|^v?\d+(?:\.\d+){3}[-+][0-9A-Za-z.-]+$/;

/** The parts of one exchange that may carry data (an ApiCall's request and response fit). */
export interface SensitiveScanInput {
  request: { query?: NameValueList; headers?: NameValueList; body?: ApiCallBody };
  response?: { headers?: NameValueList; body?: ApiCallBody };
  /**
   * Header and cookie names that carried this call's credential (from auth detection). They are not
   * findings: every authenticated call carries one. Query credentials are reported on purpose: a key
   * in a URL ends up in access logs and browser history (OWASP API2:2023).
   */
  credential?: { headers?: readonly string[]; cookies?: readonly string[] };
}

/** Per-field sampling for hot endpoints: the worker's verdict cache and this call's endpoint. */
export interface SensitiveScanSampling {
  verdicts: FieldVerdictCache;
  /** Identifies the endpoint (`service METHOD /template`): fields are sampled per endpoint. */
  endpoint: string;
}

export interface SensitiveScanResult {
  /** One entry per (location, name, class), in the order first seen. */
  observations: SensitiveObservation[];
  /** False when a limit cut the scan short (a body too deep, too wide or too large). */
  complete: boolean;
}

/**
 * Finds sensitive values in one exchange: JSON and form bodies, query parameters, headers and cookies
 * other than the credential used for auth. Work per call is bounded by `limits`; raw values are
 * masked as soon as they are classified and never leave this function.
 */
export function scanCallForSensitiveData(
  input: SensitiveScanInput,
  limits: SensitiveScanLimits = DEFAULT_SENSITIVE_SCAN_LIMITS,
  sampling?: SensitiveScanSampling,
): SensitiveScanResult {
  const found = new Map<string, SensitiveObservation>();
  // A path that also holds version strings ("3.0.0-preview") is a version field: its IP-shaped
  // values ("3.3.5.3") are versions too.
  const versionPaths = new Set<string>();
  let complete = true;

  const record = (location: SensitiveLocation, name: string, cls: SensitiveClass, raw: string | number) => {
    const key = `${location}\u0000${name}\u0000${cls}`;
    const seen = found.get(key);
    if (seen !== undefined) seen.occurrences += 1;
    else
      found.set(key, { location, name, class: cls, occurrences: 1, example: maskSensitiveValue(cls, raw) });
  };
  const verdictOf = (
    location: SensitiveLocation,
    path: string,
    value: string | number,
    name: string | null,
    parent: string | null,
  ) => {
    if (sampling === undefined) return classifySensitiveValue(value, { name, parent });
    const field = `${sampling.endpoint}\u0000${location}\u0000${path}`;
    const reused = value === '' ? null : sampling.verdicts.reuse(field);
    if (reused !== undefined) return reused;
    const cls = classifySensitiveValue(value, { name, parent });
    sampling.verdicts.record(field, cls);
    return cls;
  };
  const classify = (location: SensitiveLocation, name: string, value: string) => {
    const cls = verdictOf(location, name, value, name, null);
    if (cls !== null) record(location, name, cls, value);
  };

  const scanBody = (location: SensitiveLocation, body: ApiCallBody | undefined, headers: NameValueList) => {
    if (body?.data === undefined || body.data === '') return;
    const type = (body.contentType ?? headerValue(headers, 'content-type') ?? '').toLowerCase();
    const form = type.includes('x-www-form-urlencoded');
    const json = type.includes('json') || type === '' || type.startsWith('text/plain');
    if (!form && !json) return;
    let text = body.encoding === 'base64' ? Buffer.from(body.data, 'base64').toString('utf8') : body.data;
    let truncated = body.truncated;
    if (text.length > limits.maxBodyChars)
      [text, truncated, complete] = [text.slice(0, limits.maxBodyChars), true, false];
    const visit: LeafVisitor = (path, name, parent, value) => {
      if (typeof value === 'string' && VERSION.test(value)) versionPaths.add(`${location}\u0000${path}`);
      const cls = verdictOf(location, path, value, name, parent);
      if (cls !== null) record(location, path, cls, value);
    };
    if (form) {
      complete = visitFormFields(text, visit, limits.maxFields) && complete;
      return;
    }
    const first = /\S/.exec(text)?.[0];
    if (first !== '{' && first !== '[') return;
    const budget: WalkBudget = { nodes: limits.maxNodes, exhausted: false };
    const parsed = truncated ? undefined : tryParse(text);
    if (parsed !== undefined) walkJsonLeaves(parsed, visit, limits, budget);
    else scanJsonTextLeaves(text, visit, limits, budget, truncated);
    if (budget.exhausted) complete = false;
  };

  const credentialHeaders = new Set([
    ...CREDENTIAL_HEADERS,
    ...(input.credential?.headers ?? []).map((h) => h.toLowerCase()),
  ]);
  const credentialCookies = new Set(input.credential?.cookies ?? []);
  const scanHeaders = (location: SensitiveLocation, headers: NameValueList) => {
    for (const [rawName, value] of headers.slice(0, limits.maxFields)) {
      const name = rawName.toLowerCase();
      if (isClassifiedHeader(name) && !credentialHeaders.has(name)) classify(location, name, value);
    }
  };
  const scanCookies = (location: SensitiveLocation, headers: NameValueList, setCookie: boolean) => {
    for (const [name, value] of cookiePairs(headers, setCookie, limits.maxFields))
      if (!credentialCookies.has(name) && !CREDENTIAL_COOKIE.test(name)) classify(location, name, value);
  };

  const { request, response } = input;
  const requestHeaders = request.headers ?? [];
  for (const [name, value] of (request.query ?? []).slice(0, limits.maxFields))
    classify('request.query', name, value);
  scanHeaders('request.header', requestHeaders);
  scanCookies('request.cookie', requestHeaders, false);
  scanBody('request.body', request.body, requestHeaders);
  if (response !== undefined) {
    const responseHeaders = response.headers ?? [];
    scanHeaders('response.header', responseHeaders);
    scanCookies('response.cookie', responseHeaders, true);
    scanBody('response.body', response.body, responseHeaders);
  }

  const observations = [...found.values()].filter(
    (o) => o.class !== 'ip_address' || !versionPaths.has(`${o.location}\u0000${o.name}`),
  );
  return { observations, complete };
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
