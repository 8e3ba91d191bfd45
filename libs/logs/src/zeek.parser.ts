import { decodeByteEscapes } from './byte-escape.util';
import { asObject } from './har-field.util';
import { type JsonObject } from './json-field.util';
import { type LogExchange } from './log-exchange.type';
import { type LogTextReader } from './log-reader.type';
import { LogSkipCode, LogSkipException } from './log-skip.exception';
import { readZeekRecord } from './zeek-record.parser';

/**
 * Zeek http.log, in Zeek's TSV layout or as JSON lines (`LogAscii::use_json`). The TSV header
 * (`#separator`, `#unset_field`, `#empty_field`, `#path`, `#fields`) sets how the rows that follow
 * are read, so this reader keeps state; a file resumed mid-way must be fed its header lines again.
 * A JSON record exported from Splunk (`{"result": {"_raw": "<zeek json>"}}`) is unwrapped.
 */
export class ZeekReader implements LogTextReader {
  readonly kind = 'text';
  private separator = '\t';
  private unset = '-';
  private empty = '(empty)';
  private path = 'http';
  private fields: string[] | undefined;

  readLine(line: string): LogExchange | undefined {
    if (line.trim() === '') return undefined;
    if (line.charCodeAt(0) === 0x7b) return readZeekRecord(this.jsonRecord(line));
    if (line.charCodeAt(0) === 0x23) return this.header(line);
    if (this.fields === undefined && line.startsWith(`ts${this.separator}uid${this.separator}`)) {
      // zeek-cut's column-name line, when the # header was cut away
      this.fields = line.split(this.separator);
      return undefined;
    }
    if (this.fields === undefined) {
      throw new LogSkipException(
        LogSkipCode.NOT_THIS_FORMAT,
        'a TSV row before any #fields header: not a Zeek log',
      );
    }
    if (this.path !== 'http') {
      throw new LogSkipException(LogSkipCode.NOT_THIS_FORMAT, `a Zeek ${this.path}.log row, not http.log`);
    }
    const values = line.split(this.separator);
    if (values.length !== this.fields.length) {
      throw new LogSkipException(
        LogSkipCode.NOT_THIS_FORMAT,
        `the row has ${values.length} columns where #fields names ${this.fields.length}`,
      );
    }
    const record: JsonObject = {};
    this.fields.forEach((field, i) => {
      const value = values[i];
      if (value !== this.unset) record[field] = value === this.empty ? '' : value;
    });
    return readZeekRecord(record);
  }

  private header(line: string): undefined {
    if (line.startsWith('#separator ')) {
      this.separator = decodeByteEscapes(line.slice('#separator '.length));
      return undefined;
    }
    const cut = line.indexOf(this.separator);
    if (cut === -1) return undefined;
    const name = line.slice(1, cut);
    const rest = line.slice(cut + this.separator.length);
    if (name === 'fields') this.fields = rest.split(this.separator);
    else if (name === 'unset_field') this.unset = rest;
    else if (name === 'empty_field') this.empty = rest;
    else if (name === 'path') this.path = rest;
    return undefined;
  }

  private jsonRecord(line: string): JsonObject {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new LogSkipException(LogSkipCode.NOT_JSON, 'the line starts like JSON but is not');
    }
    const record = asObject<JsonObject>(value);
    if (!record) throw new LogSkipException(LogSkipCode.NOT_JSON, 'a JSON line that is not an object');
    const raw = asObject<JsonObject>(record['result'])?.['_raw'];
    if (typeof raw === 'string' && raw.startsWith('{')) return this.jsonRecord(raw);
    return record;
  }
}
