import { API_CALL_CONTRACT_VERSION, type ApiCall } from '@apiscope/contracts';

import { HAR_SENSOR_KIND } from './har.constant';
import { type HarEntry, type HarRequest } from './har.type';
import { browserCacheReason } from './har-cache.util';
import { parseHarDate } from './har-date.util';
import { HarEntrySkipException } from './har-entry-skip.exception';
import { asObject, nonNegativeNumber, quoteValue } from './har-field.util';
import { readHarHeaders } from './har-headers.util';
import { serverPeer } from './har-peer.util';
import { type HarReadOptions } from './har-read.type';
import { readRequestBody } from './har-request-body.parser';
import { readHarResponse } from './har-response.parser';
import { parseAuthority, parseHarUrl } from './har-url.parser';

/** RFC 9110 token, the same rule the contract enforces, checked here for a clearer skip reason. */
const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Turns `log.entries[index]` into an ApiCall, or throws HarEntrySkipException with the reason.
 * The id is the entry's index, so reading the same file again yields the same ids and the
 * pipeline's idempotent writes drop the repeat.
 */
export function parseHarEntry(value: unknown, index: number, options: Required<HarReadOptions>): ApiCall {
  const entry = asObject<HarEntry>(value);
  if (!entry) throw new HarEntrySkipException(`entry is ${quoteValue(value)}, not an object`);
  const request = asObject<HarRequest>(entry.request);
  if (!request) throw new HarEntrySkipException('request is missing');
  const cacheHit = browserCacheReason(entry);
  if (cacheHit !== undefined) throw new HarEntrySkipException(cacheHit);
  const method = request.method;
  if (typeof method !== 'string' || !HTTP_TOKEN.test(method)) {
    throw new HarEntrySkipException(`request.method ${quoteValue(method)} is not an HTTP method token`);
  }
  const url = parseHarUrl(request.url);
  const ts = parseHarDate(entry.startedDateTime);
  if (ts === undefined) {
    throw new HarEntrySkipException(
      `startedDateTime ${quoteValue(entry.startedDateTime)} is not an ISO 8601 date`,
    );
  }
  const { headers, authority } = readHarHeaders(request.headers, 'request.headers');
  // HTTP/2 sends the Host as :authority; a malformed one falls back on the URL rather than losing the call.
  const host =
    (authority === undefined ? undefined : parseAuthority(url.scheme, authority)?.host) ?? url.host;
  const body = readRequestBody(request, headers, options.maxBodyBytes);
  const { response, incomplete } = readHarResponse(entry.response, method, options.maxBodyBytes);
  const dst = serverPeer(entry.serverIPAddress, url.port);
  const durationMs = nonNegativeNumber(entry.time);
  return {
    v: API_CALL_CONTRACT_VERSION,
    id: `${options.sensorId}:${index}`,
    ts,
    sensor: { id: options.sensorId, kind: HAR_SENSOR_KIND },
    ...(dst && { dst }),
    request: {
      method,
      scheme: url.scheme,
      host,
      target: url.target,
      path: url.path,
      query: url.query,
      headers,
      ...(body && { body }),
    },
    ...(response && { response }),
    ...(durationMs !== undefined && { durationMs }),
    ...(incomplete && { incomplete }),
  };
}
