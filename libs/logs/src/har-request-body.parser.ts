import { type ApiCallBody, headerValue, type NameValueList } from '@apiscope/contracts';

import { type HarNameValue, type HarPostData, type HarRequest } from './har.type';
import { sizeOnlyBody, utf8Body } from './har-body.util';
import { asObject, nonEmptyString } from './har-field.util';

const FORM_URLENCODED = 'application/x-www-form-urlencoded';

function encodeFormComponent(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

/**
 * Some exporters give a form only as `params`. It is rebuilt as urlencoded text, the one form whose
 * bytes follow from the pairs; a multipart body (boundaries, file parts) cannot be rebuilt honestly.
 */
function rebuildForm(params: unknown, contentType: string | undefined): string | undefined {
  if (!Array.isArray(params) || params.length === 0) return undefined;
  if (contentType !== undefined && !contentType.toLowerCase().startsWith(FORM_URLENCODED)) return undefined;
  const parts: string[] = [];
  for (const item of params as unknown[]) {
    const param = asObject<HarNameValue & { fileName?: unknown }>(item);
    if (!param || typeof param.name !== 'string' || param.fileName !== undefined) return undefined;
    const value = typeof param.value === 'string' ? param.value : '';
    parts.push(`${encodeFormComponent(param.name)}=${encodeFormComponent(value)}`);
  }
  return parts.join('&');
}

/**
 * The request body from `postData`. `size` is the length of the text, not HAR's `bodySize`: that one
 * counts wire bytes (compressed when Content-Encoding is set, -1 when unknown), while the contract
 * wants the decoded size. `bodySize` is used only when the exporter measured a body it left out.
 */
export function readRequestBody(
  request: HarRequest,
  headers: NameValueList,
  maxBytes: number,
): ApiCallBody | undefined {
  const postData = asObject<HarPostData>(request.postData);
  const declaredType = nonEmptyString(postData?.mimeType) ?? headerValue(headers, 'content-type');
  const text = nonEmptyString(postData?.text);
  if (text !== undefined) return utf8Body(text, declaredType, maxBytes);
  const form = rebuildForm(postData?.params, declaredType);
  if (form !== undefined) return utf8Body(form, declaredType ?? FORM_URLENCODED, maxBytes);
  const wireSize = request.bodySize;
  return typeof wireSize === 'number' && Number.isSafeInteger(wireSize) && wireSize > 0
    ? sizeOnlyBody(wireSize, declaredType)
    : undefined;
}
