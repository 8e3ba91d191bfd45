import { createBatchSender, sinkIdentity } from './batch-senders.util';
import { CaptureCheckpointRepository } from './capture-checkpoint.repository';
import { CheckpointedCallProducer } from './checkpointed-call.producer';
import { PcapSensorException, PcapSensorExceptionCode } from './pcap-sensor.exception';
import { type PcapSensorOptions } from './pcap-sensor-options.type';
import { ResumeFilter } from './resume-filter.util';

/**
 * One `--resume` run of a capture file. TCP reassembly and HTTP parsing state is not checkpointed
 * (it would cost a snapshot of every open connection): the capture is read again from its start,
 * which rebuilds that state exactly, and the events the checkpoint counts as delivered are dropped
 * before the sink (ResumeFilter). Reading is the cheap part; nothing is sent twice.
 */
export class ResumeSession {
  private constructor(
    readonly store: CaptureCheckpointRepository,
    readonly producer: CheckpointedCallProducer,
    readonly filter: ResumeFilter,
    /** Workers of the checkpoint: the per-shard counts only hold for the same sharding. */
    readonly workers: number,
    /** Events of the unconfirmed batch a killed run left, sent again first. */
    private readonly replayed: number,
  ) {}

  static async open(options: PcapSensorOptions): Promise<ResumeSession> {
    const resume = options.resume;
    if (resume === undefined || options.source.kind !== 'file')
      throw new PcapSensorException(PcapSensorExceptionCode.BAD_INPUT, '--resume needs --file');
    let store: CaptureCheckpointRepository;
    try {
      store = await CaptureCheckpointRepository.open(
        resume.dataDir,
        options.source.path,
        {
          sensorId: options.sensorId,
          workers: Math.max(1, options.workers),
          maxBodyBytes: options.maxBodyBytes,
          maxFlows: options.maxFlows ?? null,
          memoryLimitBytes: options.memoryLimitBytes ?? null,
        },
        sinkIdentity(options.sink),
      );
    } catch (error) {
      if (error instanceof PcapSensorException) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new PcapSensorException(
        PcapSensorExceptionCode.BAD_INPUT,
        `cannot read capture file ${options.source.path}: ${code}`,
      );
    }
    const producer = new CheckpointedCallProducer(await createBatchSender(options.sink), store, {
      ...(resume.batchEvents !== undefined && { batchEvents: resume.batchEvents }),
      ...(resume.crashAfterBatches !== undefined && { crashAfterBatches: resume.crashAfterBatches }),
    });
    const replayed = await producer.replayPending();
    // built after the replay, so the filter skips what the replay just delivered too
    const checkpoint = store.checkpoint;
    return new ResumeSession(
      store,
      producer,
      new ResumeFilter(checkpoint.delivered),
      checkpoint.settings.workers,
      replayed,
    );
  }

  /** After the sink confirmed everything: the checkpoint is complete; one line for the summary. */
  finish(requestedWorkers: number): string {
    this.store.markComplete();
    const parts = [`checkpoint ${this.store.path}`];
    if (requestedWorkers !== this.workers)
      parts.push(`${this.workers} workers as when the capture was started, not ${requestedWorkers}`);
    if (this.filter.skipped > 0) parts.push(`${this.filter.skipped} events delivered before were skipped`);
    if (this.replayed > 0) parts.push(`an unconfirmed batch of ${this.replayed} was sent again`);
    if (this.filter.remaining > 0)
      parts.push(
        `WARNING: the capture gave ${this.filter.remaining} fewer events than the checkpoint had delivered (another apiscope version?)`,
      );
    return `resumed (${parts.join('; ')})`;
  }
}
