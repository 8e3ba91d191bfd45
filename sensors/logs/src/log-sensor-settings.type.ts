import { type LogFormat } from '@apiscope/logs';

import { type CallSink } from './call-sink.type';
import { type ProgressStream } from './progress-bar.util';

export interface LogSensorSettings {
  format: LogFormat;
  /** `sensor.id` of every event and the first part of its id. */
  sensorId: string;
  /** nginx / nginx-json: a `log_format` string or preset name. */
  nginxFormat?: string;
  sink: CallSink;
  /** One line for stderr (a skipped line's first report, a rotation problem). */
  warn: (line: string) => void;
  /** Where the progress bar is drawn (stderr); none when absent. */
  progress?: ProgressStream;
  /** Lines per batch, aligned on line numbers (default 1000). */
  blockLines?: number;
  /**
   * Check each event against ApiCall v1 before sending (default false). The parsers build events
   * that are valid by construction (every contract bound is enforced while building, and property
   * tests on hostile input find no event the check refuses), and the pipeline checks every event it
   * receives; the check here costs ~40% of the parsing throughput (bench/logs.bench.ts).
   */
  validate?: boolean;
}

export const DEFAULT_BLOCK_LINES = 1000;
