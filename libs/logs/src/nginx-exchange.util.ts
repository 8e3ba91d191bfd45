import { type HttpScheme, type NameValueList } from '@apiscope/contracts';

import { type LogExchange } from './log-exchange.type';
import { parseIp, parsePeer, PORT_NOT_LOGGED } from './log-peer.util';
import { LogSkipCode, LogSkipException } from './log-skip.exception';
import { splitRequestLine } from './request-line.util';
import { parseClfTime, parseDecimal, parseEpochSeconds, parseIsoTime } from './log-time.util';
import { unescapeNginx } from './nginx-escape.util';
import { type NginxLogLayout } from './nginx-log-format.parser';
import { headerNameOf, NginxRole } from './nginx-variables.util';

function port(text: string | undefined): number | undefined {
  return text !== undefined && /^\d{1,5}$/.test(text) && Number(text) <= 65535 ? Number(text) : undefined;
}

/** Builds the exchange from the values a layout matched (`-` is nginx's "not set"). */
export function toNginxExchange(
  layout: NginxLogLayout,
  roles: readonly NginxRole[],
  values: ReadonlyArray<string | undefined>,
): LogExchange {
  let end: number | undefined;
  let request: string | undefined;
  let method: string | undefined;
  let uri: string | undefined;
  let path: string | undefined;
  let args: string | undefined;
  let status = 0;
  let bytesSent: number | undefined;
  let seconds: number | undefined;
  let remoteAddr: string | undefined;
  let remotePort: string | undefined;
  let serverAddr: string | undefined;
  let serverPort: string | undefined;
  let host: string | undefined;
  let scheme: HttpScheme | undefined;
  let requestSize: number | undefined;
  let requestType: string | undefined;
  let responseType: string | undefined;
  let requestBody: string | undefined;
  let headers: NameValueList | undefined;
  for (let i = 0; i < roles.length; i++) {
    const raw = values[i];
    if (raw === undefined || raw === '-' || raw === '') continue;
    switch (roles[i]) {
      case NginxRole.IGNORE:
        break;
      case NginxRole.REMOTE_ADDR:
        remoteAddr = raw;
        break;
      case NginxRole.REMOTE_PORT:
        remotePort = raw;
        break;
      case NginxRole.SERVER_ADDR:
        serverAddr = raw;
        break;
      case NginxRole.SERVER_PORT:
        serverPort = raw;
        break;
      case NginxRole.TIME_LOCAL:
        end = parseClfTime(raw);
        break;
      case NginxRole.TIME_ISO8601:
        end = parseIsoTime(raw);
        break;
      case NginxRole.MSEC:
        end = parseEpochSeconds(raw);
        break;
      case NginxRole.REQUEST:
        request = unescapeNginx(raw, layout.escape);
        break;
      case NginxRole.REQUEST_METHOD:
        method = raw;
        break;
      case NginxRole.REQUEST_URI:
        uri = unescapeNginx(raw, layout.escape);
        break;
      case NginxRole.URI:
        path = unescapeNginx(raw, layout.escape);
        break;
      case NginxRole.ARGS:
        args = unescapeNginx(raw, layout.escape);
        break;
      case NginxRole.STATUS:
        status = /^\d{3}$/.test(raw) ? Number(raw) : -1;
        break;
      case NginxRole.BODY_BYTES_SENT:
        bytesSent = parseDecimal(raw);
        break;
      case NginxRole.REQUEST_TIME:
        seconds = parseDecimal(raw);
        break;
      case NginxRole.HOST:
        host = unescapeNginx(raw, layout.escape);
        break;
      case NginxRole.SCHEME:
        scheme = raw === 'https' ? 'https' : raw === 'http' ? 'http' : undefined;
        break;
      case NginxRole.HEADER:
        (headers ??= []).push([headerNameOf(layout.variables[i]), unescapeNginx(raw, layout.escape)]);
        break;
      case NginxRole.CONTENT_LENGTH:
        requestSize = parseDecimal(raw);
        break;
      case NginxRole.CONTENT_TYPE:
        requestType = unescapeNginx(raw, layout.escape);
        break;
      case NginxRole.SENT_CONTENT_TYPE:
        responseType = unescapeNginx(raw, layout.escape);
        break;
      case NginxRole.REQUEST_BODY:
        requestBody = unescapeNginx(raw, layout.escape);
        break;
    }
  }
  if (end === undefined)
    throw new LogSkipException(LogSkipCode.BAD_TIME, 'the log time is missing or malformed');
  if (status === -1) throw new LogSkipException(LogSkipCode.BAD_STATUS, 'the status is not a 3-digit code');
  let target: string;
  if (request !== undefined) {
    const line = splitRequestLine(request);
    method ??= line.method;
    target = uri ?? line.target;
  } else {
    if (method === undefined)
      throw new LogSkipException(LogSkipCode.NO_REQUEST, 'no request method was logged');
    target = uri ?? (path === undefined ? '' : args === undefined ? path : `${path}?${args}`);
  }
  const durationMs = seconds === undefined ? undefined : seconds * 1000;
  const src = remoteAddr === undefined ? undefined : parseIp(remoteAddr);
  const dst = serverAddr === undefined ? undefined : parsePeer(serverAddr)?.ip;
  return {
    // $time_local and friends are written when the response ends; the contract wants the start
    ts: durationMs === undefined ? end : Math.max(0, end - durationMs),
    method,
    target,
    scheme,
    host,
    src: src === undefined ? undefined : { ip: src, port: port(remotePort) ?? PORT_NOT_LOGGED },
    dst: dst === undefined ? undefined : { ip: dst, port: port(serverPort) ?? PORT_NOT_LOGGED },
    status,
    durationMs,
    requestHeaders: headers === undefined ? undefined : { pairs: headers, complete: false },
    responseBodySize: bytesSent,
    requestBodySize: requestSize,
    requestContentType: requestType,
    responseContentType: responseType,
    requestBodyText: requestBody,
  };
}
