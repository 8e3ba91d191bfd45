import { type LogExchange } from './log-exchange.type';
import { type JsonObject, recordObject } from './json-field.util';
import { type LogJsonReader } from './log-reader.type';
import { toNginxExchange } from './nginx-exchange.util';
import { type NginxLogLayout } from './nginx-log-format.parser';
import { nginxRoleOf } from './nginx-variables.util';

/**
 * `log_format NAME escape=json '{"time":"$time_iso8601","remote_addr":"$remote_addr",...}'`: one JSON
 * object per line whose keys the operator chose. With `--nginx-format` set to that format string the
 * keys are mapped through it; without, a key is read as the variable of the same name (`status`,
 * `request`, `http_authorization`), which is how nginx's own examples and most configurations name them.
 */
export class NginxJsonReader implements LogJsonReader {
  readonly kind = 'json';
  private readonly keyToVariable: ReadonlyMap<string, string> | undefined;
  // values arrive already unescaped by JSON.parse
  private readonly layout: NginxLogLayout = { literals: [], variables: [], escape: 'none' };

  /** Throws RangeError when `format` names no `"key": "$variable"` pair. */
  constructor(format?: string) {
    if (format === undefined) return;
    // `"status":$status` (a number) and `"status":"$status"` both occur
    const pairs = [...format.matchAll(/"([^"\\]+)"\s*:\s*"?\$\{?([A-Za-z0-9_]+)\}?/g)];
    if (pairs.length === 0) {
      throw new RangeError('nginx JSON format: no "key": "$variable" pair found in --nginx-format');
    }
    this.keyToVariable = new Map(pairs.map((m) => [m[1], m[2].toLowerCase()]));
  }

  readRecord(value: unknown): LogExchange | undefined {
    const object = recordObject(value, 'an nginx JSON log record');
    const variables: string[] = [];
    const values: Array<string | undefined> = [];
    for (const key of Object.keys(object)) {
      const variable = this.keyToVariable === undefined ? key.toLowerCase() : this.keyToVariable.get(key);
      if (variable === undefined) continue;
      variables.push(variable);
      values.push(text(object, key));
    }
    const layout = { ...this.layout, variables };
    const roles = variables.map(nginxRoleOf);
    return toNginxExchange(layout, roles, values);
  }
}

function text(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}
