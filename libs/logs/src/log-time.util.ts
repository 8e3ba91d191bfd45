const MONTHS: Readonly<Record<string, number>> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};

const CLF =
  /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))? ([+-])(\d{2})(\d{2})$/;

// Consecutive lines share their second: one cached conversion saves most of the parsing of a busy log.
let lastClfText = '';
let lastClfMs = 0;

/**
 * `10/Oct/2000:13:55:36 -0700`, the time of nginx `$time_local`, Apache `%t` and API Gateway
 * `$context.requestTime`. Undefined when malformed or out of range.
 */
export function parseClfTime(text: string): number | undefined {
  if (text === lastClfText) return lastClfMs;
  const m = CLF.exec(text);
  if (!m) return undefined;
  const month = MONTHS[m[2]];
  const [day, year, hour, minute, second] = [m[1], m[3], m[4], m[5], m[6]].map(Number);
  if (month === undefined || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
  const offset = (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) * 60_000;
  const ms = Date.UTC(year, month, day, hour, minute, second) + fraction - offset;
  lastClfText = text;
  lastClfMs = ms;
  return ms;
}

/** Zone required: a zoneless time would be read in the sensor's own zone, which the log never said. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** ISO 8601 with a zone (Envoy `START_TIME`, ALB, nginx `$time_iso8601`); undefined otherwise. */
export function parseIsoTime(text: string): number | undefined {
  if (!ISO_8601.test(text)) return undefined;
  // Date.parse keeps milliseconds only and wants `T` and `.`; extra fraction digits are dropped by it
  const ms = Date.parse(text.replace(' ', 'T').replace(',', '.'));
  return Number.isNaN(ms) ? undefined : ms;
}

/** Epoch seconds with a fraction (`1547687130.172944`: Zeek `ts`, nginx `$msec`) as ms. */
export function parseEpochSeconds(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? parseDecimal(value) : undefined;
  return n === undefined || !Number.isFinite(n) || n < 0 ? undefined : n * 1000;
}

/** A plain decimal number (`0.001`, `42`); undefined for `-`, `1e3`, hex or empty text. */
export function parseDecimal(text: string): number | undefined {
  // a digit loop: called for several fields of every line, where the regex showed in profiles
  let dot = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e && dot === -1 && i > 0 && i < text.length - 1) dot = i;
    else if (c < 0x30 || c > 0x39) return undefined;
  }
  return text.length === 0 ? undefined : Number(text);
}
