import { type LogSkipCode } from '@apiscope/logs';

export interface SkipTally {
  count: number;
  firstLine: number;
  reason: string;
}

/** What one input (a file, its rotated generations, or stdin) gave; printed in the summary. */
export interface LogInputStats {
  input: string;
  /** What `lines` counts: lines of a log, or entries of a HAR file. */
  unit: 'line' | 'entry';
  lines: number;
  events: number;
  skipped: Map<LogSkipCode, SkipTally>;
  accepted: number;
  refused: number;
  /** Problems of the input itself (rotation without a copy found, unreadable file). */
  warnings: string[];
}

export function newInputStats(input: string, unit: LogInputStats['unit'] = 'line'): LogInputStats {
  return { input, unit, lines: 0, events: 0, skipped: new Map(), accepted: 0, refused: 0, warnings: [] };
}
