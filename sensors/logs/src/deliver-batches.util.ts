import { type CallSink } from './call-sink.type';
import { type GenerationBatch } from './generation.reader';
import { type LogInputStats } from './log-input-stats.type';

/**
 * Sends ready batches in order and counts the sink's verdicts. A refused event (the pipeline's
 * contract check disagrees with the sensor's, or the remote runs another version) is reported once
 * per input with its reason; a sink failure throws and stops the input, offsets unsaved.
 */
export async function deliverBatches(
  batches: readonly GenerationBatch[],
  sink: CallSink,
  stats: LogInputStats,
  warn: (line: string) => void,
): Promise<void> {
  for (const batch of batches) {
    if (batch.records.length === 0) continue;
    const outcome = await sink.send(batch.records.map((r) => r.call));
    stats.accepted += outcome.accepted;
    if (outcome.rejected > 0 && stats.refused === 0) {
      const first = outcome.rejections[0];
      warn(
        `${stats.input}: ${sink.name} refused event ${batch.records[first.index]?.call.id ?? '?'}: ${first.reason}`,
      );
    }
    stats.refused += outcome.rejected;
  }
}
