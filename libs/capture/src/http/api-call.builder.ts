import {
  API_CALL_CONTRACT_VERSION,
  API_CALL_LIMITS as L,
  type ApiCall,
  type NameValueList,
  splitRequestTarget,
} from '@apiscope/contracts';

import { toApiCallBody } from './body-encoding.util';
import { type HttpExchange, type HttpFlowInfo } from './http-exchange.type';

export interface ApiCallBuildOptions {
  sensorId: string;
  sensorKind: string;
  bodyCap: number;
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
 */
export function buildApiCall(
  exchange: HttpExchange,
  flow: HttpFlowInfo,
  options: ApiCallBuildOptions,
): ApiCall | string {
  const req = exchange.request;
  const res = exchange.response;
  const releaseBodies = () => {
    exchange.requestBody?.release();
    exchange.responseBody?.release();
  };
  if (req.target === '') return (releaseBodies(), 'request target is empty');
  if (req.target.length > L.targetLength) return (releaseBodies(), 'request target longer than 16 KiB');
  // the contract's path pattern refuses line terminators, which only hostile request lines carry
  if (/[\r\n\u2028\u2029]/.test(req.target)) return (releaseBodies(), 'request target holds line breaks');
  const split = splitRequestTarget(req.target);
  const host = req.host ?? split.host;
  const requestBody =
    exchange.requestBody === undefined
      ? undefined
      : toApiCallBody(exchange.requestBody, req.contentType, options.bodyCap);
  const call: ApiCall = {
    v: API_CALL_CONTRACT_VERSION,
    id: `${flow.id}-${exchange.depth}`,
    ts: exchange.requestStartMs,
    sensor: { id: options.sensorId, kind: options.sensorKind },
    src: flow.client,
    dst: flow.server,
    request: {
      method: req.method,
      scheme: split.scheme ?? 'http',
      ...(host !== undefined && { host: host.slice(0, L.hostLength) }),
      target: req.target,
      path: split.path,
      query: clampPairs(split.query, L.queryCount),
      headers: clampPairs(req.headers, L.headerCount),
      ...(requestBody !== undefined && { body: requestBody }),
    },
  };
  if (res !== undefined) {
    const body =
      exchange.responseBody === undefined
        ? undefined
        : toApiCallBody(exchange.responseBody, res.contentType, options.bodyCap);
    call.response = {
      status: res.status,
      headers: clampPairs(res.headers, L.headerCount),
      ...(body !== undefined && { body }),
    };
  } else exchange.responseBody?.release();
  const end = res !== undefined ? exchange.responseEndMs : exchange.requestEndMs;
  call.durationMs = Math.max(0, end - exchange.requestStartMs);
  if (exchange.incomplete) call.incomplete = true;
  return call;
}
