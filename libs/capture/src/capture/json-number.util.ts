/**
 * Numbers as JSON.stringify writes them, straight into a buffer (for the ApiCall serialiser). Each
 * writes at `p` and returns the position after it; the caller makes room (25 bytes a number).
 */

/** Any number, as JSON.stringify writes it (`null` when not finite). */
export function writeJsonNumber(out: Buffer, p: number, n: number): number {
  const s = Number.isFinite(n) ? String(n) : 'null';
  for (let i = 0; i < s.length; i++) out[p++] = s.charCodeAt(i);
  return p;
}

/**
 * A capture timestamp (epoch ms from seconds and microseconds) as String(x) writes it, without
 * building the string (a float's shortest form costs more than the rest of its event's numbers).
 * In [2^32, 2^41) a double is 2^-12 or finer, so when x is the double nearest `whole + k/1000`
 * (never near a rounding midpoint there), that decimal is the only one of at most 3 fraction
 * digits to read back as x, hence the shortest; anything else goes to String.
 */
export function writeEpochMs(out: Buffer, p: number, x: number): number {
  if (x >= 4294967296 && x < 2199023255552) {
    const whole = Math.floor(x);
    const k = Math.round((x - whole) * 1000);
    if (k < 1000 && whole + k / 1000 === x) return fraction(out, digits(out, p, whole), k, 3);
  }
  return writeJsonNumber(out, p, x);
}

/**
 * A duration between two capture timestamps: those are multiples of 2^-12 ms, and so is their
 * difference, whose decimal expansion then ends within 12 fraction digits (2^-12 = 244140625e-12).
 * Below 2048 ms doubles are finer than 1e-12, so that exact expansion is the shortest form.
 */
export function writeShortMs(out: Buffer, p: number, x: number): number {
  if (x >= 0 && x < 2048) {
    const m = x * 4096;
    if (Number.isInteger(m))
      return fraction(out, digits(out, p, Math.floor(m / 4096)), (m % 4096) * 244140625, 12);
  }
  return writeJsonNumber(out, p, x);
}

/** `.` and `value` as `width` digits without their trailing zeros; nothing when `value` is 0. */
function fraction(out: Buffer, p: number, value: number, width: number): number {
  if (value === 0) return p;
  out[p] = 0x2e;
  let end = p + width;
  for (let i = end, v = value; i > p; i--, v = Math.floor(v / 10)) out[i] = 48 + (v % 10);
  while (out[end] === 48) end--;
  return end + 1;
}

/** A non-negative integer below 2^49 in decimal. */
function digits(out: Buffer, p: number, n: number): number {
  let length = 1;
  for (let t = n; t >= 10; t = Math.floor(t / 10)) length++;
  for (let i = p + length - 1, t = n; i >= p; i--, t = Math.floor(t / 10)) out[i] = 48 + (t % 10);
  return p + length;
}
