import { type HttpHead } from './http-head.type';

/** Request lines end in a version token peers accept even when malformed (`HTTP/1.`). */
const LOOSE_VERSION = /^HTTP\/(\S*)$/i;
const SIMPLE_TARGET = /^(\/|\*|[a-z][a-z0-9+.-]*:\/\/)/i;
const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{3,32}$/;

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

export function requestLine(line: string, head: HttpHead): string | undefined {
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

export function statusLine(line: string, head: HttpHead): string | undefined {
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

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
