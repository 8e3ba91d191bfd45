import { existsSync } from 'node:fs';
import { type Readable } from 'node:stream';

import { createLogLineParser } from '@apiscope/logs';

import { followLogFiles, type FollowSettings } from './follow-log-files.usecase';
import { expandFileArgument } from './glob.util';
import { LogInputException, LogInputExceptionCode } from './log-input.exception';
import { type LogInputStats } from './log-input-stats.type';
import { type LogSensorSettings } from './log-sensor-settings.type';
import { readLogInput } from './read-log-input.usecase';
import { resumeLogFiles } from './resume-log-files.usecase';

export interface LogSensorRun {
  /** `--file` arguments: paths or glob patterns. */
  files: readonly string[];
  /** Set for `--stdin`. */
  stdin?: Readable;
  follow: boolean;
  /** `--resume`: offsets saved per delivered batch, a killed run continues after them (files only). */
  resume?: boolean;
  /** Crash tests: see ResumeSettings.crashAfterBatches. */
  crashAfterBatches?: number;
  settings: LogSensorSettings & Partial<Omit<FollowSettings, keyof LogSensorSettings>>;
  /** Ends `--follow` (SIGINT, SIGTERM); a one-shot read ignores it. */
  signal?: AbortSignal;
}

function checkOptions(run: LogSensorRun): void {
  const { format, nginxFormat, sensorId } = run.settings;
  const bad = (message: string) => new LogInputException(LogInputExceptionCode.BAD_OPTION, message);
  if (run.follow && run.stdin) throw bad('--follow reads files; stdin is read to its end anyway');
  if (run.resume === true && run.stdin) throw bad('--resume needs --file: stdin cannot be read again');
  if (run.resume === true && format === 'har')
    throw bad(
      '--resume does not apply to HAR files (one JSON document each; reading one again is deduplicated)',
    );
  if (run.follow && format === 'har')
    throw bad('--follow does not apply to HAR files (one JSON document each)');
  if (nginxFormat !== undefined && format !== 'nginx' && format !== 'nginx-json') {
    throw bad('--nginx-format applies to --format nginx or nginx-json');
  }
  if (format === 'har') return;
  try {
    createLogLineParser(
      format,
      { sensorId, source: 'check', ...(nginxFormat !== undefined && { nginxFormat }) },
      { record: () => undefined, skip: () => undefined },
    );
  } catch (error) {
    throw bad((error as Error).message);
  }
}

/** Every file the arguments name; a pattern matching nothing, or a missing file outside --follow, is an input error. */
function resolveFiles(run: LogSensorRun): string[] {
  const files: string[] = [];
  for (const argument of run.files) {
    const matched = expandFileArgument(argument);
    if (matched.length === 0)
      throw new LogInputException(LogInputExceptionCode.NOT_FOUND, `no file matches ${argument}`);
    for (const file of matched) {
      // --follow waits for a file that does not exist yet, as `tail -F` does
      if (!run.follow && !existsSync(file))
        throw new LogInputException(LogInputExceptionCode.NOT_FOUND, `cannot read ${file}: no such file`);
      if (!files.includes(file)) files.push(file);
    }
  }
  return files;
}

/**
 * The log sensor: reads `--file` paths (globs, gzip-compressed rotated files) or stdin in one
 * format, once or following them, and delivers ApiCall events to the sink. Returns per-input
 * tallies for the summary. Throws LogInputException for unusable options or inputs.
 */
export async function runLogSensor(run: LogSensorRun): Promise<LogInputStats[]> {
  checkOptions(run);
  if (run.stdin) return [await readLogInput('-', run.settings, run.stdin)];
  const files = resolveFiles(run);
  if (files.length === 0)
    throw new LogInputException(LogInputExceptionCode.BAD_OPTION, 'no input: give --file or --stdin');
  if (run.follow) {
    const { settings } = run;
    if (settings.format === 'har')
      throw new LogInputException(LogInputExceptionCode.BAD_OPTION, '--follow does not apply to HAR');
    return followLogFiles(
      files,
      { ...settings, format: settings.format, dataDir: settings.dataDir ?? '.apiscope' },
      run.signal ?? new AbortController().signal,
    );
  }
  if (run.resume === true) {
    const { settings } = run;
    if (settings.format === 'har')
      throw new LogInputException(LogInputExceptionCode.BAD_OPTION, '--resume does not apply to HAR');
    return resumeLogFiles(files, {
      ...settings,
      format: settings.format,
      dataDir: settings.dataDir ?? '.apiscope',
      ...(run.crashAfterBatches !== undefined && { crashAfterBatches: run.crashAfterBatches }),
    });
  }
  const stats: LogInputStats[] = [];
  for (const file of files) stats.push(await readLogInput(file, run.settings));
  return stats;
}
