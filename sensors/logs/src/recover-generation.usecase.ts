import { type FollowContext } from './follow-context.type';
import { GenerationReader } from './generation.reader';
import { deliverBatches } from './deliver-batches.util';
import { contentFrom, contentHead, headerLines } from './log-content.util';
import { digest } from './log-fingerprint.util';
import { type LogInputStats } from './log-input-stats.type';
import { type GenerationOffset } from './log-offsets.repository';
import { DEFAULT_BLOCK_LINES } from './log-sensor-settings.type';
import { readOptionsOf } from './read-options.util';
import { tallySkip } from './skip-report.util';

/**
 * Finishes a generation that was rotated away while the sensor was stopped: among `candidates`
 * (the rotated files beside its old path, compressed or not) the one whose first bytes match its
 * fingerprint is read from the saved offset to its end. False when none matches.
 */
export async function recoverGeneration(
  ctx: FollowContext,
  id: string,
  saved: GenerationOffset,
  candidates: readonly string[],
  stats: LogInputStats,
): Promise<boolean> {
  for (const candidate of candidates) {
    const head = await contentHead(candidate).catch(() => Buffer.alloc(0));
    if (head.length < saved.span || digest(head.subarray(0, saved.span)) !== id) continue;
    const { settings } = ctx;
    ctx.owners.add(id);
    try {
      const reader = new GenerationReader({
        format: ctx.format,
        read: readOptionsOf(settings),
        fingerprint: { id, span: saved.span },
        startOffset: saved.offset,
        startLine: saved.line,
        blockLines: settings.blockLines ?? DEFAULT_BLOCK_LINES,
        trackOffsets: true,
        stats,
        onSkip: (skip) => tallySkip(stats, skip, settings.warn),
      });
      if (ctx.format === 'zeek' && saved.offset > 0) reader.preamble(headerLines(head));
      for await (const chunk of (await contentFrom(candidate, saved.offset)) as AsyncIterable<Buffer>) {
        reader.push(chunk);
        await deliverBatches(reader.takeReady(), settings.sink, stats, settings.warn);
      }
      reader.end();
      await deliverBatches(reader.takeReady(), settings.sink, stats, settings.warn);
      ctx.store.set(id, {
        span: saved.span,
        offset: reader.offset,
        line: reader.line,
        path: candidate,
        complete: true,
      });
    } finally {
      ctx.owners.delete(id);
    }
    return true;
  }
  return false;
}
