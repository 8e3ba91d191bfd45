/** Luhn (mod 10) check over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

// Issuer prefixes (IIN ranges) with the lengths each network issues. Unknown prefixes are not cards
// unless the field's name says so: ten percent of random numbers pass Luhn.
const NETWORKS: ReadonlyArray<{ prefix: RegExp; lengths: readonly number[] }> = [
  { prefix: /^4/, lengths: [13, 16, 19] }, // Visa
  { prefix: /^(?:5[1-5]|2(?:2[2-9][1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720))/, lengths: [16] }, // Mastercard
  { prefix: /^3[47]/, lengths: [15] }, // American Express
  { prefix: /^(?:6011|64[4-9]|65)/, lengths: [16, 17, 18, 19] }, // Discover
  { prefix: /^35(?:2[89]|[3-8]\d)/, lengths: [16, 17, 18, 19] }, // JCB
  { prefix: /^3(?:0[0-5]|[689])/, lengths: [14, 15, 16, 17, 18, 19] }, // Diners Club
  { prefix: /^62/, lengths: [16, 17, 18, 19] }, // UnionPay
  { prefix: /^(?:50|5[6-8]|6304|67)/, lengths: [12, 13, 14, 15, 16, 17, 18, 19] }, // Maestro
];

// Plain digits, or groups of 4 (Amex 4-6-5) separated by single spaces or dashes, as people type them.
const CARD_FORMAT = /^(?:\d{12,19}|\d{4}(?:[ -]\d{4}){2,3}(?:[ -]?\d{1,3})?|\d{4}[ -]\d{6}[ -]\d{4,5})$/;

/** The digits of a card-number-shaped string, or null when the string is not shaped like one. */
export function cardNumberDigits(value: string): string | null {
  if (value.length < 12 || value.length > 23 || !CARD_FORMAT.test(value)) return null;
  return value.replace(/[ -]/g, '');
}

export function hasCardIssuerPrefix(digits: string): boolean {
  return NETWORKS.some((n) => n.lengths.includes(digits.length) && n.prefix.test(digits));
}

/**
 * A primary account number: Luhn-valid, and either issued by a known network with that network's
 * length, or (when the field is named like a card) any 12 to 19 digits.
 */
export function isCardNumber(value: string, namedCard: boolean): boolean {
  const digits = cardNumberDigits(value);
  if (digits === null || /^(\d)\1+$/.test(digits) || !luhnValid(digits)) return false;
  return namedCard || hasCardIssuerPrefix(digits);
}
