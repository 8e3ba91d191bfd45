import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { type LineLogFormat } from '@apiscope/logs';

import { FollowedLog } from './followed-log';
import { type LogInputStats } from './log-input-stats.type';
import { LogOffsetsRepository } from './log-offsets.repository';
import { type LogSensorSettings } from './log-sensor-settings.type';

/** The offsets file in the data directory (`--data`, `.apiscope` by default). */
export const LOG_OFFSETS_FILE = 'log-offsets.json';

export interface FollowSettings extends LogSensorSettings {
  format: LineLogFormat;
  dataDir: string;
  /** Between two looks at every file (default 250 ms). */
  pollMs?: number;
  quietMs?: number;
  retireMs?: number;
  /** Offsets are written at most this often while running, and always on stop (default 1 s). */
  saveEveryMs?: number;
}

/**
 * `--follow`: reads the files, then keeps reading what is appended, across rotations, until
 * `signal` aborts; then delivers what is complete, saves offsets and returns each file's tallies.
 * A sink failure (the remote apiscope unreachable after its retries) ends the loop with that error;
 * offsets stay at the last delivered batch, so a restart resumes there.
 */
export async function followLogFiles(
  paths: readonly string[],
  settings: FollowSettings,
  signal: AbortSignal,
): Promise<LogInputStats[]> {
  const store = new LogOffsetsRepository(join(settings.dataDir, LOG_OFFSETS_FILE));
  const ctx = {
    settings,
    format: settings.format,
    store,
    owners: new Set<string>(),
    quietMs: settings.quietMs ?? 2000,
    retireMs: settings.retireMs ?? 5000,
  };
  const logs = paths.map((path) => new FollowedLog(ctx, path));
  const saveEvery = settings.saveEveryMs ?? 1000;
  let saved = Date.now();
  let failed = false;
  try {
    while (!signal.aborted) {
      for (const log of logs) {
        if (signal.aborted) break;
        await log.poll();
      }
      if (Date.now() - saved >= saveEvery) {
        store.save();
        saved = Date.now();
      }
      await sleep(settings.pollMs ?? 250, undefined, { signal }).catch(() => undefined);
    }
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    for (const log of logs) await log.stop(!failed).catch(() => undefined);
    store.save();
  }
  return logs.map((log) => log.stats);
}
