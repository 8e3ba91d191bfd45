import { type ApiCall, type NameValueList } from '@apiscope/contracts';

/** Credential kinds apiscope names in the inventory (`auth.schemes`). */
export type AuthScheme =
  | 'bearer'
  | 'basic'
  | 'digest'
  | 'aws-sigv4'
  | 'negotiate'
  | 'api-key-header'
  | 'api-key-query'
  | 'session-cookie';

export type CredentialPresence = 'present' | 'absent' | 'unknown';

export interface CallAuth {
  schemes: AuthScheme[];
  credentials: CredentialPresence;
}

const API_KEY_HEADERS = new Set([
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
]);
const API_KEY_QUERY = new Set([
  'api_key',
  'apikey',
  'api-key',
  'key',
  'access_token',
  'token',
  'auth_token',
  'apitoken',
]);
const SESSION_COOKIE =
  /^(session|sessionid|session_id|sid|connect\.sid|jsessionid|phpsessid|asp\.net_sessionid|laravel_session|_session_id|auth|auth_token|access_token|id_token|.*[._-]session|.*_sess)$/i;

function authorizationSchemes(value: string): AuthScheme[] {
  const kind = value.trim().split(/\s+/, 1)[0].toLowerCase();
  switch (kind) {
    case 'bearer':
      return ['bearer'];
    case 'basic':
      return ['basic'];
    case 'digest':
      return ['digest'];
    case 'aws4-hmac-sha256':
      return ['aws-sigv4'];
    case 'negotiate':
    case 'ntlm':
      return ['negotiate'];
    default:
      // A bare token (`Authorization: abc123`) is an API key carried in the standard header.
      return kind === '' ? [] : ['api-key-header'];
  }
}

function cookieNames(headers: NameValueList): string[] {
  const names: string[] = [];
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== 'cookie') continue;
    for (const pair of value.split(';')) {
      const eq = pair.indexOf('=');
      const cookie = (eq === -1 ? pair : pair.slice(0, eq)).trim();
      if (cookie !== '') names.push(cookie);
    }
  }
  return names;
}

/**
 * Which credentials a request carried. A request with no headers at all comes from a source that
 * does not record them (most access logs): its credentials are `unknown`, never `absent`.
 */
export function detectCallAuth(request: Pick<ApiCall['request'], 'headers' | 'query'>): CallAuth {
  const schemes = new Set<AuthScheme>();
  for (const [name, value] of request.headers) {
    const lower = name.toLowerCase();
    if (lower === 'authorization' || lower === 'proxy-authorization')
      authorizationSchemes(value).forEach((s) => schemes.add(s));
    else if (API_KEY_HEADERS.has(lower)) schemes.add('api-key-header');
    else if (lower === 'x-amz-security-token') schemes.add('aws-sigv4');
  }
  for (const [name] of request.query) {
    const lower = name.toLowerCase();
    if (API_KEY_QUERY.has(lower)) schemes.add('api-key-query');
    else if (lower === 'x-amz-signature' || lower === 'x-amz-credential') schemes.add('aws-sigv4');
  }
  if (cookieNames(request.headers).some((c) => SESSION_COOKIE.test(c))) schemes.add('session-cookie');
  const list = [...schemes].sort();
  if (list.length > 0) return { schemes: list, credentials: 'present' };
  return { schemes: [], credentials: request.headers.length === 0 ? 'unknown' : 'absent' };
}
