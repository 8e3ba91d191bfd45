import { type LogSkip } from '@apiscope/logs';

import { type LogInputStats } from './log-input-stats.type';

/**
 * Counts a skipped line and reports it the first time its kind of problem appears in this input,
 * with its line number; later lines with the same problem are only counted, so one broken writer
 * cannot flood stderr.
 */
export function tallySkip(stats: LogInputStats, skip: LogSkip, warn: (line: string) => void): void {
  const tally = stats.skipped.get(skip.code);
  if (tally) {
    tally.count += 1;
    return;
  }
  stats.skipped.set(skip.code, { count: 1, firstLine: skip.line, reason: skip.reason });
  warn(
    `${stats.input}:${skip.line}: ${stats.unit} skipped, ${skip.reason} [${skip.code}]; further ${stats.unit === 'line' ? 'lines' : 'entries'} with this problem are counted in the summary`,
  );
}

const n = (value: number): string => value.toLocaleString('en-US');

/** One line per input: `access.log: 120 lines, 118 events (98.3% parsed), 118 delivered to stdout, 2 skipped (NOT_HTTP 2 from line 7)`. */
export function formatInputSummary(stats: LogInputStats, sinkName: string): string {
  const skipped = [...stats.skipped.values()].reduce((sum, t) => sum + t.count, 0);
  const kinds = [...stats.skipped].map(
    ([code, t]) => `${code} ${n(t.count)} from ${stats.unit} ${t.firstLine}`,
  );
  const delivered =
    stats.refused > 0
      ? `${n(stats.accepted)} accepted by ${sinkName}, ${n(stats.refused)} refused`
      : `${n(stats.accepted)} delivered to ${sinkName}`;
  // records: lines that hold a log record (not blank lines or `#` headers), or multi-line JSON records
  const records = stats.events + skipped;
  const share = records === 0 ? '' : ` (${((100 * stats.events) / records).toFixed(1)}% parsed)`;
  return `${stats.input}: ${n(stats.lines)} ${stats.unit === 'line' ? 'lines' : 'entries'}, ${n(stats.events)} events${share}, ${delivered}, ${n(skipped)} skipped${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}`;
}
