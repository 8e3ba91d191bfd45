const SEGMENT = /^[A-Za-z0-9_-]*={0,2}$/;

function decodeObject(segment: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
/**
 * A JSON Web Token (compact JWS with JSON claims, or JWE), optionally after `Bearer `. The header and
 * claims are decoded only to recognise the structure and are never returned or kept.
 */
export function isJwt(value: string): boolean {
  const token = /^bearer\s+/i.test(value) ? value.replace(/^bearer\s+/i, '') : value;
  if (token.length < 24 || !token.startsWith('eyJ')) return false;
  const parts = token.split('.');
  if ((parts.length !== 3 && parts.length !== 5) || !parts.every((p) => SEGMENT.test(p))) return false;
  const h = decodeObject(parts[0]);
  if (h === null || typeof h['alg'] !== 'string') return false;
  if (parts.length === 5) return typeof h['enc'] === 'string';
  // Claims must be a JSON object (RFC 7519): base64 JSON joined by dots is not a token.
  return decodeObject(parts[1]) !== null;
}
