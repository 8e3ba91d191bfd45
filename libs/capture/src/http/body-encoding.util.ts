import { isUtf8 } from 'node:buffer';
import {
  brotliDecompressSync,
  constants,
  gunzipSync,
  inflateRawSync,
  inflateSync,
  type ZlibOptions,
} from 'node:zlib';

import { type ApiCallBody } from '@apiscope/contracts';

import { type BodyCollector } from './body-collector.util';

const MAX_CONTENT_TYPE = 512;

interface Decoded {
  data: Buffer;
  /** False when the output was cut (bomb guard) or the input was incomplete. */
  whole: boolean;
}

function tryDecode(
  encoding: string,
  input: Buffer,
  complete: boolean,
  maxOutput: number,
): Buffer | undefined {
  // an incomplete stream is flushed rather than refused, so a cut body still yields its start
  const zlibOptions: ZlibOptions = { maxOutputLength: maxOutput };
  if (!complete) zlibOptions.finishFlush = constants.Z_SYNC_FLUSH;
  try {
    switch (encoding) {
      case 'gzip':
      case 'x-gzip':
        return gunzipSync(input, zlibOptions);
      case 'deflate':
        try {
          return inflateSync(input, zlibOptions);
        } catch {
          return inflateRawSync(input, zlibOptions); // servers that send raw deflate without the zlib header
        }
      case 'br':
        return brotliDecompressSync(input, {
          maxOutputLength: maxOutput,
          ...(!complete && { finishFlush: constants.BROTLI_OPERATION_FLUSH }),
        });
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}

/**
 * Content decoding with a bound on the output (a 256 KiB gzip bomb inflates to gigabytes): past
 * `maxOutput` the input is halved until its output fits, and the result is marked as cut.
 */
function decodeContent(encoding: string, input: Buffer, complete: boolean, cap: number): Decoded | undefined {
  const maxOutput = Math.max(cap * 64, 4 * 1024 * 1024);
  const full = tryDecode(encoding, input, complete, maxOutput);
  if (full !== undefined) return { data: full, whole: complete };
  // a stream that ends early or carries junk after its data: keep what inflates
  const flushed = complete ? tryDecode(encoding, input, false, maxOutput) : undefined;
  if (flushed !== undefined && flushed.length > 0) return { data: flushed, whole: false };
  for (let length = input.length >> 1; length >= 64; length >>= 1) {
    const part = tryDecode(encoding, input.subarray(0, length), false, maxOutput);
    if (part !== undefined && part.length > 0) return { data: part, whole: false };
  }
  return undefined;
}

/** Longest prefix that does not end inside a UTF-8 sequence (a cut at the cap may split one). */
function utf8Boundary(data: Buffer): number {
  let end = data.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const c = data[end - back];
    if ((c & 0xc0) === 0x80) continue;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      if (back < need) end -= back;
    }
    break;
  }
  return end;
}

/** A body as the contract carries it, with UTF-8 text still as its bytes (`data` unset). */
export interface ApiCallBodyParts {
  body: ApiCallBody;
  /** The text for `data` when the body is valid UTF-8 (`encoding: 'utf8'`), not yet decoded. */
  text?: Buffer;
}

/**
 * The contract's body from a collected one: decoded (gzip, deflate, br), cut at `cap` bytes,
 * as UTF-8 text when it is valid UTF-8, otherwise base64. `size` is the decoded length; when the
 * body could not be read whole it is the length known, and `truncated` says so. UTF-8 text is
 * returned as its bytes: a writer that only serialises the event escapes them straight into its
 * output (writeApiCallJson) instead of decoding them to a string and encoding that again, which
 * for large JSON bodies was most of an event's cost.
 */
export function toApiCallBodyParts(
  collector: BodyCollector,
  contentType: string | undefined,
  cap: number,
): ApiCallBodyParts | undefined {
  if (collector.size === 0) return undefined;
  const { data: raw, complete } = collector.raw();
  let bytes = raw;
  let size = collector.size;
  let whole = complete;
  const encoding = collector.contentEncoding;
  if (encoding !== '' && encoding !== 'identity' && raw.length > 0) {
    const decoded = decodeContent(encoding, raw, complete, cap);
    if (decoded !== undefined) {
      bytes = decoded.data;
      whole = decoded.whole;
      size = decoded.data.length;
    }
  }
  collector.release();
  const truncated = !whole || bytes.length > cap;
  let kept = bytes.length > cap ? bytes.subarray(0, cap) : bytes;
  const body: ApiCallBody = { size, truncated, encoding: 'utf8' };
  if (contentType !== undefined) body.contentType = contentType.slice(0, MAX_CONTENT_TYPE);
  if (kept.length === 0) return { body };
  if (truncated) kept = kept.subarray(0, utf8Boundary(kept));
  if (isUtf8(kept)) return { body, text: kept };
  body.encoding = 'base64';
  body.data = (bytes.length > cap ? bytes.subarray(0, cap) : bytes).toString('base64');
  return { body };
}
