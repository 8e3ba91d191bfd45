import { API_CALL_LIMITS, formatContractIssues, validateApiCall } from '@apiscope/contracts';

import { quoteValue } from './har-field.util';
import { JsonRecordAssembler, type AssembledRecord } from './json-record.assembler';
import { buildLogCall } from './log-call.util';
import { type LogExchange } from './log-exchange.type';
import { type LogReadOptions, type LogRecordSink } from './log-read.type';
import { type LogReader } from './log-reader.type';
import { LogSkipCode, LogSkipException } from './log-skip.exception';

/** Longest line or JSON record read (1 MiB of text): past it the record is skipped, not buffered. */
export const LOG_MAX_RECORD_CHARS = 1 << 20;

/** JSON.parse messages quote the input: keep the reason short and on one line. */
function oneLine(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
  return message.length > 120 ? `${message.slice(0, 120)}...` : message;
}

/**
 * Drives one format's reader over the lines of one input: ids, the ApiCall itself, validation, and
 * a typed skip for every line that yields nothing. Nothing a line holds can make it throw.
 * Event ids are `${sensorId}:${source}:${line}` (`.${index}` for the items of a JSON array record).
 */
export class LogLineParser {
  private readonly assembler = new JsonRecordAssembler(LOG_MAX_RECORD_CHARS);
  private readonly prefix: string;
  private readonly maxBodyBytes: number;
  private readonly sensor: { id: string; kind: string };

  constructor(
    private readonly reader: LogReader,
    kind: string,
    private readonly options: LogReadOptions,
    private readonly sink: LogRecordSink,
  ) {
    this.prefix = `${options.sensorId}:${options.source}:`;
    this.maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
    this.sensor = { id: options.sensorId, kind };
    if (options.sensorId === '' || options.sensorId.length > API_CALL_LIMITS.sensorFieldLength) {
      throw new RangeError(`sensorId must be 1 to ${API_CALL_LIMITS.sensorFieldLength} characters`);
    }
    if (this.prefix.length > API_CALL_LIMITS.idLength - 24)
      throw new RangeError('source is too long for event ids');
  }

  /** One line, without its line break; `lineNumber` counts from 1 in the input. */
  push(line: string, lineNumber: number): void {
    const reader = this.reader;
    if (reader.kind === 'json') return this.pushJson(line, lineNumber);
    if (line.length > LOG_MAX_RECORD_CHARS) return this.tooLong(lineNumber, line.length);
    let exchange: LogExchange | undefined;
    try {
      exchange = reader.readLine(line);
    } catch (error) {
      return this.failed(error, lineNumber);
    }
    if (exchange !== undefined) this.emit(exchange, lineNumber, String(lineNumber));
  }

  /** End of input: reports a JSON record left open. */
  end(): void {
    const left = this.assembler.end();
    if (left) this.onAssembled(left);
  }

  private pushJson(line: string, lineNumber: number): void {
    if (this.assembler.isOpen) {
      const record = this.assembler.push(line);
      if (record) this.onAssembled(record);
      return;
    }
    const text = line.trim();
    if (text === '') return;
    if (text.length > LOG_MAX_RECORD_CHARS) return this.tooLong(lineNumber, text.length);
    const first = text.charCodeAt(0);
    if (first !== 0x7b && first !== 0x5b) {
      return this.skip(lineNumber, LogSkipCode.NOT_JSON, `not a JSON record: ${quoteValue(text)}`);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      const record = this.assembler.begin(text, lineNumber);
      if (record) this.onAssembled(record);
      return;
    }
    this.onValue(value, lineNumber);
  }

  private onAssembled(record: AssembledRecord): void {
    switch (record.kind) {
      case 'too-long':
        return this.tooLong(record.line, record.chars);
      case 'not-json':
        return this.skip(record.line, LogSkipCode.NOT_JSON, 'not a JSON record (brackets do not balance)');
      case 'record':
        try {
          this.onValue(JSON.parse(record.text), record.line);
        } catch (error) {
          this.skip(record.line, LogSkipCode.NOT_JSON, `invalid JSON (${oneLine(error)})`);
        }
    }
  }

  private onValue(value: unknown, line: number): void {
    if (!Array.isArray(value)) return this.readJson(value, line, String(line));
    (value as unknown[]).forEach((item, index) => this.readJson(item, line, `${line}.${index}`));
  }

  private readJson(value: unknown, line: number, ref: string): void {
    if (this.reader.kind !== 'json') return;
    let exchange: LogExchange | undefined;
    try {
      exchange = this.reader.readRecord(value);
    } catch (error) {
      return this.failed(error, line);
    }
    if (exchange !== undefined) this.emit(exchange, line, ref);
  }

  private emit(exchange: LogExchange, line: number, ref: string): void {
    try {
      const call = buildLogCall(exchange, {
        id: this.prefix + ref,
        sensor: this.sensor,
        maxBodyBytes: this.maxBodyBytes,
      });
      if (this.options.validate !== false) {
        const validation = validateApiCall(call);
        if (!validation.ok) {
          return this.skip(
            line,
            LogSkipCode.CONTRACT,
            `not a valid ApiCall: ${formatContractIssues(validation.issues)}`,
          );
        }
      }
      this.sink.record(exchange.route === undefined ? { call } : { call, route: exchange.route });
    } catch (error) {
      this.failed(error, line);
    }
  }

  /** A LogSkipException is the reader's verdict; anything else is a bug met on hostile input. */
  private failed(error: unknown, line: number): void {
    if (error instanceof LogSkipException) this.skip(line, error.code, error.message);
    else this.skip(line, LogSkipCode.UNEXPECTED, `unexpected error: ${oneLine(error)}`);
  }

  private tooLong(line: number, chars: number): void {
    this.skip(
      line,
      LogSkipCode.TOO_LONG,
      `record of ${chars} characters, over the ${LOG_MAX_RECORD_CHARS} limit`,
    );
  }

  private skip(line: number, code: LogSkipCode, reason: string): void {
    this.sink.skip({ line, code, reason });
  }
}
