/** Display formats, in one place so every page writes numbers and times the same way. */
const integer = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function formatCount(n: number): string {
  return n >= 100_000 ? compact.format(n) : integer.format(n);
}

export function formatMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return '–';
  if (part === 0) return '0%';
  const p = (part / whole) * 100;
  return p > 0 && p < 0.1 ? '<0.1%' : `${p.toFixed(p < 10 ? 1 : 0)}%`;
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 hours ago"; "just now" under a minute; "–" for never. */
export function formatAgo(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '–';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '–';
  const diff = at - now;
  for (const [unit, ms] of UNITS)
    if (Math.abs(diff) >= ms) return relative.format(Math.round(diff / ms), unit);
  return 'just now';
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const at = Date.parse(iso);
  return Number.isNaN(at) ? '–' : dateTime.format(at);
}

/** A JSON Schema `type` (string or list) as one label: `string | null`. */
export function schemaTypeLabel(schema: Record<string, unknown>): string {
  const type = schema['type'];
  if (Array.isArray(type)) return type.map(String).join(' | ');
  if (typeof type === 'string') return type;
  if (Array.isArray(schema['oneOf']) || Array.isArray(schema['anyOf'])) return 'one of';
  if (schema['properties']) return 'object';
  return 'any';
}

const CLASS_LABELS: Record<string, string> = {
  ssn: 'SSN',
  iban: 'IBAN',
  jwt: 'JWT',
  ip_address: 'IP address',
  otp_secret: 'OTP secret',
};

/** `credit_card` -> "Credit card": the API's data class names, for reading. */
export function dataClassLabel(dataClass: string): string {
  const known = CLASS_LABELS[dataClass];
  if (known) return known;
  const text = dataClass.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A schema's first example (`examples[0]` or `example`) as short text; undefined when it has none. */
export function schemaExample(schema: Record<string, unknown>, max = 60): string | undefined {
  const examples = schema['examples'];
  const value: unknown = Array.isArray(examples) ? (examples as unknown[])[0] : schema['example'];
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
