import { isBirthDate } from './birth-date.util';
import { isCardNumber } from './card-number.util';
import { isEmailAddress } from './email-address.util';
import { isIpAddress } from './ip-address.util';
import { isJwt } from './jwt.util';
import { type NameHints, nameHintsOf } from './name-hints.util';
import { isIban, isSsn } from './national-id.util';
import { isOtpAuthUri, isOtpSeed, isStrictBase32Seed } from './otp-secret.util';
import { isDigestLike, passwordHashPrefix } from './password-hash.util';
import { isPhoneNumber } from './phone-number.util';
import { type SensitiveClass } from './sensitive-class.type';
import { hasKnownSecretShape, isPrivateKeyPem, urlHasPassword } from './secret-shape.util';
import { looksLikeSecretValue } from './secret-value.util';

/** The name a value was found under: the object key, form field, query, header or cookie name. */
export interface FieldContext {
  name: string | null;
  /** The enclosing object's key: `two_factor` for `$.two_factor.secret`. */
  parent?: string | null;
}

/** Longer strings are documents, not values (a PEM key is the one long value worth a look). */
export const MAX_CLASSIFIED_CHARS = 8192;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isHexLetter = (c: number) => (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const isUpper = (c: number) => c >= 65 && c <= 90;

/** Shapes that decide whatever the name says (the name only vetoes look-alikes). */
function byShape(v: string, h: NameHints): SensitiveClass | null {
  const c0 = v.charCodeAt(0);
  if ((c0 === 36 || c0 === 123 || v.includes('$')) && passwordHashPrefix(v) !== null) return 'password_hash';
  if (c0 === 45) return isPrivateKeyPem(v) ? 'secret' : null;
  if (c0 === 111 && isOtpAuthUri(v)) return 'otp_secret';
  if (hasKnownSecretShape(v)) return 'secret';
  if ((c0 === 101 || c0 === 66 || c0 === 98) && isJwt(v)) return 'jwt';
  if (v.includes('@')) {
    if (isEmailAddress(v)) return 'email';
    return urlHasPassword(v) ? 'secret' : null;
  }
  // Under a 2FA-seed name an encrypted or encoded seed (Laravel Fortify stores it encrypted) is still it.
  if (h.otpSecret && (isOtpSeed(v) || (h.namedSeed && looksLikeSecretValue(v)))) return 'otp_secret';
  if (h.bareSecret && isStrictBase32Seed(v)) return 'otp_secret';
  if (isDigit(c0) || c0 === 43 || c0 === 40) {
    // Identifiers and codes (order numbers, IMEIs, SKUs) veto the number classes unless named for them.
    const idLike = h.notAPersonalNumber;
    if ((h.card || !idLike) && isCardNumber(v, h.card)) return 'credit_card';
    if ((h.ssn || (!idLike && !h.phone)) && isSsn(v, h.ssn)) return 'ssn';
    if ((h.phone || !idLike) && isPhoneNumber(v, h.phone)) return 'phone';
  }
  if ((isDigit(c0) || isHexLetter(c0) || c0 === 58) && !h.notAnAddress && isIpAddress(v)) return 'ip_address';
  if (isUpper(c0) && isIban(v)) return 'iban';
  return null;
}

/**
 * Parameters of a URL's query or fragment that are named like a secret and hold one (`?token=`,
 * `#access_token=`). Signed-URL parameters (`X-Amz-Credential`, `X-Goog-Signature`) are not: a
 * presigned URL is meant to be handed out.
 */
function urlCarriesSecretParam(v: string): boolean {
  const start = v.search(/[?#]/);
  if (start === -1) return false;
  for (const pair of v.slice(start + 1).split(/[&#]/)) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || /^x-(?:amz|goog)-/i.test(pair)) continue;
    const hints = nameHintsOf(pair.slice(0, eq));
    if ((hints.secret || hints.password) && looksLikeSecretValue(pair.slice(eq + 1))) return true;
  }
  return false;
}

/** Classes that only the field's name can reveal (a date is a birth date only under `dob`). */
function byName(v: string, h: NameHints): SensitiveClass | null {
  if (h.birthDate && isBirthDate(v)) return 'date_of_birth';
  if (h.passwordHash && isDigestLike(v)) return 'password_hash';
  if (h.password && !/^(?:\*+|•+|x{4,}|true|false|null|undefined)$/i.test(v) && !/\*{3}/.test(v))
    return 'password';
  if (h.secret && looksLikeSecretValue(v)) return 'secret';
  if (/^https?:\/\//i.test(v) && urlCarriesSecretParam(v)) return 'secret';
  return null;
}

function classifyNumber(n: number, h: NameHints): SensitiveClass | null {
  if (!Number.isSafeInteger(n) || n <= 0) return null;
  const s = String(n);
  if (h.card && isCardNumber(s, true)) return 'credit_card';
  if (h.ssn && isSsn(s.padStart(9, '0'), true)) return 'ssn';
  if (h.phone && isPhoneNumber(s, true)) return 'phone';
  if (h.birthDate && isBirthDate(n)) return 'date_of_birth';
  return null;
}

/**
 * The sensitive class of one value, decided from the value and the name it was found under together,
 * or null. Booleans, nulls and objects are never sensitive (`email_verified: true`).
 */
export function classifySensitiveValue(value: unknown, field: FieldContext): SensitiveClass | null {
  if (typeof value === 'number') return classifyNumber(value, nameHintsOf(field.name, field.parent ?? null));
  if (typeof value !== 'string' || value.length < 3) return null;
  const v = value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32 ? value.trim() : value;
  if (v.length < 3) return null;
  if (v.length > MAX_CLASSIFIED_CHARS) return isPrivateKeyPem(v) ? 'secret' : null;
  const hints = nameHintsOf(field.name, field.parent ?? null);
  return byShape(v, hints) ?? byName(v, hints);
}
