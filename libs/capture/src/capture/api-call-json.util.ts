import { type ApiCall, type ApiCallBody, type NameValueList, type NetworkPeer } from '@apiscope/contracts';

import { type BodyTexts } from '../http/api-call.builder';
import { writeEpochMs, writeJsonNumber, writeShortMs } from './json-number.util';
import { writeJsonString, writeJsonUtf8 } from './json-string.util';

/** The keys and punctuation of the shape, as bytes: copied, never escaped. */
const OPEN_V = ascii('{"v":');
const ID = ascii(',"id":');
const TS = ascii(',"ts":');
const SENSOR_ID = ascii(',"sensor":{"id":');
const KIND = ascii(',"kind":');
const SRC = ascii(',"src":');
const DST = ascii(',"dst":');
const REQUEST_METHOD = ascii(',"request":{"method":');
const SCHEME = ascii(',"scheme":');
const TARGET = ascii(',"target":');
const PATH = ascii(',"path":');
const QUERY = ascii(',"query":');
const HEADERS = ascii(',"headers":');
const HOST = ascii(',"host":');
const BODY = ascii(',"body":');
const RESPONSE_STATUS = ascii(',"response":{"status":');
const DURATION = ascii(',"durationMs":');
const OPEN_IP = ascii('{"ip":');
const PORT = ascii(',"port":');
const OPEN_SIZE = ascii('{"size":');
const ENCODING = ascii(',"encoding":');
const CONTENT_TYPE = ascii(',"contentType":');
const DATA = ascii(',"data":');
const TRUNCATED = ascii(',"truncated":true');
const NOT_TRUNCATED = ascii(',"truncated":false');
const INCOMPLETE = ascii(',"incomplete":true');
const NOT_INCOMPLETE = ascii(',"incomplete":false');

/**
 * Bytes an event can take at most: 6 per UTF-16 unit (`\u00xx`, a lone surrogate `\udxxx`) or
 * per byte of a body text given as bytes.
 */
export function apiCallJsonBound(call: ApiCall, texts?: BodyTexts): number {
  const r = call.request;
  let chars = call.id.length + call.sensor.id.length + call.sensor.kind.length;
  chars += r.method.length + r.target.length + r.path.length + (r.host?.length ?? 0);
  chars += pairsChars(r.query) + pairsChars(r.headers) + bodyChars(r.body);
  let items = r.query.length + r.headers.length;
  const res = call.response;
  if (res !== undefined) {
    chars += pairsChars(res.headers) + bodyChars(res.body);
    items += res.headers.length;
  }
  if (texts !== undefined) chars += (texts.request?.length ?? 0) + (texts.response?.length ?? 0);
  return chars * 6 + items * 8 + 1024;
}

function pairsChars(pairs: NameValueList): number {
  let n = 0;
  for (let i = 0; i < pairs.length; i++) n += pairs[i][0].length + pairs[i][1].length;
  return n;
}

function bodyChars(body: ApiCallBody | undefined): number {
  return body === undefined ? 0 : (body.contentType?.length ?? 0) + (body.data?.length ?? 0);
}

/**
 * Writes `call` as the UTF-8 bytes of JSON.stringify(call) into `out` at `pos` (which must have
 * apiCallJsonBound(call) bytes of room) and returns the position after it. Events were a third of
 * a sensor worker's time in JSON.stringify and re-encoding its string: this walks the known shape
 * of ApiCall v1 and encodes each character once. Same bytes, same key order (the builder's), which
 * the spec checks against JSON.stringify. A body whose `data` is unset and whose text is in `texts`
 * (buildApiCall with texts) is written as if `data` held that text.
 */
export function writeApiCallJson(call: ApiCall, out: Buffer, pos: number, texts?: BodyTexts): number {
  let p = put(out, pos, OPEN_V);
  p = writeJsonNumber(out, p, call.v);
  p = writeJsonString(out, put(out, p, ID), call.id);
  p = writeEpochMs(out, put(out, p, TS), call.ts);
  p = writeJsonString(out, put(out, p, SENSOR_ID), call.sensor.id);
  p = writeJsonString(out, put(out, p, KIND), call.sensor.kind);
  out[p++] = 0x7d;
  if (call.src !== undefined) p = peer(out, put(out, p, SRC), call.src);
  if (call.dst !== undefined) p = peer(out, put(out, p, DST), call.dst);
  const r = call.request;
  p = writeJsonString(out, put(out, p, REQUEST_METHOD), r.method);
  p = writeJsonString(out, put(out, p, SCHEME), r.scheme);
  p = writeJsonString(out, put(out, p, TARGET), r.target);
  p = writeJsonString(out, put(out, p, PATH), r.path);
  p = pairs(out, put(out, p, QUERY), r.query);
  p = pairs(out, put(out, p, HEADERS), r.headers);
  if (r.host !== undefined) p = writeJsonString(out, put(out, p, HOST), r.host);
  if (r.body !== undefined) p = body(out, put(out, p, BODY), r.body, texts?.request);
  out[p++] = 0x7d;
  const res = call.response;
  if (res !== undefined) {
    p = writeJsonNumber(out, put(out, p, RESPONSE_STATUS), res.status);
    p = pairs(out, put(out, p, HEADERS), res.headers);
    if (res.body !== undefined) p = body(out, put(out, p, BODY), res.body, texts?.response);
    out[p++] = 0x7d;
  }
  if (call.durationMs !== undefined) p = writeShortMs(out, put(out, p, DURATION), call.durationMs);
  if (call.incomplete !== undefined) p = put(out, p, call.incomplete ? INCOMPLETE : NOT_INCOMPLETE);
  out[p++] = 0x7d;
  return p;
}

function peer(out: Buffer, p: number, peer: NetworkPeer): number {
  p = writeJsonString(out, put(out, p, OPEN_IP), peer.ip);
  p = writeJsonNumber(out, put(out, p, PORT), peer.port);
  out[p] = 0x7d;
  return p + 1;
}

function body(out: Buffer, p: number, b: ApiCallBody, text: Buffer | undefined): number {
  p = writeJsonNumber(out, put(out, p, OPEN_SIZE), b.size);
  p = put(out, p, b.truncated ? TRUNCATED : NOT_TRUNCATED);
  p = writeJsonString(out, put(out, p, ENCODING), b.encoding);
  if (b.contentType !== undefined) p = writeJsonString(out, put(out, p, CONTENT_TYPE), b.contentType);
  if (b.data !== undefined) p = writeJsonString(out, put(out, p, DATA), b.data);
  else if (text !== undefined) p = writeJsonUtf8(out, put(out, p, DATA), text);
  out[p] = 0x7d;
  return p + 1;
}

function pairs(out: Buffer, p: number, list: NameValueList): number {
  out[p++] = 0x5b;
  for (let i = 0; i < list.length; i++) {
    if (i > 0) out[p++] = 0x2c;
    out[p++] = 0x5b;
    p = writeJsonString(out, p, list[i][0]);
    out[p++] = 0x2c;
    p = writeJsonString(out, p, list[i][1]);
    out[p++] = 0x5d;
  }
  out[p] = 0x5d;
  return p + 1;
}

function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** Pre-encoded bytes (a byte loop beat a char loop over the key strings by 7% of the writer's time). */
function put(out: Buffer, p: number, bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) out[p + i] = bytes[i];
  return p + bytes.length;
}
