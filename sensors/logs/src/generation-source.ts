import { type FileHandle } from 'node:fs/promises';

import { deliverBatches } from './deliver-batches.util';
import { type FollowContext } from './follow-context.type';
import { GenerationReader } from './generation.reader';
import { type LogFingerprint } from './log-fingerprint.util';
import { type LogInputStats } from './log-input-stats.type';
import { DEFAULT_BLOCK_LINES } from './log-sensor-settings.type';
import { readOptionsOf } from './read-options.util';
import { tallySkip } from './skip-report.util';

const CHUNK_BYTES = 1 << 18;

/**
 * One generation of a followed log, read through an open handle: its reader, how far the raw bytes
 * were read (`position`, ahead of the reader's offset by any unfinished line), and where its
 * delivered offset is saved. Owns its fingerprint in `ctx.owners` until `finish`.
 */
export class GenerationSource {
  readonly reader: GenerationReader;
  position: number;
  lastData: number;

  constructor(
    private readonly ctx: FollowContext,
    readonly path: string,
    readonly handle: FileHandle,
    readonly ino: number,
    readonly dev: number,
    readonly fingerprint: LogFingerprint,
    start: { offset: number; line: number },
    private readonly stats: LogInputStats,
  ) {
    ctx.owners.add(fingerprint.id);
    this.position = start.offset;
    this.lastData = Date.now();
    const { settings } = ctx;
    this.reader = new GenerationReader({
      format: ctx.format,
      read: readOptionsOf(settings),
      fingerprint,
      startOffset: start.offset,
      startLine: start.line,
      blockLines: settings.blockLines ?? DEFAULT_BLOCK_LINES,
      trackOffsets: true,
      stats,
      onSkip: (skip) => tallySkip(stats, skip, settings.warn),
    });
  }

  /** Reads what was appended since the last call and delivers it; true when anything was read. */
  async pump(): Promise<boolean> {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let any = false;
    for (;;) {
      const { bytesRead } = await this.handle.read(buffer, 0, CHUNK_BYTES, this.position);
      if (bytesRead === 0) break;
      any = true;
      this.position += bytesRead;
      this.reader.push(buffer.subarray(0, bytesRead));
      await this.deliver();
    }
    if (any) {
      this.lastData = Date.now();
      // caught up: what is pending goes now, not at its block's end
      this.reader.idle();
      await this.deliver();
    }
    return any;
  }

  /** Bytes that another file holds for this generation (the copy left by copytruncate). */
  async pushFrom(chunks: AsyncIterable<Buffer>): Promise<void> {
    for await (const chunk of chunks) {
      this.position += chunk.length;
      this.reader.push(chunk);
      await this.deliver();
    }
  }

  /** No more bytes will come: the last line without a line break counts, offsets are final. */
  async finish(): Promise<void> {
    this.reader.end();
    await this.deliver(true);
    this.ctx.owners.delete(this.fingerprint.id);
    await this.handle.close();
  }

  /**
   * Stopping (SIGINT): deliver what is complete, keep the unfinished line for the next run. After a
   * sink failure nothing is delivered: the saved offsets already stop at the last delivered batch.
   */
  async pause(deliver: boolean): Promise<void> {
    try {
      if (deliver) {
        this.reader.idle();
        await this.deliver();
      }
    } finally {
      this.ctx.owners.delete(this.fingerprint.id);
      await this.handle.close();
    }
  }

  private async deliver(complete = false): Promise<void> {
    const batches = this.reader.takeReady();
    const record = (offset: number, line: number, done: boolean) =>
      this.ctx.store.set(this.fingerprint.id, {
        span: this.fingerprint.span,
        offset,
        line,
        path: this.path,
        ...(done && { complete: done }),
      });
    // batch by batch, so a `--resume` run can save each offset as soon as its batch is delivered
    for (const batch of batches) {
      await deliverBatches([batch], this.ctx.settings.sink, this.stats, this.ctx.settings.warn);
      record(batch.offset, batch.line, false);
      this.ctx.onDelivered?.();
    }
    if (!complete) return;
    const last = batches[batches.length - 1];
    record(last?.offset ?? this.reader.offset, last?.line ?? this.reader.line, true);
    this.ctx.onDelivered?.();
  }
}
