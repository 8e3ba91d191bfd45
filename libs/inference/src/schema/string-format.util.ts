/**
 * JSON Schema `format` of a string value, when it has one of the formats OpenAPI users filter on.
 * Checked in order of specificity; cheap regexes (this runs on every sampled leaf).
 */
export type StringFormat =
  'date-time' | 'date' | 'time' | 'email' | 'uuid' | 'uri' | 'ipv4' | 'ipv6' | 'binary';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:[Zz]|[+-]\d{2}:?\d{2})$/;
const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})?$/;
const EMAIL = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URI = /^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i;
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^(?=.*:)(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}$/i;

/** What a multipart file part is reduced to before inference (its content is never kept). */
export const FILE_PART = '\u0000file';

export function stringFormatOf(value: string): StringFormat | undefined {
  if (value === FILE_PART) return 'binary';
  if (value.length < 3 || value.length > 2048) return undefined;
  if (DATE_TIME.test(value)) return 'date-time';
  if (DATE.test(value)) return 'date';
  if (TIME.test(value)) return 'time';
  if (UUID.test(value)) return 'uuid';
  if (EMAIL.test(value)) return 'email';
  if (IPV4.test(value)) return 'ipv4';
  if (IPV6.test(value)) return 'ipv6';
  if (URI.test(value)) return 'uri';
  return undefined;
}

/** `int32` when every integer seen fits, else `int64`. */
export function integerFormatOf(min: number, max: number): 'int32' | 'int64' {
  return min >= -2147483648 && max <= 2147483647 ? 'int32' : 'int64';
}
