/** The `--format` values of `apiscope sensor logs` and `--log FORMAT:PATH` (DESIGN.md). */
export const LOG_FORMATS = ['nginx', 'nginx-json', 'envoy', 'kong', 'apigw', 'alb', 'har', 'zeek'] as const;

export type LogFormat = (typeof LOG_FORMATS)[number];

/** Formats read line by line (HAR is one JSON document and goes through `parseHar`). */
export type LineLogFormat = Exclude<LogFormat, 'har'>;

export function isLogFormat(value: string): value is LogFormat {
  return (LOG_FORMATS as readonly string[]).includes(value);
}

/** `sensor.kind` of the events a format yields: `log:nginx`, `log:zeek`, ... (HAR keeps `har`). */
export function logSensorKind(format: LineLogFormat): string {
  return `log:${format}`;
}
