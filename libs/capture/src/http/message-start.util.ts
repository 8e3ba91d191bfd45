/**
 * Cheap byte-level tests for "an HTTP message starts here", used to tell HTTP from other traffic
 * by content (any port) and to find the next message after a gap or in a capture that starts
 * mid-connection.
 */
const H = 0x48;
const h = 0x68;
const SPACE = 0x20;
const MAX_METHOD = 24;

/** Token characters of RFC 9110 §5.6.2. */
const TOKEN = new Uint8Array(256);
for (const c of "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
  TOKEN[c.charCodeAt(0)] = 1;

export function isTokenByte(byte: number): boolean {
  return TOKEN[byte] === 1;
}

/** What a status line can start with, in the bytes available: 1 yes, 0 no, -1 too few bytes to tell. */
export function statusLineStart(buf: Buffer, pos: number, end: number): 1 | 0 | -1 {
  if (isStatusLineStart(buf, pos, end)) return 1;
  if (end - pos >= 5) return 0;
  for (let i = 0; i < end - pos; i++)
    if ((buf[pos + i] | (i < 4 ? 0x20 : 0)) !== 'http/'.charCodeAt(i)) return 0;
  return -1;
}

/** `HTTP/` in any case at `pos` (lower-case status lines exist in the wild). */
export function isStatusLineStart(buf: Buffer, pos: number, end: number): boolean {
  return (
    end - pos >= 5 &&
    (buf[pos] === H || buf[pos] === h) &&
    (buf[pos + 1] | 0x20) === 0x74 &&
    (buf[pos + 2] | 0x20) === 0x74 &&
    (buf[pos + 3] | 0x20) === 0x70 &&
    buf[pos + 4] === 0x2f
  );
}

/**
 * A request line start at `pos`: a method token of upper-case letters (and `-`/`_`), a space and
 * a non-space byte. 1 yes, 0 no, -1 cannot tell yet (too few bytes).
 */
export function requestLineStart(buf: Buffer, pos: number, end: number): 1 | 0 | -1 {
  let i = pos;
  const limit = Math.min(end, pos + MAX_METHOD + 2);
  while (i < limit) {
    const c = buf[i];
    // methods are case-sensitive and every registered one is upper case: `rest of a body` is not a request
    const letter = (c >= 0x41 && c <= 0x5a) || c === 0x2d || c === 0x5f;
    if (!letter) break;
    i++;
  }
  if (i === limit) return limit === end ? -1 : 0;
  // methods are at least three letters (GET, PUT): `T / HTTP` is noise, as peers read it
  if (i - pos < 3 || buf[i] !== SPACE) return 0;
  if (i + 1 >= end) return -1;
  return buf[i + 1] !== SPACE && buf[i + 1] !== 0x0d && buf[i + 1] !== 0x0a ? 1 : 0;
}

const KNOWN_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'CONNECT', 'TRACE'];

/**
 * Start of the upper-case method token that ends right before `spaceAt`, or -1. When the letters
 * run on from earlier binary (a SOCKS reply ending in port 80, `P`), a known method they end with wins.
 */
function methodBefore(buf: Buffer, spaceAt: number, floor: number): number {
  let i = spaceAt - 1;
  while (i >= floor && spaceAt - i <= MAX_METHOD && buf[i] >= 0x41 && buf[i] <= 0x5a) i--;
  const start = i + 1;
  if (spaceAt - start < 3) return -1;
  const token = buf.toString('latin1', start, spaceAt);
  if (KNOWN_METHODS.includes(token)) return start;
  const known = KNOWN_METHODS.find((m) => token.endsWith(m));
  return known === undefined ? start : spaceAt - known.length;
}

/**
 * Where the next plausible request line (`METHOD SP target SP HTTP/`) starts in [from, end), or -1.
 * Searching for " HTTP/1." and walking back finds requests glued to the end of a previous body.
 */
export function findRequestLine(buf: Buffer, from: number, end: number): number {
  // a view bounded at `end`: indexOf on the whole buffer would scan the rest of a large read chunk
  const view = buf.subarray(0, end);
  let at = from;
  while (at < end) {
    const version = view.indexOf(' HTTP/1.', at, 'latin1');
    if (version === -1) return -1;
    let targetStart = version - 1;
    while (targetStart >= from && buf[targetStart] !== SPACE && buf[targetStart] !== 0x0a) targetStart--;
    if (targetStart >= from && buf[targetStart] === SPACE && targetStart < version - 1) {
      const start = methodBefore(buf, targetStart, from);
      if (start !== -1) return start;
    }
    at = version + 1;
  }
  return -1;
}

/** Where the next `HTTP/1.x NNN` status line starts in [from, end), or -1. */
export function findStatusLine(buf: Buffer, from: number, end: number): number {
  const view = buf.subarray(0, end);
  let at = from;
  while (at < end) {
    const found = view.indexOf('HTTP/1.', at, 'latin1');
    if (found === -1 || found + 12 > end) return -1;
    const d = (i: number) => buf[found + i] >= 0x30 && buf[found + i] <= 0x39;
    if (d(7) && buf[found + 8] === SPACE && d(9) && d(10) && d(11)) return found;
    at = found + 1;
  }
  return -1;
}
