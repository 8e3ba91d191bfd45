import { parsePhoneNumberFromString } from 'libphonenumber-js';

import { bareEmailAddress } from './email-address.util';
import { hexDigestName, passwordHashPrefix } from './password-hash.util';
import { type SensitiveClass } from './sensitive-class.type';

const STARS = '***';

function maskEmail(value: string): string {
  const address = bareEmailAddress(value);
  const at = address.lastIndexOf('@');
  if (at < 1 || at === address.length - 1) return STARS;
  const domain = address.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  // The top-level domain says little about the person; a long one would say too much.
  const tld = dot === -1 || !/^\.[A-Za-z]{2,6}$/.test(domain.slice(dot)) ? '' : domain.slice(dot);
  return `${address[0]}${STARS}@${domain[0] ?? ''}${STARS}${tld}`;
}

function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 7) return STARS;
  const last2 = digits.slice(-2);
  if (!value.startsWith('+')) return `${STARS}${last2}`;
  const cc = parsePhoneNumberFromString(value)?.countryCallingCode;
  return `+${cc ?? ''}${STARS}${last2}`;
}

function maskCard(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length < 12 ? STARS : `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

function maskSecret(value: string): string {
  const pem = /^-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----/.exec(value);
  if (pem !== null) return `-----BEGIN ${pem[1]}-----${STARS}`;
  const scheme = /^([a-z][a-z0-9+.-]{1,9}):\/\//i.exec(value);
  if (scheme !== null) return `${scheme[1]}://${STARS}`;
  // A few leading characters name the issuer (`sk_l`, `ghp_`, `AKIA`) without weakening a long secret.
  const keep = Math.min(4, Math.floor(value.length / 4));
  return `${value.slice(0, keep)}${STARS}`;
}

function maskHash(value: string): string {
  const prefix = passwordHashPrefix(value);
  return `${prefix ?? `${hexDigestName(value)}:`}${STARS}`;
}

function maskIp(value: string): string {
  const v4 = /^(\d{1,3})\./.exec(value);
  if (v4 !== null) return `${v4[1]}.*.*.*`;
  const v6 = /^([0-9a-f]{1,4}):/i.exec(value);
  return v6 === null ? STARS : `${v6[1]}:${STARS}`;
}

/**
 * The masked example kept for a sensitive value: enough to recognise the kind of value, never enough
 * to recover it. Raw values must not reach storage, logs or the API; this is the only form that does.
 */
export function maskSensitiveValue(cls: SensitiveClass, raw: string | number): string {
  const value = String(raw).trim();
  if (value.length < 3) return STARS;
  switch (cls) {
    case 'email':
      return maskEmail(value);
    case 'phone':
      return maskPhone(value);
    case 'credit_card':
      return maskCard(value);
    case 'ssn':
      return '***-**-****';
    case 'iban': {
      const compact = value.replace(/\s/g, '');
      return /^[A-Z]{2}\d{2}[A-Z0-9]{11,}$/i.test(compact)
        ? `${compact.slice(0, 2)}${STARS}${compact.slice(-4)}`
        : STARS;
    }
    case 'jwt':
      return `eyJ${STARS}`;
    case 'secret':
      return maskSecret(value);
    case 'password':
      return '********';
    case 'password_hash':
      return maskHash(value);
    case 'otp_secret':
      return /^otpauth:/i.test(value) ? `otpauth://${STARS}` : `${value[0]}${STARS}`;
    case 'ip_address':
      return maskIp(value);
    case 'date_of_birth':
      // Keep the format (`****-**-**`, `**/**/****`), never a digit or a month name.
      return value.replace(/[0-9A-Za-z]/g, '*');
  }
}
