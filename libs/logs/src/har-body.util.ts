import { type ApiCallBody } from '@apiscope/contracts';

function withContentType(body: ApiCallBody, contentType: string | undefined): ApiCallBody {
  return contentType === undefined ? body : { contentType, ...body };
}

/** The first `maxBytes` bytes of UTF-8 text, cut before a character rather than through it. */
function utf8Prefix(text: string, maxBytes: number): string {
  // Each UTF-16 unit takes at least one UTF-8 byte, so encoding `maxBytes` units is always enough;
  // a high surrogate left at the end would encode as U+FFFD, so it goes too.
  let head = text.slice(0, maxBytes);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  const bytes = Buffer.from(head, 'utf8');
  if (bytes.length <= maxBytes) return head;
  let cut = maxBytes;
  while (cut > 0 && (bytes[cut] & 0xc0) === 0x80) cut--;
  return bytes.subarray(0, cut).toString('utf8');
}

/** A body whose text is known; `size` is its UTF-8 length, `data` at most `maxBytes` of it. */
export function utf8Body(text: string, contentType: string | undefined, maxBytes: number): ApiCallBody {
  const size = Buffer.byteLength(text, 'utf8');
  if (size <= maxBytes)
    return withContentType({ size, truncated: false, encoding: 'utf8', data: text }, contentType);
  const kept = utf8Prefix(text, maxBytes);
  return withContentType(
    { size, truncated: true, encoding: 'utf8', ...(kept !== '' && { data: kept }) },
    contentType,
  );
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

/**
 * A binary body given as base64. `size` counts decoded bytes; only the kept prefix is decoded and
 * re-encoded, so a 10 MB image costs no more than the cap. Undefined when the text is not base64.
 */
export function base64Body(
  base64: string,
  contentType: string | undefined,
  maxBytes: number,
): ApiCallBody | undefined {
  const clean = base64.replace(/\s+/g, '');
  if (!BASE64.test(clean)) return undefined;
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  const size = Math.floor((clean.length * 3) / 4) - padding;
  if (size <= maxBytes) {
    // Unpadded input is legal in HAR; padded output is what every base64 decoder accepts.
    const data = clean.padEnd(Math.ceil(clean.length / 4) * 4, '=');
    return withContentType({ size, truncated: false, encoding: 'base64', data }, contentType);
  }
  const kept = Buffer.from(clean.slice(0, Math.ceil(maxBytes / 3) * 4), 'base64').subarray(0, maxBytes);
  return withContentType(
    { size, truncated: true, encoding: 'base64', ...(kept.length > 0 && { data: kept.toString('base64') }) },
    contentType,
  );
}

/** A body the exporter measured but did not include: nothing kept, so it counts as truncated. */
export function sizeOnlyBody(size: number, contentType: string | undefined): ApiCallBody {
  return withContentType({ size, truncated: true, encoding: 'utf8' }, contentType);
}
