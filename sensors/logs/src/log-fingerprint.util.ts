import { createHash } from 'node:crypto';

/**
 * How a log file's content is named in event ids and in the offsets file: a digest of its first
 * bytes, cut at a line end. The same content read again (later, under a rotated name, or from its
 * `.gz`) gets the same name, so its events get the same ids and its saved offset is found again.
 * A digest of the path would not survive a rename; one of the inode would not survive copytruncate.
 *
 * The span grows until it covers this many bytes (a first line alone can repeat across files:
 * Kong's pretty-printed records all start with `{`), and its length is stored beside the digest,
 * so a file that was short when first seen is recognised by the same span later.
 */
export const FINGERPRINT_SPAN_BYTES = 1024;

export interface LogFingerprint {
  /** 16 hex digits of SHA-1 over the span. */
  id: string;
  /** Bytes hashed, from offset 0, ending at a line break. */
  span: number;
}

/**
 * How much of a file can be trusted not to change: `growing` (only a span reaching
 * FINGERPRINT_SPAN_BYTES at a line end), `quiet` (a file idle for a while: its complete lines), or
 * `complete` (end of input: every byte).
 */
export type HeadState = 'growing' | 'quiet' | 'complete';

/** The fingerprint of a file whose first bytes are `head`, or undefined while it cannot be final. */
export function fingerprintOf(head: Buffer, state: HeadState): LogFingerprint | undefined {
  const reach = head.indexOf(0x0a, FINGERPRINT_SPAN_BYTES - 1);
  let span: number;
  if (reach !== -1) span = reach + 1;
  else if (state === 'growing') return undefined;
  else span = state === 'quiet' ? head.lastIndexOf(0x0a) + 1 : head.length;
  if (span === 0) return undefined;
  return { id: digest(head.subarray(0, span)), span };
}

/** The digest of exactly `span` bytes, to check a stored fingerprint against a file's head. */
export function digest(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('hex').slice(0, 16);
}
