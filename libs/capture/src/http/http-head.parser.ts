import { emptyHead, type HttpHead } from './http-head.type';

/** Header fields kept per message: the contract's bound (API_CALL_LIMITS.headerCount). */
const MAX_HEADERS = 512;
/** Request lines end in a version token peers accept even when malformed (`HTTP/1.`). */
const LOOSE_VERSION = /^HTTP\/(\S*)$/i;
const SIMPLE_TARGET = /^(\/|\*|[a-z][a-z0-9+.-]*:\/\/)/i;
const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{3,32}$/;

/**
 * Parses a complete head (the text up to and including the blank line; CRLF or bare LF line ends).
 * Lenient like the peers it is compared with: obs-fold continuations are joined, lines without a
 * colon are skipped, a request line without a version is HTTP/0.9. Returns a reason when the start
 * line is not HTTP at all.
 */
export function parseHttpHead(text: string, isRequest: boolean): HttpHead | string {
  let lineEnd = text.indexOf('\n');
  if (lineEnd === -1) lineEnd = text.length;
  const startLine = text.slice(0, lineEnd).trim();
  const head = emptyHead();
  const problem = isRequest ? requestLine(startLine, head) : statusLine(startLine, head);
  if (problem !== undefined) return problem;
  let pos = lineEnd + 1;
  while (pos < text.length) {
    let next = text.indexOf('\n', pos);
    if (next === -1) next = text.length;
    let end = next;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    if (end === pos) break; // the blank line
    const first = text.charCodeAt(pos);
    if ((first === 32 || first === 9) && head.headers.length > 0) {
      // obs-fold (RFC 9112 §5.2): the line continues the previous field value
      const last = head.headers[head.headers.length - 1];
      last[1] = `${last[1]} ${text.slice(pos, end).trim()}`.trim();
      noteField(head, last[0], last[1], true);
    } else {
      const colon = text.indexOf(':', pos);
      if (colon > pos && colon < end && head.headers.length < MAX_HEADERS) {
        // trimmed by char codes: the common `Name: value` costs two slices and no other string
        let nameEnd = colon;
        while (nameEnd > pos && isBlank(text.charCodeAt(nameEnd - 1))) nameEnd--;
        let valueStart = colon + 1;
        while (valueStart < end && isBlank(text.charCodeAt(valueStart))) valueStart++;
        let valueEnd = end;
        while (valueEnd > valueStart && isBlank(text.charCodeAt(valueEnd - 1))) valueEnd--;
        if (nameEnd > pos) {
          const name = text.slice(pos, nameEnd);
          const value = text.slice(valueStart, valueEnd);
          head.headers.push([name, value]);
          noteField(head, name, value, false);
        }
      }
    }
    pos = next + 1;
  }
  return head;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

function requestLine(line: string, head: HttpHead): string | undefined {
  // the common `METHOD SP target SP HTTP/d.d` without a regex; anything else takes the general path
  const firstSpace = line.indexOf(' ');
  const lastSpace = line.lastIndexOf(' ');
  const v = lastSpace + 1;
  if (
    firstSpace >= 3 &&
    firstSpace <= 32 &&
    lastSpace > firstSpace + 1 &&
    line.length - v === 8 &&
    line.charCodeAt(v) === 0x48 &&
    line.charCodeAt(v + 1) === 0x54 &&
    line.charCodeAt(v + 2) === 0x54 &&
    line.charCodeAt(v + 3) === 0x50 &&
    line.charCodeAt(v + 4) === 0x2f &&
    line.charCodeAt(v + 5) === 0x31 &&
    line.charCodeAt(v + 6) === 0x2e &&
    isDigit(line.charCodeAt(v + 7)) &&
    line.charCodeAt(firstSpace + 1) !== 0x20 &&
    line.charCodeAt(lastSpace - 1) !== 0x20 &&
    isMethod(line, firstSpace)
  ) {
    head.method = line.slice(0, firstSpace);
    head.target = line.slice(firstSpace + 1, lastSpace);
    head.version = line.slice(v + 5);
    return undefined;
  }
  return requestLineGeneral(line, head);
}

/** Upper-case letters, `-` and `_` (what message-start detection accepted). */
function isMethod(line: string, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const c = line.charCodeAt(i);
    if (!((c >= 0x41 && c <= 0x5a) || c === 0x2d || c === 0x5f)) return false;
  }
  return true;
}

