import { isEmailAddress } from './email-address.util';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The JSON path segment for an object member: `.email`, or `['2fa_secret']` for other keys. */
export function memberSegment(key: string): string {
  return IDENTIFIER.test(key) ? `.${key}` : `['${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

const DYNAMIC = [
  /^\d+$/, // numeric ids
  /^v?\d+(?:\.\d+)+(?:[-+][0-9A-Za-z.-]+)?$/, // versions (npm `versions`, `time`)
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // UUIDs
  /^[0-9a-f]{16,}$/i, // hex ids and hashes
  /^\d{4}-\d{2}-\d{2}/, // dates
];

/**
 * Keys that are data rather than schema (ids, versions, dates, emails used as map keys): the path
 * writes them as `*` (`$.versions.*.author.email`) so that one map does not become a thousand names.
 */
export function isDynamicKey(key: string): boolean {
  if (key.length > 200) return true;
  if (key.length === 0) return false;
  if (DYNAMIC.some((re) => re.test(key))) return true;
  if (key.includes('@')) return isEmailAddress(key);
  // Opaque mixed ids (`BxBXxLj1m4HMXBm9WZZmCWVbPjX16EHwv99vp`): long, no separators, digits and letters.
  return (
    key.length >= 20 && /^[A-Za-z0-9]+$/.test(key) && /\d.*\d.*\d/.test(key) && /[A-Za-z].*[A-Za-z]/.test(key)
  );
}

/** `.*` for a dynamic key, `.key` or `['key']` otherwise. */
export const DYNAMIC_SEGMENT = '.*';

// Keys repeat in every item of every list: their segment is worked out once (bounded cache).
const SEGMENT_CACHE_LIMIT = 8192;
const segments = new Map<string, string>();

/** The path segment for an object member, `.*` when the key is data rather than schema. */
export function pathSegmentOf(key: string): string {
  let segment = segments.get(key);
  if (segment === undefined) {
    if (segments.size >= SEGMENT_CACHE_LIMIT) segments.clear();
    segment = isDynamicKey(key) ? DYNAMIC_SEGMENT : memberSegment(key);
    segments.set(key, segment);
  }
  return segment;
}
