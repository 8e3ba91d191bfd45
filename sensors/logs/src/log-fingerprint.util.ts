import { createHash } from 'node:crypto';

/**
 * How a log file's content is named in event ids and in the offsets file: a digest of its first
 * bytes. The same content read again (later, under a rotated name, or from its `.gz`) gets the same
 * name, so its events get the same ids and its saved offset is found again. A digest of the path
 * would not survive a rename; one of the inode would not survive copytruncate.
 *
 * The span is FINGERPRINT_SPAN_BYTES (a first line alone can repeat across files: Kong's
 * pretty-printed records all start with `{`); logs only grow, so once a file holds that many bytes
 * they never change. A file still shorter is named by its complete lines once it has been quiet for
 * a while (or by all its bytes at the end of input), and the span is stored beside the digest, so it
 * is recognised by the same span later.
 */
export const FINGERPRINT_SPAN_BYTES = 1024;

export interface LogFingerprint {
  /** 16 hex digits of SHA-1 over the span. */
  id: string;
  /** Bytes hashed, from offset 0. */
  span: number;
}

/**
 * How much of a file can be trusted not to change: `growing` (only a full span), `quiet` (a file idle
 * for a while: its complete lines), or `complete` (end of input: every byte).
 */
export type HeadState = 'growing' | 'quiet' | 'complete';

/** The fingerprint of a file whose first bytes are `head`, or undefined while it cannot be final. */
export function fingerprintOf(head: Buffer, state: HeadState): LogFingerprint | undefined {
  let span: number;
  if (head.length >= FINGERPRINT_SPAN_BYTES) span = FINGERPRINT_SPAN_BYTES;
  else if (state === 'growing') return undefined;
  else span = state === 'quiet' ? head.lastIndexOf(0x0a) + 1 : head.length;
  if (span === 0) return undefined;
  return { id: digest(head.subarray(0, span)), span };
}

/** The digest of exactly `span` bytes, to check a stored fingerprint against a file's head. */
export function digest(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('hex').slice(0, 16);
}
