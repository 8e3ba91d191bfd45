import { type ApiCallBody, type NameValueList, headerValue } from '@apiscope/contracts';

import { FILE_PART } from './string-format.util';

/**
 * A body reduced to what schema inference needs: its media type and either a value to infer from
 * (parsed JSON, form fields as an object, multipart field names) or a note saying why not (XML,
 * text, binary, truncated JSON). Never throws: a broken body is a note.
 */
export interface BodySample {
  mediaType: string;
  value?: unknown;
  note?: 'xml' | 'text' | 'binary' | 'truncated' | 'unparsable' | 'empty';
}

const MAX_PARSE_BYTES = 256 * 1024;

/** `application/json; charset=utf-8` -> `application/json` */
export function mediaTypeOf(contentType: string | undefined): string {
  const type = (contentType ?? '').split(';', 1)[0].trim().toLowerCase();
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) ? type : 'application/octet-stream';
}

function textOf(body: ApiCallBody): string | undefined {
  if (body.data === undefined) return undefined;
  const data = body.data.length > MAX_PARSE_BYTES * 2 ? body.data.slice(0, MAX_PARSE_BYTES * 2) : body.data;
  return body.encoding === 'base64' ? Buffer.from(data, 'base64').toString('utf8') : data;
}

function formFields(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    const name = decode(eq === -1 ? pair : pair.slice(0, eq));
    Object.defineProperty(out, name, {
      value: decode(eq === -1 ? '' : pair.slice(eq + 1)),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * multipart/form-data: field names; file parts become `{ type: string, format: binary }` markers
 * (their content is never looked at), text parts keep their value for type inference.
 */
function multipartFields(text: string, contentType: string | undefined): Record<string, unknown> | undefined {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
  if (!boundary) return undefined;
  const out: Record<string, unknown> = {};
  for (const part of text.split(`--${boundary}`).slice(1, 65)) {
    const headerEnd = part.indexOf('\r\n\r\n') >= 0 ? part.indexOf('\r\n\r\n') : part.indexOf('\n\n');
    if (headerEnd < 0) continue;
    const head = part.slice(0, headerEnd);
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined) continue;
    const isFile = /filename="/i.test(head);
    const value = isFile ? FILE_PART : part.slice(headerEnd).trim();
    Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function sampleBody(body: ApiCallBody | undefined, headers: NameValueList): BodySample | undefined {
  if (!body || body.size === 0) return undefined;
  const contentType = body.contentType ?? headerValue(headers, 'content-type');
  const mediaType = mediaTypeOf(contentType);
  const text = textOf(body);
  if (text === undefined || text.trim() === '') return { mediaType, note: 'empty' };
  if (mediaType === 'application/json' || mediaType.endsWith('+json') || mediaType === 'text/json') {
    if (body.truncated) return { mediaType, note: 'truncated' };
    try {
      return { mediaType, value: JSON.parse(text) as unknown };
    } catch {
      return { mediaType, note: 'unparsable' };
    }
  }
  if (mediaType === 'application/x-www-form-urlencoded') return { mediaType, value: formFields(text) };
  if (mediaType === 'multipart/form-data') {
    const fields = multipartFields(text, contentType);
    return fields ? { mediaType, value: fields } : { mediaType, note: 'unparsable' };
  }
  if (mediaType.includes('xml')) return { mediaType, note: 'xml' };
  if (mediaType.startsWith('text/')) return { mediaType, note: 'text' };
  return { mediaType, note: 'binary' };
}
