import { emptyHead, type HttpHead } from './http-head.type';

/** Header fields kept per message: the contract's bound (API_CALL_LIMITS.headerCount). */
const MAX_HEADERS = 512;
const VERSION = /^HTTP\/(\d\.\d)$/i;
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
  const space = line.indexOf(' ');
  const version = VERSION.exec(space === -1 ? line : line.slice(0, space));
  if (!version) return 'status line does not start with HTTP/x.y';
  head.version = version[1];
  const code = line
    .slice(space + 1)
    .trimStart()
    .slice(0, 4);
  if (!/^\d{3}(\s|$)/.test(code)) return 'status code is not three digits';
  head.status = Number(code.slice(0, 3));
  if (head.status < 100) return 'status code below 100';
  return undefined;
}

/** Framing and interesting fields, found by name length first so most names cost no lower-casing. */
function noteField(head: HttpHead, name: string, value: string, folded: boolean): void {
  switch (name.length) {
    case 4:
      if (name.toLowerCase() === 'host' && head.host === undefined) head.host = value;
      return;
    case 6:
      if (name.toLowerCase() === 'expect') head.expectContinue = /100-continue/i.test(value);
      return;
    case 10:
      if (name.toLowerCase() === 'connection') {
        const v = value.toLowerCase();
        if (v.includes('close')) head.connectionClose = true;
        if (v.includes('upgrade')) head.upgrade = true;
      }
      return;
    case 12:
      if (name.toLowerCase() === 'content-type' && head.contentType === undefined) head.contentType = value;
      return;
    case 14:
      if (name.toLowerCase() === 'content-length') contentLength(head, value, folded);
      return;
    case 16:
      if (name.toLowerCase() === 'content-encoding') head.contentEncoding = value.toLowerCase();
      return;
    case 17:
      if (name.toLowerCase() === 'transfer-encoding') head.chunked = /(^|[\s,])chunked\s*$/i.test(value);
      return;
    default:
      return;
  }
}

function contentLength(head: HttpHead, value: string, folded: boolean): void {
  const n = /^\d{1,16}$/.test(value) ? Number(value) : -2;
  if (head.contentLength === -1 || folded) head.contentLength = n;
  else if (head.contentLength !== n) head.contentLength = -2;
}
