/**
 * End of a head: the index just after the first empty line (CRLF CRLF, or bare LF LF), searching
 * [from, end), or -1 when the blank line has not arrived yet.
 */
export function findHeadEnd(buf: Buffer, from: number, end: number): number {
  let p = from;
  for (;;) {
    const nl = buf.indexOf(0x0a, p);
    if (nl === -1 || nl >= end) return -1;
    const next = nl + 1;
    if (next < end && buf[next] === 0x0a) return next + 1;
    if (next + 1 < end && buf[next] === 0x0d && buf[next + 1] === 0x0a) return next + 2;
    p = next;
  }
}

/**
 * Whether the request line starting at `from` ends in a version token (`HTTP/` and anything after
 * it, as peers accept `HTTP/1.`). Undecided (no line end yet) counts as yes, so that the caller
 * waits for the whole head.
 */
export function requestLineHasVersion(buf: Buffer, from: number, end: number): boolean {
  const nl = buf.indexOf(0x0a, from);
  if (nl === -1 || nl >= end) return true;
  let e = nl;
  while (e > from && (buf[e - 1] === 0x0d || buf[e - 1] === 0x20)) e--;
  let p = e;
  while (p > from && buf[p - 1] !== 0x20) p--;
  if (p === from || e - p < 5) return false;
  return (
    (buf[p] | 0x20) === 0x68 &&
    (buf[p + 1] | 0x20) === 0x74 &&
    (buf[p + 2] | 0x20) === 0x74 &&
    (buf[p + 3] | 0x20) === 0x70 &&
    buf[p + 4] === 0x2f
  );
}

/**
 * End of an HTTP/0.9-style request (a request line without a version). Peers read header lines
 * after it when they follow, so: text lines after it make a head that ends at the blank line; a
 * blank line ends it there; nothing more (what a real 0.9 client sends) ends it at the line.
 */
export function findSimpleRequestEnd(buf: Buffer, from: number, end: number): number {
  const nl = buf.indexOf(0x0a, from);
  if (nl === -1 || nl >= end) return -1;
  const next = nl + 1;
  if (next >= end) return next;
  if (buf[next] === 0x0a) return next + 1;
  if (buf[next] === 0x0d) return next + 1 < end && buf[next + 1] === 0x0a ? next + 2 : next;
  // a text line follows (a header field, or junk such as `FakeHeader` that peers skip): a head
  const c = buf[next];
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return findHeadEnd(buf, from, end);
  return next;
}
