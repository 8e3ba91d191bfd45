const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const DMY_OR_MDY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH_DAY = /^(\d{1,2})[/.-](\d{1,2})$/;
const WORDY = /^(?:\d{1,2}\s+)?[A-Za-z]{3,9}\.?\s+(?:\d{1,2},?\s+)?\d{4}$/;

const plausible = (y: number, m: number, d: number) =>
  y >= 1880 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;

/** A calendar date (or a month/day birthday) in the formats forms and APIs use. */
export function isBirthDate(value: string | number): boolean {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value === 0) return false;
    const compact = COMPACT.exec(String(value));
    if (compact !== null) return plausible(+compact[1], +compact[2], +compact[3]);
    // Epoch seconds or milliseconds, roughly 1880 to 2100.
    return Math.abs(value) < 4.2e12;
  }
  if (value.length > 40) return false;
  let m = ISO.exec(value) ?? YMD_SLASH.exec(value) ?? COMPACT.exec(value);
  if (m !== null) return plausible(+m[1], +m[2], +m[3]);
  m = DMY_OR_MDY.exec(value);
  if (m !== null) return plausible(+m[3], Math.min(+m[1], +m[2]), Math.max(+m[1], +m[2]));
  m = MONTH_DAY.exec(value);
  if (m !== null) return Math.min(+m[1], +m[2]) <= 12 && Math.max(+m[1], +m[2]) <= 31;
  if (!WORDY.test(value)) return false;
  const year = new Date(value).getUTCFullYear();
  return year >= 1880 && year <= 2100;
}
