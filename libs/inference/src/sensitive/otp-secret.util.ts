/** An `otpauth://totp/...` or `otpauth://hotp/...` provisioning URI (it carries the seed). */
export function isOtpAuthUri(value: string): boolean {
  return /^otpauth:\/\/[th]otp\//i.test(value);
}

/**
 * A TOTP/HOTP seed as authenticator apps take it: base32 (RFC 4648, any case, grouped by spaces or
 * dashes, optional padding) of 16 to 128 characters, or hex of 32 to 64.
 */
export function isOtpSeed(value: string): boolean {
  if (value.length < 16 || value.length > 160) return false;
  const compact = value.replace(/[\s-]/g, '').replace(/=+$/, '');
  return /^[A-Za-z2-7]{16,128}$/.test(compact) || /^[0-9a-fA-F]{32,64}$/.test(compact);
}

/**
 * A seed as most servers store it: upper-case base32 of a seed length (80, 128, 160, 256 bits) with at
 * least two of the digits 2-7 that random base32 almost always holds. This is what lets a bare
 * `secret` field be called a TOTP seed rather than some other secret.
 */
export function isStrictBase32Seed(value: string): boolean {
  if (![16, 26, 32, 52].includes(value.length) || !/^[A-Z2-7]+$/.test(value)) return false;
  return (value.match(/[2-7]/g) ?? []).length >= 2;
}
