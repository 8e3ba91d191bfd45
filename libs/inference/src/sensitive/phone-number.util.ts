import { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js';

const PHONE_CHARS = /^(?:\+|00|\()?[\d\s().\-/]{5,24}\d(?:\s*(?:x|ext\.?)\s*\d{1,6})?$/i;
const COMPACT_E164 = /^\+[1-9]\d{9,14}$/;
const NANP_NATIONAL = /^\(\d{3}\) ?\d{3}-\d{4}$/;

function digitCount(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i += 1)
    if (value.charCodeAt(i) >= 48 && value.charCodeAt(i) <= 57) n += 1;
  return n;
}

/**
 * A phone number. Without a phone-like field name only unmistakable forms count: international
 * numbers that libphonenumber validates (or compact E.164 of a possible length: documentation and
 * test ranges such as +1 555 are not "valid"), and the North American `(415) 555-0134` form. Under a
 * phone-like name any number in phone notation with 7 to 15 digits counts. Plain digit runs without a name never
 * do: that would match every id and amount.
 */
export function isPhoneNumber(value: string, namedPhone: boolean): boolean {
  if (!PHONE_CHARS.test(value)) return false;
  const digits = digitCount(value);
  if (digits < 7 || digits > 15 || /^[^1-9]*$/.test(value)) return false;
  const international = value.startsWith('+') || (namedPhone && value.startsWith('00'));
  if (international) {
    // Under a phone name the `+` and a plausible digit count suffice: numbering plans change faster
    // than the bundled metadata, and docs use unassigned ranges.
    if (namedPhone) return digits >= 8;
    const parsed = parsePhoneNumberFromString(value.startsWith('00') ? `+${value.slice(2)}` : value);
    if (parsed === undefined) return false;
    return parsed.isValid() || (COMPACT_E164.test(value) && parsed.isPossible());
  }
  // Under a phone name, a national number of 7 to 15 digits in phone notation is one: the sensor does
  // not know the caller's country, and trying numbering plans costs more than it rejects.
  if (namedPhone) return true;
  return NANP_NATIONAL.test(value) && isValidPhoneNumber(value, 'US');
}
