import isIBAN from 'validator/lib/isIBAN';

const SSN_DASHED = /^(\d{3})-(\d{2})-(\d{4})$/;
const SSN_LOOSE = /^(\d{3})[ -]?(\d{2})[ -]?(\d{4})$/;

// The SSA never issues area 000, 666 or 900-999 (ITINs), group 00 or serial 0000.
function issuable(area: string, group: string, serial: string): boolean {
  return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}

/**
 * A US Social Security number. The dashed 3-2-4 form is distinctive enough on its own; bare or
 * spaced digits need an SSN-like field name.
 */
export function isSsn(value: string, namedSsn: boolean): boolean {
  const m = (namedSsn ? SSN_LOOSE : SSN_DASHED).exec(value);
  return m !== null && issuable(m[1], m[2], m[3]);
}

const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

/** An IBAN with a valid country format and ISO 7064 mod-97 check digits (spaces allowed in groups). */
export function isIban(value: string): boolean {
  if (value.length < 15 || value.length > 42) return false;
  const compact = value.includes(' ') ? value.replace(/ /g, '') : value;
  const upper = compact.toUpperCase();
  return IBAN_SHAPE.test(upper) && isIBAN(upper);
}
