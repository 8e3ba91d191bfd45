import { HarFormatException, LogSkipCode, parseHar } from '@apiscope/logs';

import { deliverBatches } from './deliver-batches.util';
import { type GenerationBatch } from './generation.reader';
import { LogInputException, LogInputExceptionCode } from './log-input.exception';
import { digest } from './log-fingerprint.util';
import { type LogInputStats } from './log-input-stats.type';
import { DEFAULT_BLOCK_LINES, type LogSensorSettings } from './log-sensor-settings.type';
import { tallySkip } from './skip-report.util';

/**
 * `--format har`: a HAR file is one JSON document, read whole by the foundation's `parseHar`.
 * Ids become `${sensorId}:${digest of the file}:${entry}`, like the line formats' ids, so the same
 * export read again (or under another name) is recognised.
 */
export async function readHarInput(
  text: string,
  settings: LogSensorSettings,
  stats: LogInputStats,
): Promise<void> {
  let parsed: ReturnType<typeof parseHar>;
  try {
    parsed = parseHar(text, { sensorId: settings.sensorId });
  } catch (cause) {
    if (cause instanceof HarFormatException) {
      throw new LogInputException(LogInputExceptionCode.NOT_HAR, `${stats.input}: ${cause.message}`);
    }
    throw cause;
  }
  const prefix = `${settings.sensorId}:${digest(Buffer.from(text.slice(0, 1 << 20)))}:`;
  const entryPrefix = `${settings.sensorId}:`;
  stats.lines = parsed.calls.length + parsed.skipped.length;
  for (const skip of parsed.skipped) {
    tallySkip(stats, { line: skip.entry, code: LogSkipCode.HAR_ENTRY, reason: skip.reason }, settings.warn);
  }
  const block = settings.blockLines ?? DEFAULT_BLOCK_LINES;
  const batches: GenerationBatch[] = [];
  for (let i = 0; i < parsed.calls.length; i += block) {
    const records = parsed.calls.slice(i, i + block).map((call) => ({
      call: { ...call, id: prefix + call.id.slice(entryPrefix.length) },
    }));
    batches.push({ records, offset: 0, line: i + records.length });
  }
  stats.events = parsed.calls.length;
  await deliverBatches(batches, settings.sink, stats, settings.warn);
}
