import { type NameValueList } from '@apiscope/contracts';

import { HarEntrySkipException } from './har-entry-skip.exception';
import { type HarNameValue } from './har.type';
import { asObject } from './har-field.util';

export interface HarHeaders {
  /** Wire order and duplicates kept, names in the case the exporter wrote (HTTP/2 ones are lower). */
  headers: NameValueList;
  /** Value of the HTTP/2 `:authority` pseudo-header: the Host of that request. */
  authority?: string;
}

/**
 * Reads a HAR header list. HTTP/2 pseudo-headers (`:method`, `:path`, ...) are dropped: they repeat
 * fields the event already has and are not headers on the wire. HAR's `cookies` array is ignored on
 * purpose, since the Cookie and Set-Cookie headers already carry the same values.
 *
 * A list that is present but not an array makes the entry unusable: keeping the call with no headers
 * would make it look like a call without credentials. A single malformed item is dropped.
 */
export function readHarHeaders(value: unknown, field: string): HarHeaders {
  if (value === undefined) return { headers: [] };
  if (!Array.isArray(value)) throw new HarEntrySkipException(`${field} is not an array`);
  const headers: NameValueList = [];
  let authority: string | undefined;
  for (const item of value as unknown[]) {
    const header = asObject<HarNameValue>(item);
    if (!header || typeof header.name !== 'string' || header.name === '' || typeof header.value !== 'string')
      continue;
    if (header.name.startsWith(':')) {
      if (header.name === ':authority' && authority === undefined) authority = header.value;
      continue;
    }
    headers.push([header.name, header.value]);
  }
  return authority === undefined ? { headers } : { headers, authority };
}
