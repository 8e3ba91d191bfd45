import {
  API_CALL_CONTRACT_VERSION,
  API_CALL_LIMITS as L,
  type ApiCall,
  type ApiCallBody,
  type NameValueList,
  splitRequestTarget,
} from '@apiscope/contracts';

import { sizeOnlyBody, utf8Body } from './har-body.util';
import { quoteValue } from './har-field.util';
import { credentialHeaders } from './log-credentials.util';
import { type LogExchange } from './log-exchange.type';
import { LogSkipCode, LogSkipException } from './log-skip.exception';

/** RFC 9110 token, the rule the contract enforces, checked here for a precise skip reason. */
const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const LINE_BREAK = /[\r\n\u2028\u2029]/;

// A log uses a handful of methods: known-good ones skip the token regex (bounded, hostile input
// cannot grow it).
const GOOD_METHODS = new Set<string>();
const V1 = API_CALL_CONTRACT_VERSION;

export interface LogCallContext {
  id: string;
  /** Shared by every event of one parser: events are never mutated, and one object less per line. */
  sensor: ApiCall['sensor'];
  maxBodyBytes: number;
}

/** Pairs within the contract's bounds: extra pairs and over-long names dropped, long values cut. */
function boundedPairs(
  pairs: NameValueList,
  maxCount: number = L.headerCount,
  keepEmptyNames = false,
): NameValueList {
  if (withinBounds(pairs, maxCount, keepEmptyNames)) return pairs;
  const out: NameValueList = [];
  for (const [name, value] of pairs) {
    if (out.length === maxCount) break;
    // an empty header name is not a header; an empty query name (`?=x`) is what the client sent
    if ((name === '' && !keepEmptyNames) || name.length > L.nameLength) continue;
    out.push([name, value.length > L.valueLength ? value.slice(0, L.valueLength) : value]);
  }
  return out;
}

function withinBounds(pairs: NameValueList, maxCount: number, keepEmptyNames: boolean): boolean {
  if (pairs.length > maxCount) return false;
  for (const [name, value] of pairs) {
    if ((name === '' && !keepEmptyNames) || name.length > L.nameLength || value.length > L.valueLength)
      return false;
  }
  return true;
}

/** Responses to HEAD, 1xx, 204 and 304 have no content (RFC 9110 §6.4.1), whatever a byte count says. */
function mayHaveBody(status: number, method: string): boolean {
  const head = method.length === 4 && method.toUpperCase() === 'HEAD';
  return !head && status >= 200 && status !== 204 && status !== 304;
}

function body(
  text: string | undefined,
  size: number | undefined,
  contentType: string | undefined,
  maxBytes: number,
): ApiCallBody | undefined {
  const type =
    contentType !== undefined && contentType.length <= L.contentTypeLength ? contentType : undefined;
  if (text !== undefined && text !== '') return utf8Body(text, type, maxBytes);
  return size !== undefined && Number.isSafeInteger(size) && size > 0 ? sizeOnlyBody(size, type) : undefined;
}

function checkedTarget(method: string, target: string): ReturnType<typeof splitRequestTarget> {
  if (target === '') throw new LogSkipException(LogSkipCode.BAD_TARGET, 'the request-target is empty');
  if (target.length > L.targetLength) {
    throw new LogSkipException(
      LogSkipCode.TOO_LONG,
      `the request-target is ${target.length} characters long`,
    );
  }
  // no HTTP version lets a line break into a request-target; the contract's path rule refuses it too
  if (LINE_BREAK.test(target)) {
    throw new LogSkipException(
      LogSkipCode.BAD_TARGET,
      `request-target ${quoteValue(target)} contains a line break`,
    );
  }
  const split = splitRequestTarget(target);
  // Only CONNECT uses the authority form (RFC 9112 §3.2.3); elsewhere a pathless target is garbage.
  if (split.path === '' && method !== 'CONNECT') {
    throw new LogSkipException(
      LogSkipCode.BAD_TARGET,
      `request-target ${quoteValue(target)} is not a path or URL`,
    );
  }
  return split;
}

/** Turns what a log record holds into an ApiCall v1, or throws LogSkipException with the reason. */
export function buildLogCall(x: LogExchange, ctx: LogCallContext): ApiCall {
  if (!GOOD_METHODS.has(x.method) && (!HTTP_TOKEN.test(x.method) || x.method.length > L.methodLength)) {
    throw new LogSkipException(
      LogSkipCode.BAD_METHOD,
      `method ${quoteValue(x.method)} is not an HTTP method token`,
    );
  }
  if (GOOD_METHODS.size < 64) GOOD_METHODS.add(x.method);
  if (!Number.isFinite(x.ts) || x.ts < 0) {
    throw new LogSkipException(LogSkipCode.BAD_TIME, `time ${quoteValue(x.ts)} is not a valid instant`);
  }
  const split = checkedTarget(x.method, x.target);
  const host = x.host ?? split.host;
  if (host !== undefined && host.length > L.hostLength) {
    throw new LogSkipException(LogSkipCode.TOO_LONG, `the host is ${host.length} characters long`);
  }
  const status = x.status ?? 0;
  if (status !== 0 && (!Number.isInteger(status) || status < 100 || status > 999)) {
    throw new LogSkipException(
      LogSkipCode.BAD_STATUS,
      `status ${quoteValue(status)} is not an HTTP status code`,
    );
  }
  const pairs = x.requestHeaders === undefined ? [] : boundedPairs(x.requestHeaders.pairs);
  const headers = x.requestHeaders?.complete === true ? pairs : credentialHeaders(pairs);
  const requestBody = body(x.requestBodyText, x.requestBodySize, x.requestContentType, ctx.maxBodyBytes);
  const responseBody =
    status !== 0 && mayHaveBody(status, x.method)
      ? body(x.responseBodyText, x.responseBodySize, x.responseContentType, ctx.maxBodyBytes)
      : undefined;
  const durationMs =
    x.durationMs !== undefined && Number.isFinite(x.durationMs) && x.durationMs >= 0
      ? x.durationMs
      : undefined;
  // Optional fields are written as `undefined` rather than spread in: JSON drops them, Ajv and
  // readers treat them as absent, and no temporary objects are made on the hot path.
  return {
    v: V1,
    id: ctx.id,
    ts: x.ts,
    sensor: ctx.sensor,
    src: x.src,
    dst: x.dst,
    request: {
      method: x.method,
      scheme: x.scheme ?? split.scheme ?? 'http',
      host: host === '' ? undefined : host,
      target: x.target,
      path: split.path,
      query: split.query.length === 0 ? split.query : boundedPairs(split.query, L.queryCount, true),
      headers,
      body: requestBody,
    },
    response:
      status === 0
        ? undefined
        : {
            status,
            headers: x.responseHeaders === undefined ? [] : boundedPairs(x.responseHeaders),
            body: responseBody,
          },
    durationMs,
  };
}
