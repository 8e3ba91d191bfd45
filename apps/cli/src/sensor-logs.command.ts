import { hostname } from 'node:os';

import { type Command } from 'commander';

import { isLogFormat, LOG_FORMATS } from '@apiscope/logs';
import { formatInputSummary, LogInputException, runLogSensor } from '@apiscope/sensor-logs';
import { DEFAULT_DATA_DIR } from '@apiscope/storage';

import { collect } from './cli-options.util';
import { sinkFromOption } from './sensor-sink.util';
import { UsageException } from './usage.exception';

interface SensorLogsOptions {
  format: string;
  file?: string[];
  stdin?: boolean;
  follow?: boolean;
  sink: string;
  apiKey?: string;
  sensorId: string;
  nginxFormat?: string;
  data: string;
  validate?: boolean;
  resume?: boolean;
}

/**
 * Crash tests: `APISCOPE_FAULT_CRASH_AFTER_BATCHES=N` makes a `--resume` run die by SIGKILL after the
 * sink accepted its Nth batch and before its offset is saved.
 */
function crashInjection(): { crashAfterBatches?: number } {
  const n = Number(process.env['APISCOPE_FAULT_CRASH_AFTER_BATCHES']);
  return Number.isInteger(n) && n > 0 ? { crashAfterBatches: n } : {};
}

/** Sensor ids are stable per host, so a restarted or re-run sensor produces the same event ids. */
export const DEFAULT_LOG_SENSOR_ID = `logs@${hostname()}`.slice(0, 128);

async function sensorLogs(options: SensorLogsOptions): Promise<void> {
  if (!isLogFormat(options.format))
    throw new UsageException(`--format must be one of ${LOG_FORMATS.join(', ')}`);
  const files = options.file ?? [];
  if (files.length > 0 === (options.stdin === true))
    throw new UsageException('give either --file F (repeatable) or --stdin');
  const warn = (line: string) => process.stderr.write(`apiscope: ${line}\n`);
  // offsets are kept: the sink must confirm what it holds before they move
  const keepsOffsets = options.follow === true || options.resume === true;
  const sink = sinkFromOption(
    options.sink,
    options.apiKey,
    keepsOffsets ? { dataDir: options.data, warn } : undefined,
  );
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const stats = await runLogSensor({
      files,
      ...(options.stdin === true && { stdin: process.stdin }),
      follow: options.follow === true,
      // --follow always resumes: its offsets are the same file
      resume: options.resume === true && options.follow !== true,
      ...(options.resume === true && crashInjection()),
      signal: controller.signal,
      settings: {
        format: options.format,
        sensorId: options.sensorId,
        ...(options.nginxFormat !== undefined && { nginxFormat: options.nginxFormat }),
        sink,
        warn,
        progress: process.stderr,
        dataDir: options.data,
        validate: options.validate === true,
      },
    });
    for (const input of stats) {
      for (const warning of input.warnings) process.stderr.write(`apiscope: ${input.input}: ${warning}\n`);
      process.stderr.write(`${formatInputSummary(input, sink.name)}\n`);
    }
  } catch (error) {
    if (error instanceof LogInputException) throw new UsageException(error.message);
    throw error;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await sink.close();
  }
}

export function registerSensorLogsCommand(sensor: Command): void {
  sensor
    .command('logs')
    .description(
      'read gateway access logs (files, globs, .gz, stdin; --follow across rotation) into ApiCall events',
    )
    .requiredOption('--format <format>', `log format: ${LOG_FORMATS.join(', ')}`)
    .option('--file <path>', 'log file or glob (repeatable); rotated .gz files are read as they are', collect)
    .option('--stdin', 'read the log from stdin')
    .option(
      '--follow',
      'keep reading what is appended, across rotation (rename and copytruncate) and restarts',
    )
    .option(
      '--sink <sink>',
      'stdout (NDJSON), http://HOST:PORT of a running apiscope or kafka://BROKERS/TOPIC',
      'stdout',
    )
    .option(
      '--api-key <key>',
      'API key with the ingest role, for an http:// sink (or APISCOPE_API_KEY)',
      process.env['APISCOPE_API_KEY'],
    )
    .option('--sensor-id <id>', 'sensor.id of the events', DEFAULT_LOG_SENSOR_ID)
    .option(
      '--nginx-format <format>',
      'nginx log_format string (the directive may be pasted whole) or preset: combined, main, upstreaminfo',
    )
    .option(
      '--resume',
      'with --file: save offsets after every batch the sink accepted and, after a crash or kill, continue from them (--follow always does)',
    )
    .option(
      '--data <dir>',
      'directory where --follow and --resume keep their offsets (log-offsets.json)',
      DEFAULT_DATA_DIR,
    )
    .option(
      '--validate',
      'check every event against ApiCall v1 before sending (slower; apiscope checks them on receipt)',
    )
    .action((options: SensorLogsOptions) => sensorLogs(options));
}
