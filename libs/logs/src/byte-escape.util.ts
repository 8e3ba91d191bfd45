const ESCAPED_BYTES = /(?:\\x[0-9A-Fa-f]{2})+/g;

/**
 * Decodes `\xHH` escapes, which nginx and Zeek write for bytes they do not log as is (quotes,
 * control bytes, and for nginx every byte above 126). A run of escaped bytes is decoded as UTF-8, so
 * an escaped UTF-8 path comes back as text; an invalid sequence becomes U+FFFD rather than failing.
 */
export function decodeByteEscapes(value: string): string {
  if (!value.includes('\\x')) return value;
  return value.replace(ESCAPED_BYTES, (run) => Buffer.from(run.replace(/\\x/g, ''), 'hex').toString('utf8'));
}
