import { type ApiCall, type NameValueList } from '@apiscope/contracts';

import { type SensitiveObservation } from '../sensitive/sensitive-class.type';

/** Per-call signals that the endpoint counters of `EndpointExposure` add up. */
export interface CallExposureSignals {
  rateLimitSignal: boolean;
  plaintextSensitive: boolean;
  /** Distinct sensitive classes in the response body of this call. */
  responseClasses: number;
}

const RATE_LIMIT_HEADER = /^(?:retry-after|ratelimit(?:-.*)?|x-ratelimit-.*|x-rate-limit-.*)$/i;

/** The server limits this caller: a 429, or rate-limit headers (IETF RateLimit-*, X-RateLimit-*). */
export function hasRateLimitSignal(status: number, headers: NameValueList): boolean {
  return status === 429 || headers.some(([name]) => RATE_LIMIT_HEADER.test(name));
}

const PRIVATE_V4 = [
  /^10\./,
  /^127\./,
  /^169\.254\./,
  /^192\.168\./,
  /^172\.(?:1[6-9]|2\d|3[01])\./,
  /^100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./, // carrier-grade NAT
];

/** A client address outside private, loopback, link-local and CGNAT ranges (IPv4 and IPv6). */
export function isExternalAddress(ip: string): boolean {
  const v = ip.toLowerCase();
  if (v === '' || v === '::1' || v === '::') return false;
  if (v.includes(':')) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v);
    if (mapped !== null) return isExternalAddress(mapped[1]);
    return !/^(?:f[cd]|fe[89ab])/.test(v);
  }
  return !PRIVATE_V4.some((re) => re.test(v));
}

/** The exposure signals of one call, given the sensitive observations its scan produced. */
export function callExposureSignals(
  call: Pick<ApiCall, 'request' | 'response' | 'src'>,
  observations: readonly SensitiveObservation[],
): CallExposureSignals {
  const response = call.response;
  const responseClasses = new Set(
    observations.filter((o) => o.location === 'response.body').map((o) => o.class),
  );
  return {
    rateLimitSignal: response !== undefined && hasRateLimitSignal(response.status, response.headers),
    plaintextSensitive:
      call.request.scheme === 'http' && observations.length > 0 && isExternalAddress(call.src?.ip ?? ''),
    responseClasses: responseClasses.size,
  };
}
