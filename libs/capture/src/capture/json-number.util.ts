/**
 * Numbers as JSON.stringify writes them, straight into a buffer (for the ApiCall serialiser). Each
 * writes at `p` and returns the position after it; the caller makes room (25 bytes a number).
 */

/** Any number, as JSON.stringify writes it (`null` when not finite). */
export function writeJsonNumber(out: Buffer, p: number, n: number): number {
  // ports, statuses, sizes: integer digits without building String(n) (an allocation per number)
  if (n >= 0 && n <= 0x7fffffff && (n | 0) === n) return uint31(out, p, n);
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
    if (k < 1000 && whole + k / 1000 === x) {
      // 10 to 13 digits, as two int32 halves: float division per digit was most of this
      const high = Math.floor(whole / 1e6);
      p = fixedDigits(out, uint31(out, p, high), whole - high * 1e6, 6);
      return fraction(out, p, k, 3);
    }
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
    if (Number.isInteger(m)) {
      p = uint31(out, p, Math.floor(m / 4096));
      const twelve = (m % 4096) * 244140625; // below 1e12: two int32 halves of 6 digits
      if (twelve === 0) return p;
      const high = Math.floor(twelve / 1e6);
      out[p] = 0x2e;
      // the trailing zeros are trimmed across both halves: a digit of the twelve is not 0
      return trimmedDigits(out, fixedDigits(out, p + 1, high, 6), twelve - high * 1e6, 6);
    }
  }
  return writeJsonNumber(out, p, x);
}

/** `.` and `value` (an int32) as `width` digits without their trailing zeros; nothing when `value` is 0. */
function fraction(out: Buffer, p: number, value: number, width: number): number {
  if (value === 0) return p;
  out[p] = 0x2e;
  return trimmedDigits(out, p + 1, value, width);
}

/**
 * An int32 `value` as `width` digits (leading zeros) without the trailing zeros, which are trimmed
 * back into the digits before `p` when `value` is 0: one of the digits written must not be 0.
 */
function trimmedDigits(out: Buffer, p: number, value: number, width: number): number {
  let end = fixedDigits(out, p, value, width) - 1;
  while (out[end] === 48) end--;
  return end + 1;
}

/** A non-negative int32 `value` as exactly `width` digits (leading zeros). */
function fixedDigits(out: Buffer, p: number, value: number, width: number): number {
  for (let i = p + width - 1, v = value; i >= p; i--) {
    const q = (v / 10) | 0;
    out[i] = 48 + v - q * 10;
    v = q;
  }
  return p + width;
}

/** A non-negative int32 in decimal. */
function uint31(out: Buffer, p: number, n: number): number {
  let length = 1;
  for (let t = n; t >= 10; t = (t / 10) | 0) length++;
  return fixedDigits(out, p, n, length);
}
