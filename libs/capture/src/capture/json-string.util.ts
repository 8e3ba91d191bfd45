/**
 * Strings as JSON.stringify escapes them, in UTF-8, straight into a buffer (for the ApiCall
 * serialiser). Writes at `p`, returns the position after it; the caller makes room (6 bytes a
 * UTF-16 unit at most, plus the quotes).
 */

const HEX = '0123456789abcdef';
/** JSON.stringify's short escapes for control characters; the others are \u00xx. */
const SHORT_ESCAPES: Record<number, number> = { 8: 0x62, 9: 0x74, 10: 0x6e, 12: 0x66, 13: 0x72 };

/** A JSON string as JSON.stringify escapes it (well-formed: lone surrogates as \udxxx), in UTF-8. */
export function writeJsonString(out: Buffer, p: number, s: string): number {
  out[p++] = 0x22;
  const length = s.length;
  // printable ASCII but `"` and `\` (nearly every string of an event) goes in this tight loop
  let i = 0;
  for (; i < length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) break;
    out[p++] = c;
  }
  if (i === length) {
    out[p] = 0x22;
    return p + 1;
  }
  for (; i < length; i++) {
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

/** Bytes that valid UTF-8 text carries into a JSON string unchanged (all but controls, `"`, `\`). */
const PLAIN_BYTE = new Uint8Array(256).fill(1);
for (let b = 0; b < 0x20; b++) PLAIN_BYTE[b] = 0;
PLAIN_BYTE[0x22] = PLAIN_BYTE[0x5c] = 0;

/**
 * Valid UTF-8 text, given as its bytes, as the JSON string JSON.stringify writes for the decoded
 * text: multi-byte sequences are copied as they are (valid UTF-8 has no lone surrogates, and
 * JSON.stringify escapes nothing else above 0x7f), controls, `"` and `\` escaped. Byte for byte
 * instead of decoding to a string first; the caller makes room (6 bytes a byte, plus the quotes).
 */
export function writeJsonUtf8(out: Buffer, p: number, text: Uint8Array): number {
  out[p++] = 0x22;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const b = text[i];
    if (PLAIN_BYTE[b] === 1) {
      out[p++] = b;
      continue;
    }
    out[p++] = 0x5c;
    if (b === 0x22 || b === 0x5c) out[p++] = b;
    else {
      const short = SHORT_ESCAPES[b];
      if (short !== undefined) out[p++] = short;
      else p = unicodeEscape(out, p, b);
    }
  }
  out[p] = 0x22;
  return p + 1;
}
