import { type ApiCall, type ApiCallBody, type NameValueList, type NetworkPeer } from '@apiscope/contracts';

import { type BodyTexts } from '../http/api-call.builder';
import { writeEpochMs, writeJsonNumber, writeShortMs } from './json-number.util';
import { writeJsonString, writeJsonUtf8 } from './json-string.util';

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
  let p = raw(out, pos, '{"v":');
  p = writeJsonNumber(out, p, call.v);
  p = writeJsonString(out, raw(out, p, ',"id":'), call.id);
  p = writeEpochMs(out, raw(out, p, ',"ts":'), call.ts);
  p = writeJsonString(out, raw(out, p, ',"sensor":{"id":'), call.sensor.id);
  p = writeJsonString(out, raw(out, p, ',"kind":'), call.sensor.kind);
  out[p++] = 0x7d;
  if (call.src !== undefined) p = peer(out, raw(out, p, ',"src":'), call.src);
  if (call.dst !== undefined) p = peer(out, raw(out, p, ',"dst":'), call.dst);
  const r = call.request;
  p = writeJsonString(out, raw(out, p, ',"request":{"method":'), r.method);
  p = writeJsonString(out, raw(out, p, ',"scheme":'), r.scheme);
  p = writeJsonString(out, raw(out, p, ',"target":'), r.target);
  p = writeJsonString(out, raw(out, p, ',"path":'), r.path);
  p = pairs(out, raw(out, p, ',"query":'), r.query);
  p = pairs(out, raw(out, p, ',"headers":'), r.headers);
  if (r.host !== undefined) p = writeJsonString(out, raw(out, p, ',"host":'), r.host);
  if (r.body !== undefined) p = body(out, raw(out, p, ',"body":'), r.body, texts?.request);
  out[p++] = 0x7d;
  const res = call.response;
  if (res !== undefined) {
    p = writeJsonNumber(out, raw(out, p, ',"response":{"status":'), res.status);
    p = pairs(out, raw(out, p, ',"headers":'), res.headers);
    if (res.body !== undefined) p = body(out, raw(out, p, ',"body":'), res.body, texts?.response);
    out[p++] = 0x7d;
  }
  if (call.durationMs !== undefined) p = writeShortMs(out, raw(out, p, ',"durationMs":'), call.durationMs);
  if (call.incomplete !== undefined)
    p = raw(out, p, call.incomplete ? ',"incomplete":true' : ',"incomplete":false');
  out[p++] = 0x7d;
  return p;
}

function peer(out: Buffer, p: number, peer: NetworkPeer): number {
  p = writeJsonString(out, raw(out, p, '{"ip":'), peer.ip);
  p = writeJsonNumber(out, raw(out, p, ',"port":'), peer.port);
  out[p] = 0x7d;
  return p + 1;
}

function body(out: Buffer, p: number, b: ApiCallBody, text: Buffer | undefined): number {
  p = writeJsonNumber(out, raw(out, p, '{"size":'), b.size);
  p = raw(out, p, b.truncated ? ',"truncated":true' : ',"truncated":false');
  p = writeJsonString(out, raw(out, p, ',"encoding":'), b.encoding);
  if (b.contentType !== undefined) p = writeJsonString(out, raw(out, p, ',"contentType":'), b.contentType);
  if (b.data !== undefined) p = writeJsonString(out, raw(out, p, ',"data":'), b.data);
  else if (text !== undefined) p = writeJsonUtf8(out, raw(out, p, ',"data":'), text);
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

/** ASCII without anything to escape (the keys and punctuation above). */
function raw(out: Buffer, p: number, s: string): number {
  for (let i = 0; i < s.length; i++) out[p++] = s.charCodeAt(i);
  return p;
}
