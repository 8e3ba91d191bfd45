/** Narrows a JSON value to an object of the given HAR shape (whose fields are all `unknown`). */
export function asObject<T extends object>(value: unknown): T | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as T) : undefined;
}

/** A finite number >= 0, or undefined: HAR writes -1 for "unknown" sizes and times. */
export function nonNegativeNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** A string with content, or undefined: exporters write "" for "not known" (Insomnia's mimeType). */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const QUOTE_LIMIT = 80;

/** A value quoted for a skip reason, cut short so a hostile megabyte URL does not become the reason. */
export function quoteValue(value: unknown): string {
  if (typeof value === 'string') {
    return value.length > QUOTE_LIMIT
      ? `${JSON.stringify(value.slice(0, QUOTE_LIMIT))}...`
      : JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (value === undefined) return 'nothing';
  return Array.isArray(value) ? 'an array' : `an ${typeof value}`;
}
