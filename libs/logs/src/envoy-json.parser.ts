import { type LogExchange } from './log-exchange.type';
import { type JsonObject, numberField, textField } from './json-field.util';
import { credentialFields } from './log-credentials.util';
import { parsePeer } from './log-peer.util';
import { LogSkipCode, LogSkipException } from './log-skip.exception';
import { parseIsoTime } from './log-time.util';

/**
 * An Envoy JSON access log record (`json_format`). Keys are the operator's choice; those read here
 * are Istio's default JSON keys (`method`, `path`, `authority`, `response_code`, `start_time`, ...)
 * and Envoy Gateway's (`:authority`, `x-envoy-origin-path`), which most meshes keep.
 */
export function readEnvoyJson(record: JsonObject): LogExchange {
  const method = textField(record, 'method', ':method', 'request_method');
  const target = textField(
    record,
    'path',
    'x-envoy-origin-path',
    'x-envoy-original-path',
    ':path',
    'request_path',
  );
  if (method === undefined || target === undefined) {
    const details = textField(record, 'response_code_details') ?? 'no details';
    if (textField(record, 'protocol')?.startsWith('HTTP') === true) {
      throw new LogSkipException(LogSkipCode.NO_REQUEST, `Envoy read no request line (${details})`);
    }
    if (textField(record, 'upstream_host', 'downstream_remote_address') !== undefined) {
      throw new LogSkipException(LogSkipCode.NOT_HTTP, 'a TCP proxy connection, not an HTTP request');
    }
    throw new LogSkipException(
      LogSkipCode.NOT_THIS_FORMAT,
      'the record has no method or path: not an Envoy access log',
    );
  }
  const start = textField(record, 'start_time', 'timestamp', '@timestamp');
  const ts = start === undefined ? undefined : parseIsoTime(start);
  if (ts === undefined)
    throw new LogSkipException(LogSkipCode.BAD_TIME, 'start_time is missing or not ISO 8601');
  const host = textField(record, 'authority', ':authority', 'host');
  const src = parsePeer(textField(record, 'downstream_remote_address'));
  const dst = parsePeer(textField(record, 'downstream_local_address'));
  const duration = numberField(record, 'duration');
  const requestSize = numberField(record, 'bytes_received');
  const responseSize = numberField(record, 'bytes_sent');
  const credentials = credentialFields(record);
  return {
    ts,
    method,
    target,
    ...(host !== undefined && { host }),
    ...(src && { src }),
    ...(dst && { dst }),
    status: numberField(record, 'response_code') ?? 0,
    ...(duration !== undefined && { durationMs: duration }),
    ...(requestSize !== undefined && { requestBodySize: requestSize }),
    ...(responseSize !== undefined && { responseBodySize: responseSize }),
    ...(credentials.length > 0 && { requestHeaders: { pairs: credentials, complete: false } }),
  };
}
