import { asObject } from './har-field.util';
import { LogSkipCode, LogSkipException } from './log-skip.exception';

export type JsonObject = Record<string, unknown>;

/** The record as an object, or a NOT_JSON skip naming what it is instead. */
export function recordObject(value: unknown, what: string): JsonObject {
  const object = asObject<JsonObject>(value);
  if (!object) throw new LogSkipException(LogSkipCode.NOT_JSON, `${what} must be a JSON object`);
  return object;
}

/**
 * The first of `keys` holding a real text value. Gateways write `-`, `""` or null for "not set",
 * and JSON log formats often quote numbers, so a number is accepted as its decimal text.
 */
export function textField(object: JsonObject, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = object[key];
    if (typeof value === 'string' && value !== '' && value !== '-') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return undefined;
}

/** The first of `keys` holding a finite number >= 0, given as a JSON number or as decimal text. */
export function numberField(object: JsonObject, ...keys: string[]): number | undefined {
  for (const key of keys) {
    const value = object[key];
    const n =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && /^\d+(?:\.\d+)?$/.test(value)
          ? Number(value)
          : NaN;
    if (Number.isFinite(n) && n >= 0) return n;
  }
  return undefined;
}
