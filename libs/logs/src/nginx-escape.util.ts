import { decodeByteEscapes } from './byte-escape.util';
import { type NginxEscape } from './nginx-log-format.parser';

/**
 * Undoes nginx's escaping of a variable's value: `\xHH` by default (for `"`, `\` and bytes below 32
 * or above 126), JSON string escapes with `escape=json`, nothing with `escape=none`.
 */
export function unescapeNginx(value: string, escape: NginxEscape): string {
  if (escape === 'none' || !value.includes('\\')) return value;
  if (escape === 'default') return decodeByteEscapes(value);
  try {
    return JSON.parse(`"${value}"`) as string;
  } catch {
    return value;
  }
}
