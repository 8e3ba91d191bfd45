import {
  API_CALL_CONTRACT_VERSION,
  API_CALL_LIMITS as L,
  type ApiCall,
  type ApiCallBody,
  type ApiCallRequest,
  type ApiCallResponse,
  type NameValueList,
  splitRequestTarget,
} from '@apiscope/contracts';

import { type ApiCallBodyParts, toApiCallBodyParts } from './body-encoding.util';
import { type HttpExchange, type HttpFlowInfo } from './http-exchange.type';

export interface ApiCallBuildOptions {
  sensorId: string;
  sensorKind: string;
  bodyCap: number;
}

/** The UTF-8 text of an event's bodies, left as bytes (their `data` unset) for a serialiser. */
export interface BodyTexts {
  request: Buffer | undefined;
  response: Buffer | undefined;
}

function clampPairs(pairs: NameValueList, maxItems: number): NameValueList {
  const out: NameValueList = pairs.length > maxItems ? pairs.slice(0, maxItems) : pairs;
  for (let i = 0; i < out.length; i++) {
    const [name, value] = out[i];
    if (name.length > L.nameLength || value.length > L.valueLength)
      out[i] = [name.slice(0, L.nameLength), value.slice(0, L.valueLength)];
  }
  return out;
}

/**
 * Exchange -> ApiCall v1. Everything the contract bounds is bounded here (oversized header values
 * and query pairs are cut), so events pass `validateApiCall` without validating each one on the
 * hot path. Returns a reason instead when the request cannot be represented (empty or huge target).
 * With `texts`, text bodies stay bytes there and their `data` is left unset (writeApiCallJson
 * writes them from the bytes); otherwise `data` holds the text.
 */
export function buildApiCall(
  exchange: HttpExchange,
  flow: HttpFlowInfo,
  options: ApiCallBuildOptions,
  texts?: BodyTexts,
): ApiCall | string {
  const req = exchange.request;
  const res = exchange.response;
  const refused = invalidTarget(req.target);
  if (refused !== undefined) {
    exchange.requestBody?.release();
    exchange.responseBody?.release();
    return refused;
  }
  // origin-form without a query (the common case) needs no splitting
  const plain =
    req.target.charCodeAt(0) === 47 && req.target.indexOf('?') === -1 && req.target.indexOf('#') === -1;
  const split = plain ? undefined : splitRequestTarget(req.target);
  const host = req.host ?? split?.host;
  const request: ApiCallRequest = {
    method: req.method,
    scheme: split?.scheme ?? 'http',
    target: req.target,
    path: split === undefined ? req.target : split.path,
    query: split === undefined ? [] : clampPairs(split.query, L.queryCount),
    headers: clampPairs(req.headers, L.headerCount),
  };
  if (host !== undefined) request.host = host.length > L.hostLength ? host.slice(0, L.hostLength) : host;
  if (texts !== undefined) texts.request = texts.response = undefined;
  if (exchange.requestBody !== undefined) {
    const parts = toApiCallBodyParts(exchange.requestBody, req.contentType, options.bodyCap);
    if (parts !== undefined) request.body = withText(parts, texts, 'request');
  }
  const call: ApiCall = {
    v: API_CALL_CONTRACT_VERSION,
    id: `${flow.id}-${exchange.depth}`,
    ts: exchange.requestStartMs,
    sensor: { id: options.sensorId, kind: options.sensorKind },
    src: flow.client,
    dst: flow.server,
    request,
  };
  if (res !== undefined) {
    const response: ApiCallResponse = { status: res.status, headers: clampPairs(res.headers, L.headerCount) };
    if (exchange.responseBody !== undefined) {
      const parts = toApiCallBodyParts(exchange.responseBody, res.contentType, options.bodyCap);
      if (parts !== undefined) response.body = withText(parts, texts, 'response');
    }
    call.response = response;
  } else exchange.responseBody?.release();
  const end = res !== undefined ? exchange.responseEndMs : exchange.requestEndMs;
  call.durationMs = Math.max(0, end - exchange.requestStartMs);
  if (exchange.incomplete) call.incomplete = true;
  return call;
}

/** The body, its text decoded into `data` or handed to `texts`. */
function withText(parts: ApiCallBodyParts, texts: BodyTexts | undefined, side: keyof BodyTexts): ApiCallBody {
  if (parts.text !== undefined) {
    if (texts === undefined) parts.body.data = parts.text.toString('utf8');
    else texts[side] = parts.text;
  }
  return parts.body;
}

/** Why a request-target cannot be carried by the contract, or undefined when it can. */
function invalidTarget(target: string): string | undefined {
  if (target === '') return 'request target is empty';
  if (target.length > L.targetLength) return 'request target longer than 16 KiB';
  // the contract's path pattern refuses line terminators, which only hostile request lines carry
  if (/[\r\n\u2028\u2029]/.test(target)) return 'request target holds line breaks';
  return undefined;
}
