import { type BatchSender } from './batch-sender.type';
import { type CallProducer } from './call.producer';
import { type CaptureCheckpointRepository } from './capture-checkpoint.repository';
import { type PendingBatch } from './capture-checkpoint.type';

/** Events per batch (one ingest request, one Kafka produce). */
export const RESUME_BATCH_EVENTS = 1000;
/** Events queued towards the sink past which the reader waits. */
const READ_AHEAD = 5000;

export interface CheckpointedProducerOptions {
  batchEvents?: number;
  /**
   * Fault injection for crash tests (`APISCOPE_FAULT_CRASH_AFTER_BATCHES`): after the sink accepted
   * this run's Nth batch and before the checkpoint records it, the process kills itself (SIGKILL):
   * the worst moment, where the next `--resume` must send that batch again without counting it twice.
   */
  crashAfterBatches?: number;
}

/**
 * The `--resume` producer: events in arrival order, cut into batches sent one at a time. Each batch
 * is written to the checkpoint's pending file before it is sent and counted per shard once the sink
 * accepted it, so the checkpoint always names a per-shard prefix of the events the sink holds.
 */
export class CheckpointedCallProducer implements CallProducer {
  private lines: string[] = [];
  private counts: number[];
  private chain: Promise<void> = Promise.resolve();
  private queued = 0;
  private failure: Error | undefined;
  private accepted = 0;
  private rejected = 0;
  private sentThisRun = 0;
  private readonly batchEvents: number;

  constructor(
    private readonly sender: BatchSender,
    private readonly store: CaptureCheckpointRepository,
    private readonly options: CheckpointedProducerOptions = {},
  ) {
    this.counts = new Array<number>(store.checkpoint.delivered.length).fill(0);
    this.batchEvents = options.batchEvents ?? RESUME_BATCH_EVENTS;
  }

  /**
   * Sends the batch a killed run left unconfirmed, unchanged, before anything else; a sink that
   * cannot drop repeats (Kafka) is first asked which of its events it lacks, and gets only those.
   */
  async replayPending(): Promise<number> {
    const pending = this.store.pending;
    if (pending === undefined) return 0;
    const missing =
      pending.mark !== undefined && this.sender.missing !== undefined
        ? await this.sender.missing(pending.lines, pending.mark)
        : pending.lines;
    await this.deliver(pending, missing);
    return missing.length;
  }

  write(ndjson: Buffer, _count: number, written: () => void, shard = 0): void {
    for (let start = 0; start < ndjson.length;) {
      let end = ndjson.indexOf(0x0a, start);
      if (end === -1) end = ndjson.length;
      if (end > start) {
        this.lines.push(ndjson.toString('utf8', start, end));
        this.counts[shard] += 1;
        if (this.lines.length >= this.batchEvents) this.flush();
      }
      start = end + 1;
    }
    written(); // every event was copied into its own string
  }

  async ready(): Promise<void> {
    this.rethrow();
    if (this.queued > READ_AHEAD) await this.chain;
    this.rethrow();
  }

  async close(): Promise<void> {
    this.flush();
    await this.chain;
    await this.sender.close();
    this.rethrow();
  }

  describe(): string {
    return this.sender.describe(this.accepted, this.rejected);
  }

  private rethrow(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  private flush(): void {
    if (this.lines.length === 0) return;
    const lines = this.lines;
    const counts = this.counts;
    this.lines = [];
    this.counts = new Array<number>(counts.length).fill(0);
    this.queued += lines.length;
    this.chain = this.chain.then(async () => {
      if (this.failure !== undefined) return;
      try {
        const mark = await this.sender.mark?.();
        await this.deliver(this.store.begin(counts, lines, mark));
      } catch (error) {
        this.failure = error instanceof Error ? error : new Error(String(error));
      } finally {
        this.queued -= lines.length;
      }
    });
  }

  private async deliver(batch: PendingBatch, lines: readonly string[] = batch.lines): Promise<void> {
    const outcome = lines.length === 0 ? { accepted: 0, rejected: 0 } : await this.sender.send(lines);
    this.accepted += outcome.accepted;
    this.rejected += outcome.rejected;
    this.sentThisRun += 1;
    if (this.sentThisRun === this.options.crashAfterBatches) process.kill(process.pid, 'SIGKILL');
    this.store.commit(batch);
  }
}