function requestLineGeneral(line: string, head: HttpHead): string | undefined {
  const firstSpace = line.indexOf(' ');
  if (firstSpace <= 0) return 'request line without a target';
  const method = line.slice(0, firstSpace);
  if (!METHOD.test(method)) return 'request method is not a token';
  const rest = line.slice(firstSpace + 1).trim();
  const lastSpace = rest.lastIndexOf(' ');
  const version = lastSpace === -1 ? null : LOOSE_VERSION.exec(rest.slice(lastSpace + 1));
  if (version) {
    head.version = version[1] === '' ? '1.0' : version[1];
    head.target = rest.slice(0, lastSpace).trim();
  } else if (LOOSE_VERSION.test(rest)) {
    head.version = rest.slice(5);
    head.target = '';
  } else {
    head.version = '0.9';
    head.target = rest;
    // SMTP `EHLO x`, IRC `NICK y`, FTP `USER z`, SIP `OPTIONS sip:...` look like versionless
    // request lines: without a version only a path, `*` or an absolute URI makes it HTTP
    if (!SIMPLE_TARGET.test(rest)) return 'request line without version or path (not HTTP)';
  }
  if (head.version.startsWith('2') || head.version.startsWith('3'))
    return `HTTP/${head.version} is not HTTP/1.x`;
  head.method = method;
  return undefined;
}

function statusLine(line: string, head: HttpHead): string | undefined {
  // `HTTP/d.d SP ddd`, read by char codes: this runs once per response
  const space = line.indexOf(' ');
  const versionEnd = space === -1 ? line.length : space;
  if (
    versionEnd !== 8 ||
    (line.charCodeAt(0) | 0x20) !== 0x68 ||
    (line.charCodeAt(1) | 0x20) !== 0x74 ||
    (line.charCodeAt(2) | 0x20) !== 0x74 ||
    (line.charCodeAt(3) | 0x20) !== 0x70 ||
    line.charCodeAt(4) !== 0x2f ||
    !isDigit(line.charCodeAt(5)) ||
    line.charCodeAt(6) !== 0x2e ||
    !isDigit(line.charCodeAt(7))
  )
    return 'status line does not start with HTTP/x.y';
  head.version = line.slice(5, 8);
  let p = space + 1;
  while (p < line.length && isBlank(line.charCodeAt(p))) p++;
  const d0 = line.charCodeAt(p);
  const d1 = line.charCodeAt(p + 1);
  const d2 = line.charCodeAt(p + 2);
  const after = line.charCodeAt(p + 3);
  if (
    space === -1 ||
    !isDigit(d0) ||
    !isDigit(d1) ||
    !isDigit(d2) ||
    !(Number.isNaN(after) || isBlank(after))
  )
    return 'status code is not three digits';
  head.status = (d0 - 48) * 100 + (d1 - 48) * 10 + (d2 - 48);
  if (head.status < 100) return 'status code below 100';
  return undefined;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `name` equals the lower-case `lower` in any case, without allocating (letters and `-` only). */
function named(name: string, lower: string): boolean {
  for (let i = 0; i < lower.length; i++)
    if ((name.charCodeAt(i) | 0x20) !== lower.charCodeAt(i)) return false;
  return true;
}

/** Framing and interesting fields, found by name length first, then compared without lower-casing. */
function noteField(head: HttpHead, name: string, value: string, folded: boolean): void {
  switch (name.length) {
    case 4:
      if (named(name, 'host') && head.host === undefined) head.host = value;
      return;
    case 6:
      if (named(name, 'expect')) head.expectContinue = /100-continue/i.test(value);
      return;
    case 10:
      if (named(name, 'connection')) {
        const v = value.toLowerCase();
        if (v.includes('close')) head.connectionClose = true;
        if (v.includes('upgrade')) head.upgrade = true;
      }
      return;
    case 12:
      if (named(name, 'content-type') && head.contentType === undefined) head.contentType = value;
      return;
    case 14:
      if (named(name, 'content-length')) contentLength(head, value, folded);
      return;
    case 16:
      if (named(name, 'content-encoding')) head.contentEncoding = value.toLowerCase();
      return;
    case 17:
      if (named(name, 'transfer-encoding')) head.chunked = /(^|[\s,])chunked\s*$/i.test(value);
      return;
    default:
      return;
  }
}

function contentLength(head: HttpHead, value: string, folded: boolean): void {
  let n = value.length > 0 && value.length <= 16 ? 0 : -2;
  for (let i = 0; i < value.length && n >= 0; i++) {
    const c = value.charCodeAt(i);
    n = isDigit(c) ? n * 10 + (c - 48) : -2;
  }
  if (head.contentLength === -1 || folded) head.contentLength = n;
  else if (head.contentLength !== n) head.contentLength = -2;
}
