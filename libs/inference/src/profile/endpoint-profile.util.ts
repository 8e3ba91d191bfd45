import { type ApiCall, type NameValueList } from '@apiscope/contracts';

import { type CallAuth } from '../auth-detection.util';
import { sampleBody } from '../schema/body-sample.util';
import { emptyStats, mergeStats, observeValue } from '../schema/schema-stats.util';
import { scanCallForSensitiveData } from '../sensitive/scan-call.util';
import { callExposureSignals } from './call-exposure-signals.util';
import {
  type BodyStats,
  type CountedStats,
  type EndpointProfileJson,
  type ProfileExposure,
} from './endpoint-profile.type';
import { isCredentialName, isInterestingHeader } from './interesting-header.util';

const LIMITS = { params: 96, mediaTypes: 8, statuses: 32, issuers: 8, names: 16, notes: 8 };
/** bodies sampled per endpoint before sampling thins out (then about 32 more per doubling of calls) */
const FULL_SAMPLES = 32;

/** `42` -> 42, `true` -> true: path, query and header values are text on the wire. */
function scalarOf(text: string): unknown {
  if (/^-?(?:0|[1-9]\d{0,17})$/.test(text)) return Number(text);
  if (/^-?\d+\.\d+$/.test(text) && text.length < 24) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

function cookiePairs(headers: NameValueList): string[] {
  const names: string[] = [];
  for (const [name, value] of headers)
    if (name.toLowerCase() === 'cookie')
      for (const pair of value.split(';')) {
        const n = pair.split('=', 1)[0].trim();
        if (n !== '') names.push(n);
      }
  return names;
}

function bump(list: Array<[string, number]>, key: string, limit: number): void {
  const hit = list.find(([k]) => k === key);
  if (hit) hit[1] += 1;
  else if (list.length < limit) list.push([key, 1]);
}

function mergeCounts(
  a: Array<[string, number]>,
  b: Array<[string, number]>,
  limit: number,
): Array<[string, number]> {
  const out = a.map(([k, n]): [string, number] => [k, n]);
  for (const [k, n] of b) {
    const hit = out.find(([x]) => x === k);
    if (hit) hit[1] += n;
    else if (out.length < limit) out.push([k, n]);
  }
  return out;
}

function mergeCounted<T extends CountedStats>(a: T, b: T): T {
  const out = { ...a, n: a.n + b.n } as T;
  if (a.s || b.s) out.s = mergeStats(a.s, b.s);
  const notesA = (a as BodyStats).notes;
  const notesB = (b as BodyStats).notes;
  if (notesA || notesB) (out as BodyStats).notes = mergeCounts(notesA ?? [], notesB ?? [], LIMITS.notes);
  return out;
}

function mergeKeyed<T extends CountedStats>(
  a: Array<[string, T]>,
  b: Array<[string, T]>,
  limit: number,
): Array<[string, T]> {
  const out = a.map(([k, v]): [string, T] => [k, structuredClone(v)]);
  for (const [k, v] of b) {
    const i = out.findIndex(([x]) => x === k);
    if (i >= 0) out[i] = [k, mergeCounted(out[i][1], v)];
    else if (out.length < limit) out.push([k, structuredClone(v)]);
  }
  return out;
}

/**
 * Accumulates what one endpoint's calls carried: parameters (path, query, interesting headers,
 * cookie names) counted on every call, their value types and the request and response bodies on a
 * sample of calls (all of the first 32, then fewer as the endpoint gets hot), and auth facts. Mergeable and serialisable: profiles of
 * two workers, or of two old templates now one, fold into one.
 */
type SensitiveEntry = NonNullable<EndpointProfileJson['sensitive']>[number];

/** Counts add up per (location, name, class); the first masked example stays; bounded in size. */
function mergeSensitive(a: readonly SensitiveEntry[], b: readonly SensitiveEntry[]): SensitiveEntry[] {
  const out = a.map((e) => ({ ...e }));
  for (const e of b) {
    const same = out.find((o) => o.location === e.location && o.name === e.name && o.class === e.class);
    if (same) same.count += e.count;
    else if (out.length < LIMITS.params) out.push({ ...e });
  }
  return out;
}

const NO_EXPOSURE: ProfileExposure = {
  maxClassesPerResponse: 0,
  rateLimitSignals: 0,
  plaintextSensitiveCalls: 0,
};

/** Absent on both sides stays absent: an old profile does not claim that no signal was ever seen. */
function mergeExposure(a?: ProfileExposure, b?: ProfileExposure): ProfileExposure | undefined {
  if (a === undefined && b === undefined) return undefined;
  const x = a ?? NO_EXPOSURE;
  const y = b ?? NO_EXPOSURE;
  return {
    maxClassesPerResponse: Math.max(x.maxClassesPerResponse, y.maxClassesPerResponse),
    rateLimitSignals: x.rateLimitSignals + y.rateLimitSignals,
    plaintextSensitiveCalls: x.plaintextSensitiveCalls + y.plaintextSensitiveCalls,
  };
}

export class EndpointProfile {
  /** index over `state.params` (an array of pairs for serialisation; looked up on every call) */
  private readonly paramIndex = new Map<string, CountedStats>();

  private constructor(private readonly state: EndpointProfileJson) {
    for (const [key, entry] of state.params) this.paramIndex.set(key, entry);
  }

  static empty(): EndpointProfile {
    return new EndpointProfile({
      v: 1,
      calls: 0,
      sampled: 0,
      params: [],
      requestBodies: [],
      responses: [],
      sensitive: [],
      auth: { jwt: 0, opaque: 0, issuers: [], apiKeys: [], sessionCookies: [] },
    });
  }

  static fromJSON(json: unknown): EndpointProfile {
    const p = EndpointProfile.empty();
    if (typeof json !== 'object' || json === null || (json as { v?: unknown }).v !== 1) return p;
    return p.merge(new EndpointProfile(json as EndpointProfileJson));
  }

  toJSON(): EndpointProfileJson {
    return this.state;
  }

  get calls(): number {
    return this.state.calls;
  }

  /** `pathValues`: the values of the key template's parameters, by segment index. */
  observe(call: ApiCall, auth: CallAuth, pathValues: ReadonlyArray<{ index: number; value: string }>): void {
    const s = this.state;
    s.calls += 1;
    // presence is counted on every call (required vs optional); value types on the sample
    const sampled = s.sampled < FULL_SAMPLES || s.calls % Math.ceil(s.calls / FULL_SAMPLES) === 0;
    const typed = (value: string | undefined) => (sampled ? value : undefined);
    for (const { index, value } of pathValues) this.param(`path:${index}`, typed(decodeSafe(value)));
    const credentialQuery = new Set((auth.apiKeys ?? []).filter((k) => k.in === 'query').map((k) => k.name));
    for (const [name, value] of call.request.query.slice(0, LIMITS.params))
      this.param(
        `query:${name}`,
        credentialQuery.has(name) || isCredentialName(name) ? undefined : typed(value),
      );
    for (const [name, value] of call.request.headers) {
      const lower = name.toLowerCase();
      if (isInterestingHeader(lower)) this.param(`header:${lower}`, typed(value));
    }
    // cookie values are session material: names only
    for (const name of new Set(cookiePairs(call.request.headers))) this.param(`cookie:${name}`, undefined);
    this.observeAuth(auth);
    // every call is scanned, not a sample: the first response that leaks must be caught
    this.observeSensitive(call, auth);
    if (sampled) {
      s.sampled += 1;
      this.observeBodies(call);
    }
  }

  merge(other: EndpointProfile): EndpointProfile {
    const a = this.state;
    const b = other.state;
    const issuers = mergeIssuers(a.auth.issuers, b.auth?.issuers ?? []);
    const exposure = mergeExposure(a.exposure, b.exposure);
    return new EndpointProfile({
      v: 1,
      calls: a.calls + b.calls,
      sampled: a.sampled + b.sampled,
      params: mergeKeyed(a.params, b.params ?? [], LIMITS.params),
      requestBodies: mergeKeyed(a.requestBodies, b.requestBodies ?? [], LIMITS.mediaTypes),
      responses: mergeResponses(a.responses, b.responses ?? []),
      sensitive: mergeSensitive(a.sensitive ?? [], b.sensitive ?? []),
      ...(exposure && { exposure }),
      auth: {
        jwt: a.auth.jwt + (b.auth?.jwt ?? 0),
        opaque: a.auth.opaque + (b.auth?.opaque ?? 0),
        issuers,
        apiKeys: mergeCounts(a.auth.apiKeys, b.auth?.apiKeys ?? [], LIMITS.names),
        sessionCookies: mergeCounts(a.auth.sessionCookies, b.auth?.sessionCookies ?? [], LIMITS.names),
      },
    });
  }

  private observeSensitive(call: ApiCall, auth: CallAuth): void {
    const credentialHeaders = [
      'authorization',
      'proxy-authorization',
      ...(auth.apiKeys ?? []).filter((k) => k.in === 'header').map((k) => k.name.toLowerCase()),
    ];
    const { observations } = scanCallForSensitiveData({
      request: call.request,
      ...(call.response && { response: call.response }),
      credential: { headers: credentialHeaders, cookies: auth.sessionCookies ?? [] },
    });
    // rate limiting and transport are judged on every call, with or without sensitive data
    const signals = callExposureSignals(call, observations);
    const exposure = (this.state.exposure ??= { ...NO_EXPOSURE });
    exposure.maxClassesPerResponse = Math.max(exposure.maxClassesPerResponse, signals.responseClasses);
    if (signals.rateLimitSignal) exposure.rateLimitSignals += 1;
    if (signals.plaintextSensitive) exposure.plaintextSensitiveCalls += 1;
    if (observations.length === 0) return;
    this.state.sensitive = mergeSensitive(
      this.state.sensitive ?? [],
      observations.map((o) => ({
        location: o.location,
        name: o.name,
        class: o.class,
        count: 1,
        example: o.example,
      })),
    );
  }

  private param(key: string, value: string | undefined): void {
    let entry = this.paramIndex.get(key);
    if (!entry) {
      if (this.state.params.length >= LIMITS.params) return;
      entry = { n: 0 };
      this.state.params.push([key, entry]);
      this.paramIndex.set(key, entry);
    }
    entry.n += 1;
    if (value !== undefined) {
      entry.s ??= emptyStats();
      observeValue(entry.s, scalarOf(value.slice(0, 512)));
    }
  }

  private observeAuth(auth: CallAuth): void {
    const a = this.state.auth;
    if (auth.bearer === 'jwt') a.jwt += 1;
    if (auth.bearer === 'opaque') a.opaque += 1;
    if (auth.jwt) {
      const facts = auth.jwt;
      const same = a.issuers.find(
        (i) =>
          i.alg === facts.alg && i.iss === facts.iss && (i.aud ?? []).join() === (facts.aud ?? []).join(),
      );
      if (same) same.calls += 1;
      else if (a.issuers.length < LIMITS.issuers) a.issuers.push({ ...facts, calls: 1 });
    }
    for (const k of auth.apiKeys ?? []) bump(a.apiKeys, `${k.in}:${k.name}`, LIMITS.names);
    for (const c of auth.sessionCookies ?? []) bump(a.sessionCookies, c, LIMITS.names);
  }

  private observeBodies(call: ApiCall): void {
    const request = sampleBody(call.request.body, call.request.headers);
    if (request) addBody(this.state.requestBodies, request.mediaType, request.value, request.note);
    const response = call.response;
    if (!response) return;
    const status = String(response.status);
    let byType = this.state.responses.find(([k]) => k === status)?.[1];
    if (!byType) {
      if (this.state.responses.length >= LIMITS.statuses) return;
      byType = [];
      this.state.responses.push([status, byType]);
    }
    const body = sampleBody(response.body, response.headers);
    if (body) addBody(byType, body.mediaType, body.value, body.note);
    else addBody(byType, '', undefined, undefined);
  }
}

function mergeIssuers(
  a: EndpointProfileJson['auth']['issuers'],
  b: EndpointProfileJson['auth']['issuers'],
): EndpointProfileJson['auth']['issuers'] {
  const out = a.map((i) => ({ ...i }));
  for (const i of b) {
    const same = out.find(
      (o) => o.alg === i.alg && o.iss === i.iss && (o.aud ?? []).join() === (i.aud ?? []).join(),
    );
    if (same) same.calls += i.calls;
    else if (out.length < LIMITS.issuers) out.push({ ...i });
  }
  return out;
}

function addBody(
  list: Array<[string, BodyStats]>,
  mediaType: string,
  value: unknown,
  note: string | undefined,
): void {
  let entry = list.find(([k]) => k === mediaType)?.[1];
  if (!entry) {
    if (list.length >= LIMITS.mediaTypes) return;
    entry = { n: 0 };
    list.push([mediaType, entry]);
  }
  entry.n += 1;
  if (note !== undefined) {
    entry.notes ??= [];
    bump(entry.notes, note, LIMITS.notes);
  } else if (value !== undefined) {
    entry.s ??= emptyStats();
    observeValue(entry.s, value);
  }
}

function mergeResponses(
  a: EndpointProfileJson['responses'],
  b: EndpointProfileJson['responses'],
): EndpointProfileJson['responses'] {
  const out = a.map(([k, v]): [string, Array<[string, BodyStats]>] => [
    k,
    mergeKeyed(v, [], LIMITS.mediaTypes),
  ]);
  for (const [status, byType] of b) {
    const i = out.findIndex(([k]) => k === status);
    if (i >= 0) out[i] = [status, mergeKeyed(out[i][1], byType, LIMITS.mediaTypes)];
    else if (out.length < LIMITS.statuses) out.push([status, mergeKeyed(byType, [], LIMITS.mediaTypes)]);
  }
  return out;
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
