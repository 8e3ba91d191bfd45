import { type NameValueList } from '@apiscope/contracts';

const wordList = (words: string) => words.trim().split(/\s+/);

/**
 * Headers never worth classifying: protocol, caching, tracing, CORS, security policy and proxy
 * headers are on every exchange and carry no data of the API itself (proxy-added client IPs included:
 * they describe the transport, not what the API exposes).
 */
const SKIPPED = new Set(
  wordList(`
  accept accept-charset accept-encoding accept-language accept-ranges age allow alt-svc alt-used
  cache-control connection content-disposition content-encoding content-language content-length
  content-location content-range content-security-policy content-security-policy-report-only
  content-type date dnt etag expect expires forwarded host if-match if-modified-since
  if-none-match if-range if-unmodified-since keep-alive last-modified link max-forwards nel origin
  pragma priority range referrer-policy report-to retry-after server server-timing
  strict-transport-security te timing-allow-origin trailer transfer-encoding upgrade
  upgrade-insecure-requests user-agent vary via warning www-authenticate x-cache
  x-content-type-options x-frame-options x-powered-by x-request-id x-correlation-id x-real-ip
  x-client-data x-xss-protection x-requested-with x-runtime traceparent tracestate x-amzn-trace-id
  x-amzn-requestid x-cloud-trace-context permissions-policy cookie set-cookie authorization
  proxy-authorization proxy-authenticate x-version-id
`),
);
const SKIPPED_PREFIXES = wordList(`
  : sec- x-forwarded- access-control- cross-origin- x-amz-cf- cf- x-b3- x-envoy- ratelimit
  x-ratelimit- x-rate-limit- x-datadog-
`);

/**
 * Header names that carry credentials by convention. They are the credential of the call, not data it
 * exposes, so they are never findings (the caller adds the one auth detection actually saw).
 */
export const CREDENTIAL_HEADERS: readonly string[] = wordList(`
  x-api-key api-key apikey x-apikey x-auth-token x-access-token x-api-token private-token
  x-goog-api-key ocp-apim-subscription-key x-amz-security-token
`);

/** Cookies that hold a session or token by name are the credential itself, in requests and in Set-Cookie. */
export const CREDENTIAL_COOKIE =
  /^(?:session|sessionid|session_id|sid|connect\.sid|jsessionid|phpsessid|asp\.net_sessionid|laravel_session|_session_id|auth|auth_token|access_token|refresh_token|id_token|jwt|token|remember_token|.*[._-]session|.*_sess)$/i;

export function isClassifiedHeader(name: string): boolean {
  return !SKIPPED.has(name) && !SKIPPED_PREFIXES.some((p) => name.startsWith(p));
}

function decodeCookieValue(raw: string): string {
  const unquoted = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  try {
    return decodeURIComponent(unquoted);
  } catch {
    return unquoted;
  }
}

/** Name/value pairs of `Cookie` headers (request) or of each `Set-Cookie` header (response). */
export function cookiePairs(
  headers: NameValueList,
  setCookie: boolean,
  max: number,
): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (lower !== (setCookie ? 'set-cookie' : 'cookie')) continue;
    const parts = setCookie ? [value.split(';', 1)[0]] : value.split(';');
    for (const part of parts) {
      const eq = part.indexOf('=');
      if (eq <= 0) continue;
      pairs.push([part.slice(0, eq).trim(), decodeCookieValue(part.slice(eq + 1).trim())]);
      if (pairs.length >= max) return pairs;
    }
  }
  return pairs;
}
