import { decodeByteEscapes } from './byte-escape.util';
import { type JsonObject, numberField, textField } from './json-field.util';
import { type LogExchange } from './log-exchange.type';
import { parseIp } from './log-peer.util';
import { LogSkipCode, LogSkipException } from './log-skip.exception';
import { parseEpochSeconds, parseIsoTime } from './log-time.util';

function peer(record: JsonObject, host: string, port: string): { ip: string; port: number } | undefined {
  const text = textField(record, host);
  const ip = text === undefined ? undefined : parseIp(text);
  const number = numberField(record, port);
  return ip === undefined || number === undefined || number > 65535 ? undefined : { ip, port: number };
}

/**
 * One Zeek http.log record (https://docs.zeek.org/en/master/logs/http.html), from a TSV row turned
 * into an object or from a JSON line. Zeek saw the packets, so peers, ports and body lengths
 * (uncompressed) are exact, and the scheme is http: Zeek's HTTP analyzer reads cleartext only.
 * Zeek logs the user name of Basic authentication and no other credential, so the request headers
 * are unknown unless a user name was seen.
 */
export function readZeekRecord(record: JsonObject): LogExchange {
  const rawTs = record['ts'];
  const ts =
    typeof rawTs === 'string' && rawTs.includes('-') ? parseIsoTime(rawTs) : parseEpochSeconds(rawTs);
  if (ts === undefined) {
    throw new LogSkipException(
      LogSkipCode.BAD_TIME,
      `ts ${JSON.stringify(rawTs)?.slice(0, 40) ?? 'absent'} is not a time`,
    );
  }
  const method = textField(record, 'method');
  const uri = textField(record, 'uri');
  if (method !== undefined && record['uri'] === '') {
    throw new LogSkipException(LogSkipCode.BAD_TARGET, 'the request-target is empty');
  }
  if (method === undefined || uri === undefined) {
    throw new LogSkipException(LogSkipCode.NO_REQUEST, 'Zeek logged no request line (method or uri unset)');
  }
  const host = textField(record, 'host');
  const src = peer(record, 'id.orig_h', 'id.orig_p');
  const dst = peer(record, 'id.resp_h', 'id.resp_p');
  const username = textField(record, 'username');
  return {
    ts,
    method: decodeByteEscapes(method),
    target: decodeByteEscapes(uri),
    scheme: 'http',
    ...(host !== undefined && { host: decodeByteEscapes(host) }),
    ...(src && { src }),
    ...(dst && { dst }),
    // 0 is Zeek's value when no status line came back (HTTP/0.9 replies, cut connections)
    status: numberField(record, 'status_code') ?? 0,
    ...(username !== undefined && {
      requestHeaders: { pairs: [['authorization', 'Basic']], complete: false },
    }),
    requestBodySize: numberField(record, 'request_body_len'),
    responseBodySize: numberField(record, 'response_body_len'),
  };
}
