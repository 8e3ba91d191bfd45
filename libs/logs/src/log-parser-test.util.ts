import { type ApiCall } from '@apiscope/contracts';

import { type LineLogFormat } from './log-format.constant';
import { parseLogText } from './log-parser.factory';
import { type LogReadOptions, type LogRecord, type LogSkip } from './log-read.type';

/** Test helpers shared by the format specs (not exported from the lib). */
export const TEST_OPTIONS: LogReadOptions = { sensorId: 'gw', source: 'f' };

/** The single record a text yields; fails the test with the skips otherwise. */
export function recordOf(
  format: LineLogFormat,
  text: string,
  options: Partial<LogReadOptions> = {},
): LogRecord {
  const result = parseLogText(format, text, { ...TEST_OPTIONS, ...options });
  if (result.records.length !== 1) {
    throw new Error(
      `expected one record, got ${result.records.length}; skips: ${JSON.stringify(result.skipped)}`,
    );
  }
  return result.records[0];
}

export function callOf(format: LineLogFormat, text: string, options: Partial<LogReadOptions> = {}): ApiCall {
  return recordOf(format, text, options).call;
}

/** The single skip a text yields (and no record). */
export function skipOf(format: LineLogFormat, text: string, options: Partial<LogReadOptions> = {}): LogSkip {
  const result = parseLogText(format, text, { ...TEST_OPTIONS, ...options });
  if (result.records.length !== 0 || result.skipped.length !== 1) {
    throw new Error(`expected one skip, got ${JSON.stringify(result)}`);
  }
  return result.skipped[0];
}
