import { type ApiCall } from '@apiscope/contracts';

import { type LogSkipCode } from './log-skip.exception';

export interface LogReadOptions {
  /** Becomes `sensor.id` and the first part of every event id. */
  sensorId: string;
  /**
   * Names the content being read in event ids (`${sensorId}:${source}:${line}`). The log sensor
   * passes a fingerprint of the file's first record, so the same lines read again, under a rotated
   * name or from a `.gz`, get the same ids and the pipeline drops the repeat.
   */
  source: string;
  /** nginx: a `log_format` string or a preset name (`combined`, `upstreaminfo`, ...). */
  nginxFormat?: string;
  /** Body bytes kept when a gateway logs bodies (Kong); default 65536 (DESIGN.md). */
  maxBodyBytes?: number;
  /** Check every event against ApiCall v1 (default true); the benchmark measures both. */
  validate?: boolean;
}

/** One event, and the endpoint template the gateway reported (kept beside it: contract v1 has no field). */
export interface LogRecord {
  call: ApiCall;
  route?: string;
}

/** A line that produced no event, with its 1-based number and why. */
export interface LogSkip {
  line: number;
  code: LogSkipCode;
  reason: string;
}

/** Where a line parser delivers what it read, in input order. */
export interface LogRecordSink {
  record(record: LogRecord): void;
  skip(skip: LogSkip): void;
}

export interface LogReadResult {
  records: LogRecord[];
  skipped: LogSkip[];
}
