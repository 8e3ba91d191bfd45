import { type ApiCallBody, type ApiCallResponse, headerValue, type NameValueList } from '@apiscope/contracts';

import { type HarContent, type HarResponse } from './har.type';
import { base64Body, sizeOnlyBody, utf8Body } from './har-body.util';
import { HarEntrySkipException } from './har-entry-skip.exception';
import { asObject, nonEmptyString, quoteValue } from './har-field.util';
import { readHarHeaders } from './har-headers.util';

export interface HarResponseRead {
  /** Absent when no response arrived. */
  response?: ApiCallResponse;
  /** The exporter recorded an error after the status line: the response was cut off. */
  incomplete: boolean;
}

/**
 * Responses to HEAD and 1xx, 204 and 304 responses carry no content (RFC 9110 §6.4.1). Browsers still
 * fill a 304 with the cached representation (Chrome does), which never crossed the wire.
 */
function mayHaveBody(status: number, method: string): boolean {
  return method.toUpperCase() !== 'HEAD' && status >= 200 && status !== 204 && status !== 304;
}

function declaredSize(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/**
 * `size` comes from the text when there is one: exporters disagree on `content.size` (Safari writes 0
 * beside the full text, mitmproxy writes the compressed wire size), but the text is the decoded body.
 */
function readResponseBody(value: unknown, headers: NameValueList, maxBytes: number): ApiCallBody | undefined {
  const content = asObject<HarContent>(value);
  if (!content) return undefined;
  const contentType = nonEmptyString(content.mimeType) ?? headerValue(headers, 'content-type');
  const size = declaredSize(content.size);
  const text = nonEmptyString(content.text);
  if (text !== undefined) {
    if (content.encoding !== 'base64') return utf8Body(text, contentType, maxBytes);
    const binary = base64Body(text, contentType, maxBytes);
    if (binary) return binary;
  }
  return size === undefined ? undefined : sizeOnlyBody(size, contentType);
}

/** HAR writes status 0 (or nothing) when no response arrived: then the event has no `response`. */
export function readHarResponse(value: unknown, method: string, maxBytes: number): HarResponseRead {
  const response = asObject<HarResponse>(value);
  const status = response?.status;
  if (!response || status === undefined || status === null || status === 0) return { incomplete: false };
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 999) {
    throw new HarEntrySkipException(`response.status ${quoteValue(status)} is not an HTTP status code`);
  }
  const { headers } = readHarHeaders(response.headers, 'response.headers');
  const body = mayHaveBody(status, method)
    ? readResponseBody(response.content, headers, maxBytes)
    : undefined;
  return {
    response: { status, headers, ...(body && { body }) },
    incomplete: nonEmptyString(response._error) !== undefined,
  };
}
