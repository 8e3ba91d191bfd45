import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Key format: `aps_<id>_<secret>`. `id` (12 hex digits) is public: it names the key in lists and
 * the audit log and finds its row; `secret` (32 random bytes, base64url) is what proves possession.
 * Only a salted scrypt hash of the secret is stored.
 */
const KEY_FORMAT = /^aps_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/**
 * scrypt cost: ~30-60 ms and 16 MiB per hash on this class of machine, run on libuv's thread pool.
 * The secrets are 256-bit random, so the cost guards a leaked table, not guessable passwords; the
 * API caches successful verifications so the cost is paid once per key, not per request.
 */
const COST = { N: 16384, r: 8, p: 1 } as const;
const HASH_BYTES = 32;
const SALT_BYTES = 16;
/** Stored parameters are bounded: a tampered row must not make one verification cost gigabytes. */
const MAX_N = 1 << 17;

export interface GeneratedApiKey {
  id: string;
  key: string;
  secret: string;
}

export function generateApiKey(): GeneratedApiKey {
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, key: `aps_${id}_${secret}` };
}

/** `aps_<id>_<secret>` -> its parts; undefined for anything else. */
export function parseApiKey(token: string): { id: string; secret: string } | undefined {
  const m = KEY_FORMAT.exec(token);
  return m ? { id: m[1], secret: m[2] } : undefined;
}

/** The non-secret start of a key, shown in lists so people recognise their keys. */
export function apiKeyPrefix(id: string): string {
  return `aps_${id}_`;
}

function derive(secret: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, HASH_BYTES, { N, r, p, maxmem: 256 * N * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$<salt b64url>$<hash b64url>`: the parameters travel with the hash, so they can grow. */
export async function hashApiKeySecret(secret: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(secret, salt, COST.N, COST.r, COST.p);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** Constant-time comparison of the derived hash; false (never a throw) for a malformed stored value. */
export async function verifyApiKeySecret(secret: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every(Number.isInteger) || N < 2 || N > MAX_N || (N & (N - 1)) !== 0) return false;
  if (r < 1 || r > 16 || p < 1 || p > 4) return false;
  const salt = Buffer.from(parts[4], 'base64url');
  const expected = Buffer.from(parts[5], 'base64url');
  if (salt.length < 8 || expected.length !== HASH_BYTES) return false;
  const actual = await derive(secret, salt, N, r, p);
  return timingSafeEqual(actual, expected);
}
