import { type NameValueList } from '@apiscope/contracts';

import { type JsonObject, numberField, recordObject, textField } from './json-field.util';
import { type LogExchange } from './log-exchange.type';
import { parseIp, PORT_NOT_LOGGED } from './log-peer.util';
import { type LogJsonReader } from './log-reader.type';
import { LogSkipCode, LogSkipException } from './log-skip.exception';
import { parseClfTime } from './log-time.util';

/**
 * Credentials API Gateway reports instead of logging the header. The token itself is never logged,
 * so the header carries the scheme word only: enough for the pipeline to name the scheme, and
 * nothing that looks like a credential value.
 *  - `$context.identity.apiKey`: the API key, sent in `x-api-key` (that value is logged, so it is kept);
 *  - `$context.identity.caller` / `.user`: the IAM principal that signed the request (SigV4);
 *  - `$context.authorizer.claims.*`: claims of the JWT a Cognito or JWT authorizer accepted (Bearer).
 */
function credentialsOf(record: JsonObject): NameValueList {
  const pairs: NameValueList = [];
  const apiKey = textField(record, 'apiKey', 'api_key');
  if (apiKey !== undefined) pairs.push(['x-api-key', apiKey]);
  if (textField(record, 'caller', 'user', 'userArn') !== undefined)
    pairs.push(['authorization', 'AWS4-HMAC-SHA256']);
  else if (Object.keys(record).some((k) => /claim/i.test(k) && textField(record, k) !== undefined)) {
    pairs.push(['authorization', 'Bearer']);
  }
  return pairs;
}

/**
 * An AWS API Gateway access log record in JSON (REST and HTTP APIs; keys as in the console's JSON
 * example: `httpMethod`, `resourcePath` or `routeKey`, `requestTime`, `status`, `ip`, ...).
 *
 * `resourcePath` (REST) and the path of `routeKey` (HTTP API) are the template the gateway matched
 * (`/pets/{petId}`): reported as the record's `route`. When the real `path` is not logged (the
 * console's examples leave it out), the template is the only path there is and becomes the path.
 * API Gateway serves HTTPS only, so the scheme is known.
 */
export class ApiGatewayReader implements LogJsonReader {
  readonly kind = 'json';

  readRecord(value: unknown): LogExchange {
    const record = recordObject(value, 'an API Gateway access log record');
    const routeKey = textField(record, 'routeKey', 'route_key');
    const routeSpace = routeKey?.indexOf(' ') ?? -1;
    const method =
      textField(record, 'httpMethod', 'method', 'http_method') ??
      (routeSpace > 0 ? routeKey?.slice(0, routeSpace) : undefined);
    const route =
      textField(record, 'resourcePath', 'resource_path') ??
      (routeSpace > 0 ? routeKey?.slice(routeSpace + 1) : undefined);
    const path = textField(record, 'path', 'requestPath', 'request_path') ?? route;
    if (method === undefined) {
      if (record['requestId'] === undefined) {
        throw new LogSkipException(
          LogSkipCode.NOT_THIS_FORMAT,
          'no httpMethod and no requestId: not an API Gateway access log',
        );
      }
      throw new LogSkipException(LogSkipCode.NO_REQUEST, 'the record logs no httpMethod');
    }
    if (path === undefined) {
      throw new LogSkipException(
        LogSkipCode.BAD_TARGET,
        `no path, resourcePath or routeKey path was logged (routeKey ${routeKey ?? 'absent'})`,
      );
    }
    const epoch = numberField(record, 'requestTimeEpoch', 'request_time_epoch');
    const clf = textField(record, 'requestTime', 'request_time');
    const ts = epoch ?? (clf === undefined ? undefined : parseClfTime(clf));
    if (ts === undefined)
      throw new LogSkipException(LogSkipCode.BAD_TIME, 'requestTime is missing or malformed');
    const ip = textField(record, 'ip', 'sourceIp', 'source_ip');
    const src = ip === undefined ? undefined : parseIp(ip);
    const host = textField(record, 'domainName', 'domain_name');
    const duration = numberField(record, 'responseLatency', 'latency', 'response_latency');
    const credentials = credentialsOf(record);
    return {
      ts,
      method,
      target: path,
      scheme: 'https',
      ...(host !== undefined && { host }),
      ...(src !== undefined && { src: { ip: src, port: PORT_NOT_LOGGED } }),
      status: numberField(record, 'status') ?? 0,
      ...(duration !== undefined && { durationMs: duration }),
      ...(credentials.length > 0 && { requestHeaders: { pairs: credentials, complete: false } }),
      responseBodySize: numberField(record, 'responseLength', 'response_length'),
      ...(route !== undefined && { route }),
    };
  }
}
