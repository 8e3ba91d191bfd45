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

/** What identifies a JWT's issuer and audience; the token and its other claims are never kept. */
export interface JwtFacts {
  alg: string;
  iss?: string;
  aud?: string[];
}

export interface CallAuth {
  schemes: AuthScheme[];
  credentials: CredentialPresence;
  /** for bearer credentials: a JWT (three base64url parts with a JSON header) or an opaque token */
  bearer?: 'jwt' | 'opaque';
  jwt?: JwtFacts;
  /** where API keys were carried (names only) */
  apiKeys?: Array<{ in: 'header' | 'query'; name: string }>;
  /** names of the session cookies sent */
  sessionCookies?: string[];
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

function base64urlJson(part: string): Record<string, unknown> | undefined {
  if (part.length > 8192 || !/^[A-Za-z0-9_-]+={0,2}$/.test(part)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const short = (v: unknown): string | undefined => (typeof v === 'string' ? v.slice(0, 256) : undefined);

/**
 * Recently decoded tokens (a client sends the same token for its whole session): keyed by the
 * header and claims parts only, never kept beyond this process, and bounded.
 */
const recentJwts = new Map<string, JwtFacts | undefined>();

/** `alg`, `iss` and `aud` of a JWT, or undefined when the token is not one (opaque). */
export function jwtFactsOf(token: string): JwtFacts | undefined {
  const cut = token.lastIndexOf('.');
  const key = cut > 0 ? token.slice(0, cut) : token;
  if (recentJwts.has(key)) return recentJwts.get(key);
  const facts = decodeJwtFacts(token);
  if (recentJwts.size >= 1024) recentJwts.clear();
  recentJwts.set(key, facts);
  return facts;
}

function decodeJwtFacts(token: string): JwtFacts | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const header = base64urlJson(parts[0]);
  if (!header || typeof header['alg'] !== 'string') return undefined;
  const claims = base64urlJson(parts[1]) ?? {};
  const aud = claims['aud'];
  const audiences = (Array.isArray(aud) ? aud : [aud]).map(short).filter((a): a is string => a !== undefined);
  return {
    alg: header['alg'].slice(0, 32),
    ...(short(claims['iss']) !== undefined && { iss: short(claims['iss']) }),
    ...(audiences.length > 0 && { aud: audiences.slice(0, 8) }),
  };
}

/**
 * Which credentials a request carried. A request with no headers at all comes from a source that
 * does not record them (most access logs): its credentials are `unknown`, never `absent`.
 */
export function detectCallAuth(request: Pick<ApiCall['request'], 'headers' | 'query'>): CallAuth {
  const schemes = new Set<AuthScheme>();
  const facts: Omit<CallAuth, 'schemes' | 'credentials'> = {};
  const apiKeys: NonNullable<CallAuth['apiKeys']> = [];
  for (const [name, value] of request.headers) {
    const lower = name.toLowerCase();
    if (lower === 'authorization' || lower === 'proxy-authorization') {
      const found = authorizationSchemes(value);
      found.forEach((s) => schemes.add(s));
      if (found.includes('bearer')) {
        const jwt = jwtFactsOf(value.trim().slice(6).trim());
        facts.bearer = jwt ? 'jwt' : 'opaque';
        if (jwt) facts.jwt = jwt;
      }
      if (found.includes('api-key-header')) apiKeys.push({ in: 'header', name: lower });
    } else if (API_KEY_HEADERS.has(lower)) {
      schemes.add('api-key-header');
      apiKeys.push({ in: 'header', name: lower });
    } else if (lower === 'x-amz-security-token') schemes.add('aws-sigv4');
  }
  for (const [name] of request.query) {
    const lower = name.toLowerCase();
    if (API_KEY_QUERY.has(lower)) {
      schemes.add('api-key-query');
      apiKeys.push({ in: 'query', name });
    } else if (lower === 'x-amz-signature' || lower === 'x-amz-credential') schemes.add('aws-sigv4');
  }
  const sessions = cookieNames(request.headers).filter((c) => SESSION_COOKIE.test(c));
  if (sessions.length > 0) {
    schemes.add('session-cookie');
    facts.sessionCookies = [...new Set(sessions)].slice(0, 8);
  }
  if (apiKeys.length > 0) facts.apiKeys = apiKeys.slice(0, 8);
  const list = [...schemes].sort();
  if (list.length > 0) return { schemes: list, credentials: 'present', ...facts };
  return { schemes: [], credentials: request.headers.length === 0 ? 'unknown' : 'absent' };
}
