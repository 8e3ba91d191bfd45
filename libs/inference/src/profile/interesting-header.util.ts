/**
 * Request headers worth listing as parameters: the ones an API defines (`x-request-id`,
 * `idempotency-key`, `x-github-api-version`), not what every client sends (`accept-*`,
 * `user-agent`, `sec-*`, proxies' `x-forwarded-*`), and never credentials (auth is reported apart).
 */
const STANDARD = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'content-type',
  'content-encoding',
  'transfer-encoding',
  'user-agent',
  'accept',
  'accept-encoding',
  'accept-language',
  'accept-charset',
  'cache-control',
  'pragma',
  'origin',
  'referer',
  'cookie',
  'authorization',
  'proxy-authorization',
  'te',
  'upgrade',
  'upgrade-insecure-requests',
  'dnt',
  'via',
  'forwarded',
  'expect',
  'priority',
  'x-requested-with',
  'if-none-match',
  'if-modified-since',
  'if-match',
  'if-unmodified-since',
  'range',
  'x-real-ip',
  'true-client-ip',
  'cf-connecting-ip',
  'cf-ray',
  'cf-ipcountry',
  'cf-visitor',
  'x-amzn-trace-id',
  'traceparent',
  'tracestate',
  'x-b3-traceid',
  'x-b3-spanid',
  'x-b3-parentspanid',
  'x-b3-sampled',
  'x-envoy-expected-rq-timeout-ms',
  'x-envoy-attempt-count',
  'x-amz-date',
  'x-amz-content-sha256',
  'x-amz-security-token',
  ':authority',
  ':method',
  ':path',
  ':scheme',
]);
const CREDENTIAL =
  /(^|[-_])(api[-_]?key|apikey|token|secret|password|passwd|auth|session|signature|credential)s?($|[-_])/i;

export function isCredentialName(name: string): boolean {
  return CREDENTIAL.test(name) || name.toLowerCase() === 'key';
}

export function isInterestingHeader(lowerName: string): boolean {
  if (STANDARD.has(lowerName)) return false;
  if (/^(sec-|x-forwarded-|accept-|x-datadog-|x-cloud-trace|grpc-|x-envoy-|x-istio-|cf-)/.test(lowerName))
    return false;
  return !isCredentialName(lowerName);
}
