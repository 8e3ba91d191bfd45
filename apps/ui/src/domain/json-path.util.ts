/**
 * JSON paths as the sensitive-data findings write them (`$.user.email`, `$.items[*].card`,
 * `$['2fa_secret']`, `$.versions.*.author`), built for schema tree nodes so a finding can be matched
 * to the field it was seen in.
 */
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function memberPath(parent: string, key: string): string {
  return IDENTIFIER.test(key)
    ? `${parent}.${key}`
    : `${parent}['${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

export const itemsPath = (parent: string): string => `${parent}[*]`;
export const mapValuesPath = (parent: string): string => `${parent}.*`;

/** `$.items[3].email` and `$.items[*].email` name the same field. */
export function normalizePath(path: string): string {
  return path.replace(/\[\d+\]/g, '[*]');
}
