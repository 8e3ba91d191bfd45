import { readEnvoyJson } from './envoy-json.parser';
import { readEnvoyText } from './envoy-text.parser';
import { type LogExchange } from './log-exchange.type';
import { type JsonObject } from './json-field.util';
import { type LogTextReader } from './log-reader.type';
import { LogSkipCode, LogSkipException } from './log-skip.exception';

/**
 * Envoy access logs, text or JSON, line by line: a file may mix both (a sidecar's stdout collected
 * with other containers). A JSON line is either an Envoy JSON record or a shipper's wrapper
 * (`{"log": ...}` from Docker, `{"message": ...}` from Kubernetes collectors) around a text line.
 */
export class EnvoyReader implements LogTextReader {
  readonly kind = 'text';

  readLine(line: string): LogExchange | undefined {
    if (line.trim() === '') return undefined;
    if (line.charCodeAt(0) !== 0x7b) return readEnvoyText(line);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new LogSkipException(LogSkipCode.NOT_JSON, 'the line starts like JSON but is not');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new LogSkipException(LogSkipCode.NOT_JSON, 'a JSON line that is not an object');
    }
    const record = value as JsonObject;
    const wrapped = typeof record['log'] === 'string' ? record['log'] : record['message'];
    if (typeof wrapped === 'string' && record['method'] === undefined) {
      return readEnvoyText(wrapped.replace(/\r?\n$/, ''));
    }
    return readEnvoyJson(record);
  }
}
