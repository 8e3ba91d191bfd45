import { type ApiCall, type ApiCallBody, type NameValueList, type NetworkPeer } from '@apiscope/contracts';

const HEX = '0123456789abcdef';
/** JSON.stringify's short escapes for control characters; the others are \u00xx. */
const SHORT_ESCAPES: Record<number, number> = { 8: 0x62, 9: 0x74, 10: 0x6e, 12: 0x66, 13: 0x72 };

/** Bytes an event can take at most: 6 per UTF-16 unit (`\u00xx`, a lone surrogate `\udxxx`). */
export function apiCallJsonBound(call: ApiCall): number {
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
 * the spec checks against JSON.stringify.
 */
export function writeApiCallJson(call: ApiCall, out: Buffer, pos: number): number {
  let p = raw(out, pos, '{"v":');
  p = num(out, p, call.v);
  p = str(out, raw(out, p, ',"id":'), call.id);
  p = epochMs(out, raw(out, p, ',"ts":'), call.ts);
  p = str(out, raw(out, p, ',"sensor":{"id":'), call.sensor.id);
  p = str(out, raw(out, p, ',"kind":'), call.sensor.kind);
  out[p++] = 0x7d;
  if (call.src !== undefined) p = peer(out, raw(out, p, ',"src":'), call.src);
  if (call.dst !== undefined) p = peer(out, raw(out, p, ',"dst":'), call.dst);
  const r = call.request;
  p = str(out, raw(out, p, ',"request":{"method":'), r.method);
  p = str(out, raw(out, p, ',"scheme":'), r.scheme);
  p = str(out, raw(out, p, ',"target":'), r.target);
  p = str(out, raw(out, p, ',"path":'), r.path);
  p = pairs(out, raw(out, p, ',"query":'), r.query);
  p = pairs(out, raw(out, p, ',"headers":'), r.headers);
  if (r.host !== undefined) p = str(out, raw(out, p, ',"host":'), r.host);
  if (r.body !== undefined) p = body(out, raw(out, p, ',"body":'), r.body);
  out[p++] = 0x7d;
  const res = call.response;
  if (res !== undefined) {
    p = num(out, raw(out, p, ',"response":{"status":'), res.status);
    p = pairs(out, raw(out, p, ',"headers":'), res.headers);
    if (res.body !== undefined) p = body(out, raw(out, p, ',"body":'), res.body);
    out[p++] = 0x7d;
  }
  if (call.durationMs !== undefined) p = shortMs(out, raw(out, p, ',"durationMs":'), call.durationMs);
  if (call.incomplete !== undefined)
    p = raw(out, p, call.incomplete ? ',"incomplete":true' : ',"incomplete":false');
  out[p++] = 0x7d;
  return p;
}

function peer(out: Buffer, p: number, peer: NetworkPeer): number {
  p = str(out, raw(out, p, '{"ip":'), peer.ip);
  p = num(out, raw(out, p, ',"port":'), peer.port);
  out[p] = 0x7d;
  return p + 1;
}

function body(out: Buffer, p: number, b: ApiCallBody): number {
  p = num(out, raw(out, p, '{"size":'), b.size);
  p = raw(out, p, b.truncated ? ',"truncated":true' : ',"truncated":false');
  p = str(out, raw(out, p, ',"encoding":'), b.encoding);
  if (b.contentType !== undefined) p = str(out, raw(out, p, ',"contentType":'), b.contentType);
  if (b.data !== undefined) p = str(out, raw(out, p, ',"data":'), b.data);
  out[p] = 0x7d;
  return p + 1;
}

function pairs(out: Buffer, p: number, list: NameValueList): number {
  out[p++] = 0x5b;
  for (let i = 0; i < list.length; i++) {
    if (i > 0) out[p++] = 0x2c;
    out[p++] = 0x5b;
    p = str(out, p, list[i][0]);
    out[p++] = 0x2c;
    p = str(out, p, list[i][1]);
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

function num(out: Buffer, p: number, n: number): number {
  return raw(out, p, Number.isFinite(n) ? String(n) : 'null');
}

/**
 * A capture timestamp (epoch ms from seconds and microseconds) as String(x) writes it, without
 * building the string (a float's shortest form costs more than the rest of its event's numbers).
 * In [2^32, 2^41) a double is 2^-12 or finer, so when x is the double nearest `whole + k/1000`
 * (never near a rounding midpoint there), that decimal is the only one of at most 3 fraction
 * digits to read back as x, hence the shortest; anything else goes to String.
 */
function epochMs(out: Buffer, p: number, x: number): number {
  if (x >= 4294967296 && x < 2199023255552) {
    const whole = Math.floor(x);
    const k = Math.round((x - whole) * 1000);
    if (k < 1000 && whole + k / 1000 === x) return fraction(out, digits(out, p, whole), k, 3);
  }
  return num(out, p, x);
}

/**
 * A duration between two capture timestamps: those are multiples of 2^-12 ms, and so is their
 * difference, whose decimal expansion then ends within 12 fraction digits (2^-12 = 244140625e-12).
 * Below 2048 ms doubles are finer than 1e-12, so that exact expansion is the shortest form.
 */
function shortMs(out: Buffer, p: number, x: number): number {
  if (x >= 0 && x < 2048) {
    const m = x * 4096;
    if (Number.isInteger(m))
      return fraction(out, digits(out, p, Math.floor(m / 4096)), (m % 4096) * 244140625, 12);
  }
  return num(out, p, x);
}

/** `.` and `value` as `width` digits without their trailing zeros; nothing when `value` is 0. */
function fraction(out: Buffer, p: number, value: number, width: number): number {
  if (value === 0) return p;
  out[p] = 0x2e;
  let end = p + width;
  for (let i = end, v = value; i > p; i--, v = Math.floor(v / 10)) out[i] = 48 + (v % 10);
  while (out[end] === 48) end--;
  return end + 1;
}

/** A non-negative integer below 2^49 in decimal. */
function digits(out: Buffer, p: number, n: number): number {
  let length = 1;
  for (let t = n; t >= 10; t = Math.floor(t / 10)) length++;
  for (let i = p + length - 1, t = n; i >= p; i--, t = Math.floor(t / 10)) out[i] = 48 + (t % 10);
  return p + length;
}

/** Printable ASCII but `"` and `\`: copied as they are by the native Latin-1 writer (which beats a loop past ~24 characters). */
const PLAIN = /^[ !#-[\]-~]*$/;

/** A JSON string as JSON.stringify escapes it (well-formed: lone surrogates as \udxxx), in UTF-8. */
function str(out: Buffer, p: number, s: string): number {
  out[p++] = 0x22;
  const length = s.length;
  if (length > 24 && PLAIN.test(s)) {
    p += out.write(s, p, 'latin1');
    out[p] = 0x22;
    return p + 1;
  }
  for (let i = 0; i < length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x80) {
      if (c === 0x22 || c === 0x5c) out[p++] = 0x5c;
      out[p++] = c;
    } else if (c < 0x20) {
      out[p++] = 0x5c;
      const short = SHORT_ESCAPES[c];
      if (short !== undefined) out[p++] = short;
      else p = unicodeEscape(out, p, c);
    } else if (c < 0x800) {
      out[p++] = 0xc0 | (c >> 6);
      out[p++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c > 0xdfff) {
      out[p++] = 0xe0 | (c >> 12);
      out[p++] = 0x80 | ((c >> 6) & 0x3f);
      out[p++] = 0x80 | (c & 0x3f);
    } else {
      const next = i + 1 < length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        out[p++] = 0xf0 | (cp >> 18);
        out[p++] = 0x80 | ((cp >> 12) & 0x3f);
        out[p++] = 0x80 | ((cp >> 6) & 0x3f);
        out[p++] = 0x80 | (cp & 0x3f);
        i++;
      } else {
        out[p++] = 0x5c;
        p = unicodeEscape(out, p, c);
      }
    }
  }
  out[p] = 0x22;
  return p + 1;
}

/** `u` and four lowercase hex digits (the backslash is already written). */
function unicodeEscape(out: Buffer, p: number, c: number): number {
  out[p++] = 0x75;
  out[p++] = HEX.charCodeAt((c >> 12) & 0xf);
  out[p++] = HEX.charCodeAt((c >> 8) & 0xf);
  out[p++] = HEX.charCodeAt((c >> 4) & 0xf);
  out[p++] = HEX.charCodeAt(c & 0xf);
  return p;
}
