import { type NameValueList, splitRequestTarget } from '@apiscope/contracts';
import { detectCallAuth } from '@apiscope/inference';

import { asObject } from './har-field.util';
import { parseAuthority } from './har-url.parser';
import { type JsonObject, numberField, recordObject, textField } from './json-field.util';
import { type LogExchange } from './log-exchange.type';
import { parseIp, PORT_NOT_LOGGED } from './log-peer.util';
import { type LogJsonReader } from './log-reader.type';
import { LogSkipCode, LogSkipException } from './log-skip.exception';

/** Kong writes a repeated header as an array of values; order within a name is kept. */
function headerPairs(value: unknown): NameValueList {
  const pairs: NameValueList = [];
  for (const [name, raw] of Object.entries(asObject<JsonObject>(value) ?? {})) {
    for (const item of Array.isArray(raw) ? (raw as unknown[]) : [raw]) {
      if (typeof item === 'string') pairs.push([name, item]);
      else if (typeof item === 'number' || typeof item === 'boolean') pairs.push([name, String(item)]);
    }
  }
  return pairs;
}

function header(pairs: NameValueList, name: string): string | undefined {
  for (const [n, v] of pairs) if (n.toLowerCase() === name) return v;
  return undefined;
}

function contentLength(pairs: NameValueList): number | undefined {
  const value = header(pairs, 'content-length');
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** `http://h:8000/get?x=1` -> scheme, authority and the origin-form target. */
function splitUrl(url: string | undefined): {
  scheme?: 'http' | 'https';
  authority?: string;
  target?: string;
} {
  const m = url === undefined ? null : /^(https?):\/\/([^/?#]*)([^#]*)/i.exec(url);
  if (!m) return {};
  const target = m[3] === '' ? '/' : m[3].startsWith('/') ? m[3] : `/${m[3]}`;
  return { scheme: m[1].toLowerCase() as 'http' | 'https', authority: m[2], target };
}

/**
 * Kong's log serializer payload (http-log, file-log, tcp-log, ...: docs.konghq.com, http-log "Log
 * format"), one per line or pretty-printed, or an array of them (http-log with batching). It carries
 * every request and response header, so the header lists are complete. Kong writes `REDACTED` for the
 * Authorization value: kept as is, it still shows that credentials were sent.
 */
export class KongReader implements LogJsonReader {
  readonly kind = 'json';

  readRecord(value: unknown): LogExchange {
    const record = recordObject(value, 'a Kong log record');
    const request = asObject<JsonObject>(record['request']);
    if (!request)
      throw new LogSkipException(
        LogSkipCode.NOT_THIS_FORMAT,
        'the record has no request object: not a Kong log',
      );
    const method = textField(request, 'method');
    const url = splitUrl(textField(request, 'url'));
    const target = url.target ?? textField(request, 'uri');
    if (method === undefined || target === undefined) {
      throw new LogSkipException(LogSkipCode.NO_REQUEST, 'the Kong record has no request method or URI');
    }
    const startedAt = numberField(record, 'started_at');
    if (startedAt === undefined) throw new LogSkipException(LogSkipCode.BAD_TIME, 'started_at is missing');
    const sent = headerPairs(request['headers']);
    // An auth plugin with hide_credentials strips the credential before the log phase; Kong still
    // names the consumer. Headers without it would read "no credentials": say "unknown" instead.
    const authenticated = record['authenticated_entity'] !== undefined || record['consumer'] !== undefined;
    const query = splitRequestTarget(target).query;
    const hidden = authenticated && detectCallAuth({ headers: sent, query }).credentials !== 'present';
    const response = asObject<JsonObject>(record['response']);
    const responseHeaders = headerPairs(response?.['headers']);
    const clientIp = textField(record, 'client_ip');
    const src = clientIp === undefined ? undefined : parseIp(clientIp);
    const hostHeader = header(sent, 'host');
    const authority =
      url.authority === undefined ? undefined : parseAuthority(url.scheme ?? 'http', url.authority)?.host;
    const duration = numberField(asObject<JsonObject>(record['latencies']) ?? {}, 'request');
    return {
      ts: startedAt,
      method,
      target,
      ...(url.scheme && { scheme: url.scheme }),
      ...((hostHeader ?? authority) !== undefined && { host: hostHeader ?? authority }),
      ...(src !== undefined && { src: { ip: src, port: PORT_NOT_LOGGED } }),
      status: response === undefined ? 0 : (numberField(response, 'status') ?? 0),
      ...(duration !== undefined && { durationMs: duration }),
      requestHeaders: { pairs: hidden ? [] : sent, complete: true },
      responseHeaders,
      requestBodySize: contentLength(sent),
      responseBodySize: contentLength(responseHeaders),
      requestContentType: header(sent, 'content-type'),
      responseContentType: header(responseHeaders, 'content-type'),
      requestBodyText: typeof request['body'] === 'string' ? request['body'] : undefined,
      responseBodyText: typeof response?.['body'] === 'string' ? response['body'] : undefined,
    };
  }
}
