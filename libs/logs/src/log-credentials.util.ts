import { type NameValueList } from '@apiscope/contracts';
import { detectCallAuth } from '@apiscope/inference';

/**
 * Request headers that can carry credentials, for logs whose fields are named freely (JSON access
 * logs): a key with one of these names is read as that header, any other key is not a header at all.
 */
export const CREDENTIAL_HEADER_NAMES: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'api-key',
  'apikey',
  'x-apikey',
  'x-auth-token',
  'x-access-token',
  'x-api-token',
  'private-token',
  'x-goog-api-key',
  'ocp-apim-subscription-key',
  'x-amz-security-token',
]);

/**
 * What to send of a partial header list (the few `$http_*` an access log names): the list when it
 * shows credentials, else nothing.
 *
 * The pipeline reads an empty list as "headers unknown" (credentials unknown) and a non-empty one as
 * the whole header set. A User-Agent alone would therefore read as "no credentials" and flag the
 * endpoint unauthenticated on the strength of what the log left out; an empty or unrecognised
 * credential value would do the same. So the list is kept only when it proves credentials present.
 */
export function credentialHeaders(pairs: NameValueList): NameValueList {
  if (pairs.length === 0) return pairs;
  return detectCallAuth({ headers: pairs, query: [] }).credentials === 'present' ? pairs : [];
}

/** Fields of a JSON log record named after a credential header (`authorization`, `x_api_key`). */
export function credentialFields(record: Readonly<Record<string, unknown>>): NameValueList {
  const pairs: NameValueList = [];
  for (const [key, value] of Object.entries(record)) {
    if (typeof value !== 'string' || value === '' || value === '-') continue;
    const name = key.toLowerCase().replace(/_/g, '-');
    if (CREDENTIAL_HEADER_NAMES.has(name)) pairs.push([name, value]);
  }
  return pairs;
}
