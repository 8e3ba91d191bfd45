import { open, stat } from 'node:fs/promises';

import { type FollowContext } from './follow-context.type';
import { GenerationSource } from './generation-source';
import { rotatedSiblings } from './glob.util';
import { contentFrom, contentHead, headerLines, readHeadOf } from './log-content.util';
import { digest, fingerprintOf, type LogFingerprint } from './log-fingerprint.util';
import { newInputStats, type LogInputStats } from './log-input-stats.type';
import { recoverGeneration } from './recover-generation.usecase';

/**
 * `--follow` for one path, polled. It survives:
 *  - rename rotation (logrotate `create`): the path names a new file; the old one is read to its end
 *    and kept open while a writer may still append to it (`retireMs`), then the new one is read;
 *  - copytruncate: the file shrinks or its first bytes change; what was written between the last
 *    read and the truncation is read from the copy beside it (same fingerprint), then the file anew;
 *  - restarts: offsets are saved per content fingerprint after delivery; a generation rotated away
 *    while the sensor was down is found beside the path (`.1`, `.1.gz`, ...) and finished first.
 */
export class FollowedLog {
  readonly stats: LogInputStats;
  private active: GenerationSource | undefined;
  private retiring: GenerationSource[] = [];
  private waitingSince: number | undefined;
  private recovered = false;
  private waitingReported = false;

  constructor(
    private readonly ctx: FollowContext,
    readonly path: string,
  ) {
    this.stats = newInputStats(path);
  }

  async poll(): Promise<void> {
    for (const old of [...this.retiring]) {
      if ((await old.pump()) || Date.now() - old.lastData < this.ctx.retireMs) continue;
      await old.finish();
      this.retiring = this.retiring.filter((r) => r !== old);
    }
    if (!this.active) await this.openPath();
    const active = this.active;
    if (!active) return;
    if (await this.truncated(active)) {
      await this.recoverCopy(active);
      await active.finish();
      this.active = undefined;
      return this.openPath();
    }
    await active.pump();
    const now = await stat(this.path).catch(() => undefined);
    if (now && (now.ino !== active.ino || now.dev !== active.dev)) {
      this.retiring.push(active);
      this.active = undefined;
      await this.openPath();
    }
  }

  /** Stopping: everything complete is delivered (unless the sink failed) and its offset saved. */
  async stop(deliver: boolean): Promise<void> {
    for (const source of [...this.retiring, ...(this.active ? [this.active] : [])])
      await source.pause(deliver);
    this.retiring = [];
    this.active = undefined;
  }

  private async openPath(): Promise<void> {
    const handle = await open(this.path, 'r').catch(() => undefined);
    if (!handle) {
      if (!this.waitingReported) this.ctx.settings.warn(`${this.path}: does not exist (yet); waiting for it`);
      this.waitingReported = true;
      return;
    }
    this.waitingReported = false;
    const { ino, dev } = await handle.stat();
    const head = await readHeadOf(handle);
    const fingerprint = this.known(head) ?? this.fresh(head);
    if (!fingerprint || this.ctx.owners.has(fingerprint.id)) {
      // too short to name yet, or still read through the handle of its old name
      await handle.close();
      return;
    }
    if (!this.recovered) {
      this.recovered = true;
      await this.recoverRotatedAway(fingerprint.id);
    }
    const saved = this.ctx.store.get(fingerprint.id);
    const start = saved ? { offset: saved.offset, line: saved.line } : { offset: 0, line: 0 };
    this.active = new GenerationSource(this.ctx, this.path, handle, ino, dev, fingerprint, start, this.stats);
    if (this.ctx.format === 'zeek' && start.offset > 0) this.active.reader.preamble(headerLines(head));
  }

  /** A generation saved earlier whose span matches this head (its span may differ from a fresh one). */
  private known(head: Buffer): LogFingerprint | undefined {
    for (const [id, saved] of this.ctx.store.readAt(this.path)) {
      if (saved.span <= head.length && digest(head.subarray(0, saved.span)) === id)
        return { id, span: saved.span };
    }
    const fresh = fingerprintOf(head, 'growing');
    return fresh && this.ctx.store.get(fresh.id)?.span === fresh.span ? fresh : undefined;
  }

  private fresh(head: Buffer): LogFingerprint | undefined {
    const fingerprint = fingerprintOf(head, 'growing');
    if (fingerprint) {
      this.waitingSince = undefined;
      return fingerprint;
    }
    this.waitingSince ??= Date.now();
    return Date.now() - this.waitingSince >= this.ctx.quietMs ? fingerprintOf(head, 'quiet') : undefined;
  }

  /** Shrunk below what was read, or different first bytes: truncated (copytruncate) since the last poll. */
  private async truncated(source: GenerationSource): Promise<boolean> {
    const { size } = await source.handle.stat();
    if (size < source.position) return true;
    const head = await readHeadOf(source.handle, source.fingerprint.span);
    return digest(head) !== source.fingerprint.id;
  }

  /** The copy beside the path holds what the truncation removed after `position`. */
  private async recoverCopy(source: GenerationSource): Promise<void> {
    for (const sibling of rotatedSiblings(this.path)) {
      const head = await contentHead(sibling, source.fingerprint.span).catch(() => Buffer.alloc(0));
      if (digest(head) !== source.fingerprint.id) continue;
      await source.pushFrom((await contentFrom(sibling, source.position)) as AsyncIterable<Buffer>);
      return;
    }
    this.stats.warnings.push(
      `${this.path} was truncated and no copy of it was found beside it: lines after line ${source.reader.line} written just before the truncation may be missing`,
    );
  }

  /** Generations last read at this path that are no longer there (rotated while the sensor was down). */
  private async recoverRotatedAway(current: string): Promise<void> {
    for (const [id, saved] of this.ctx.store.readAt(this.path)) {
      if (id === current || saved.complete === true || this.ctx.owners.has(id)) continue;
      const found = await recoverGeneration(this.ctx, id, saved, rotatedSiblings(this.path), this.stats);
      if (!found) {
        this.stats.warnings.push(
          `${this.path} was rotated while the sensor was stopped and its old content was not found beside it: lines after line ${saved.line} of it are missing`,
        );
        this.ctx.store.delete(id);
      }
    }
  }
}
