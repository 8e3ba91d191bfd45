import { open } from 'node:fs/promises';
import { join } from 'node:path';

import { type FollowContext } from './follow-context.type';
import { LOG_OFFSETS_FILE } from './follow-log-files.usecase';
import { GenerationSource } from './generation-source';
import { contentFrom, contentHead, headerLines } from './log-content.util';
import { fingerprintOf } from './log-fingerprint.util';
import { LogInputException, LogInputExceptionCode } from './log-input.exception';
import { newInputStats, type LogInputStats } from './log-input-stats.type';
import { LogOffsetsRepository } from './log-offsets.repository';
import { type LogSensorSettings } from './log-sensor-settings.type';

export interface ResumeSettings extends Omit<LogSensorSettings, 'format'> {
  format: FollowContext['format'];
  dataDir: string;
  /**
   * Crash tests (`APISCOPE_FAULT_CRASH_AFTER_BATCHES`): SIGKILL after the sink accepted this run's
   * Nth batch and before its offset is saved, the moment a restart must not count that batch twice.
   */
  crashAfterBatches?: number;
}

function openOffsets(file: string): LogOffsetsRepository {
  try {
    return new LogOffsetsRepository(file);
  } catch (error) {
    throw new LogInputException(
      LogInputExceptionCode.UNREADABLE,
      `${(error as Error).message}: fix or delete it (the logs would be read again from their start)`,
    );
  }
}

/**
 * `--file F --resume` without `--follow`: each file is read once to its end, its offset (per
 * content fingerprint, in the `--follow` offsets file) saved after every batch the sink accepted,
 * so a run killed mid-file continues after the last saved batch. Batches are aligned on line
 * numbers, so the one batch a kill can leave unsaved is sent again unchanged: the ingest's batch
 * deduplication token stores it once. A file read to its end is not read again.
 */
export async function resumeLogFiles(
  paths: readonly string[],
  settings: ResumeSettings,
): Promise<LogInputStats[]> {
  const store = openOffsets(join(settings.dataDir, LOG_OFFSETS_FILE));
  let batches = 0;
  const ctx: FollowContext = {
    settings,
    format: settings.format,
    store,
    owners: new Set(),
    quietMs: 0,
    retireMs: 0,
    onDelivered: () => {
      batches += 1;
      if (batches === settings.crashAfterBatches) process.kill(process.pid, 'SIGKILL');
      store.save();
    },
  };
  const all: LogInputStats[] = [];
  for (const path of paths) all.push(await resumeOne(ctx, path));
  return all;
}

async function resumeOne(ctx: FollowContext, path: string): Promise<LogInputStats> {
  const stats = newInputStats(path);
  const head = await contentHead(path).catch((cause: unknown) => {
    throw LogInputException.unreadable(path, cause);
  });
  const fingerprint = fingerprintOf(head, 'complete');
  if (fingerprint === undefined) return stats; // empty: nothing to read, nothing to remember
  const saved = ctx.store.get(fingerprint.id);
  if (saved?.complete === true) {
    stats.warnings.push(`already read to its end (line ${saved.line}) by an earlier run: nothing sent`);
    return stats;
  }
  const start = saved ? { offset: saved.offset, line: saved.line } : { offset: 0, line: 0 };
  const handle = await open(path, 'r').catch((cause: unknown) => {
    throw LogInputException.unreadable(path, cause);
  });
  const { ino, dev } = await handle.stat();
  const source = new GenerationSource(ctx, path, handle, ino, dev, fingerprint, start, stats);
  if (ctx.format === 'zeek' && start.offset > 0) source.reader.preamble(headerLines(head));
  if (start.offset > 0)
    stats.warnings.push(`resumed at line ${start.line + 1} (earlier lines were delivered before)`);
  try {
    // decompressed when it is a rotated .gz (offsets count content bytes, as --follow's do)
    await source.pushFrom((await contentFrom(path, start.offset)) as AsyncIterable<Buffer>);
  } catch (cause) {
    await source.pause(false);
    throw cause;
  }
  await source.finish();
  return stats;
}
