import { type LogExchange } from './log-exchange.type';

/**
 * A format's decoder for text lines. Returns the exchange a line holds, undefined for lines that hold
 * none by design (blank lines, `#` headers), and throws LogSkipException for a line it cannot read.
 * It may keep state between lines (Zeek's `#fields` header).
 */
export interface LogTextReader {
  readonly kind: 'text';
  readLine(line: string): LogExchange | undefined;
}

/** A format's decoder for JSON records; the line parser assembles records that span lines. */
export interface LogJsonReader {
  readonly kind: 'json';
  readRecord(value: unknown): LogExchange | undefined;
}

export type LogReader = LogTextReader | LogJsonReader;
