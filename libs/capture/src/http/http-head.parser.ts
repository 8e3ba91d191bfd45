import { emptyHead, type HttpHead } from './http-head.type';
import { isDigit, requestLine, statusLine } from './start-line.parser';

/** Header fields kept per message: the contract's bound (API_CALL_LIMITS.headerCount). */
const MAX_HEADERS = 512;

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
