import { type LineLogFormat, logSensorKind } from './log-format.constant';
import { LogLineParser } from './log-line.parser';
import { type LogReadOptions, type LogReadResult, type LogRecordSink } from './log-read.type';
import { type LogReader } from './log-reader.type';
import { AlbReader } from './alb.parser';
import { ApiGatewayReader } from './apigw.parser';
import { EnvoyReader } from './envoy.parser';
import { KongReader } from './kong.parser';
import { NginxJsonReader } from './nginx-json.parser';
import { NginxReader } from './nginx.parser';
import { ZeekReader } from './zeek.parser';

function readerFor(format: LineLogFormat, options: LogReadOptions): LogReader {
  switch (format) {
    case 'nginx':
      return new NginxReader(options.nginxFormat);
    case 'nginx-json':
      return new NginxJsonReader(options.nginxFormat);
    case 'envoy':
      return new EnvoyReader();
    case 'kong':
      return new KongReader();
    case 'apigw':
      return new ApiGatewayReader();
    case 'alb':
      return new AlbReader();
    case 'zeek':
      return new ZeekReader();
  }
}

/**
 * A parser for one input (one file, or stdin) in a line format. Throws RangeError for unusable
 * options (an empty sensor id, an nginx format that names no variable): usage errors, not input errors.
 */
export function createLogLineParser(
  format: LineLogFormat,
  options: LogReadOptions,
  sink: LogRecordSink,
): LogLineParser {
  return new LogLineParser(readerFor(format, options), logSensorKind(format), options, sink);
}

/** Reads a whole text (tests, small inputs): every line's event or skip, in order. */
export function parseLogText(format: LineLogFormat, text: string, options: LogReadOptions): LogReadResult {
  const result: LogReadResult = { records: [], skipped: [] };
  const parser = createLogLineParser(format, options, {
    record: (r) => result.records.push(r),
    skip: (s) => result.skipped.push(s),
  });
  const lines = text.split('\n');
  // a final line break ends the last line; it does not start an empty one
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, index) => parser.push(line.endsWith('\r') ? line.slice(0, -1) : line, index + 1));
  parser.end();
  return result;
}
