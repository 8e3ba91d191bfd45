import { type LogFormat, isLogFormat, LOG_FORMATS } from '@apiscope/logs';
import {
  BusSink,
  formatInputSummary,
  type LogInputStats,
  LogInputException,
  runLogSensor,
} from '@apiscope/sensor-logs';
import { type InProcessBus } from '@apiscope/transport';

import { DEFAULT_LOG_SENSOR_ID } from './sensor-logs.command';
import { UsageException } from './usage.exception';

export interface LogInputSpec {
  format: LogFormat;
  path: string;
}

/** `--log nginx:/var/log/nginx/access.log` (the path may be a glob). */
export function parseLogSpec(value: string): LogInputSpec {
  const colon = value.indexOf(':');
  const format = colon === -1 ? '' : value.slice(0, colon);
  const path = value.slice(colon + 1);
  if (!isLogFormat(format) || path === '') {
    throw new UsageException(
      `--log takes FORMAT:PATH with FORMAT one of ${LOG_FORMATS.join(', ')}, got "${value}"`,
    );
  }
  return { format, path };
}

function usage<T>(run: Promise<T>): Promise<T> {
  return run.catch((error: unknown) => {
    throw error instanceof LogInputException ? new UsageException(error.message) : error;
  });
}

/** `analyze --log`: reads each log once into the in-process pipeline; a summary line when lines were skipped. */
export async function ingestLogInput(bus: InProcessBus, spec: LogInputSpec): Promise<LogInputStats[]> {
  const stats = await usage(
    runLogSensor({
      files: [spec.path],
      follow: false,
      settings: {
        format: spec.format,
        sensorId: DEFAULT_LOG_SENSOR_ID,
        sink: new BusSink(bus, `log:${spec.path}`),
        warn: () => undefined,
      },
    }),
  );
  for (const input of stats) {
    if (input.skipped.size > 0 || input.refused > 0 || input.warnings.length > 0) {
      process.stderr.write(`${formatInputSummary(input, 'the pipeline')}\n`);
    }
  }
  return stats;
}

export interface FollowedLogInputs {
  /** Stops following, delivers what is complete, saves offsets. */
  stop(): Promise<void>;
}

/**
 * `up --log`: a log in a line format is followed for as long as apiscope runs (offsets in the data
 * directory, so a restart resumes); a HAR file is read once.
 */
export function followLogInputs(
  bus: InProcessBus,
  specs: readonly LogInputSpec[],
  dataDir: string,
  log: (line: string) => void,
): FollowedLogInputs {
  const controller = new AbortController();
  const runs = specs.map((spec) =>
    usage(
      runLogSensor({
        files: [spec.path],
        follow: spec.format !== 'har',
        signal: controller.signal,
        settings: {
          format: spec.format,
          sensorId: DEFAULT_LOG_SENSOR_ID,
          sink: new BusSink(bus, `log:${spec.path}`),
          warn: log,
          dataDir,
        },
      }),
    ).then(
      (stats) => stats.forEach((s) => log(formatInputSummary(s, 'the pipeline'))),
      (error: unknown) =>
        log(
          `--log ${spec.format}:${spec.path} stopped: ${error instanceof Error ? error.message : String(error)}`,
        ),
    ),
  );
  return {
    stop: async () => {
      controller.abort();
      await Promise.all(runs);
    },
  };
}
