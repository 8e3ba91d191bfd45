import { type CaptureStats, mergeCaptureStats, mergeRoutedCaptureStats } from '@apiscope/capture';

import { type CallProducer, createCallProducer } from './call.producer';
import { type ChunkSource, openFileSource, streamSource } from './chunk-source.util';
import { startLiveCapture } from './live-capture.util';
import { PcapSensorException, PcapSensorExceptionCode } from './pcap-sensor.exception';
import { type PcapSensorOptions } from './pcap-sensor-options.type';
import { ProgressBar } from './progress-bar.util';
import { type ResumeFilter } from './resume-filter.util';
import { ResumeSession } from './resume-session.util';
import { unreadableInput } from './unreadable-input.util';
import { WorkerPool } from './worker-pool.util';

export interface SensorReport {
  stats: CaptureStats;
  elapsedMs: number;
  /** What the sink did (`N events written to stdout`). */
  sink: string;
}

/**
 * The pcap sensor: source (file, stdin, tcpdump) -> engines -> sink (stdout NDJSON, HTTP ingest or
 * Kafka). N engines, one worker thread each, own a shard of the connections; this thread only reads
 * and writes, which overlaps with the parsing. With one engine, its worker reads the capture bytes
 * itself; with several, this thread reads the records and routes each TCP segment to the engine
 * that owns its connection (FrameRouter), so that the decoding is split too.
 */
export class PcapSensorService {
  private stopLive: (() => void) | undefined;

  /** Ends a live capture cleanly (SIGINT): the packets already captured are still processed. */
  stop(): void {
    this.stopLive?.();
  }

  async run(options: PcapSensorOptions): Promise<SensorReport> {
    const started = Date.now();
    // --resume: the checkpoint decides the sharding, and its unconfirmed batch is sent first
    const resume = options.resume === undefined ? undefined : await ResumeSession.open(options);
    const requestedWorkers = options.workers;
    if (resume !== undefined) options = { ...options, workers: resume.workers };
    const source = await this.openSource(options);
    const producer = resume?.producer ?? (await createCallProducer(options.sink));
    const bar =
      options.progress && source.size !== undefined && process.stderr.isTTY
        ? new ProgressBar(source.size, process.stderr)
        : undefined;
    let stats: CaptureStats;
    try {
      stats = await this.sharded(options, source, producer, bar, resume?.filter);
    } finally {
      bar?.clear();
      await source.close();
    }
    await producer.close();
    const unreadable = unreadableInput(stats);
    if (unreadable !== undefined)
      throw new PcapSensorException(
        PcapSensorExceptionCode.BAD_INPUT,
        `${describeSource(options)}: ${unreadable}`,
      );
    const sink = producer.describe() + (resume === undefined ? '' : `; ${resume.finish(requestedWorkers)}`);
    return { stats, elapsedMs: Date.now() - started, sink };
  }

  private async openSource(options: PcapSensorOptions): Promise<ChunkSource> {
    const source = options.source;
    switch (source.kind) {
      case 'file':
        try {
          return await openFileSource(source.path);
        } catch (cause) {
          const code = (cause as NodeJS.ErrnoException).code ?? String(cause);
          throw new PcapSensorException(
            PcapSensorExceptionCode.BAD_INPUT,
            `cannot read capture file ${source.path}: ${code}`,
          );
        }
      case 'stdin':
        return streamSource(process.stdin);
      case 'interface': {
        const live = startLiveCapture(source.name, source.bpf);
        this.stopLive = () => live.stop();
        return live.source;
      }
    }
  }

  private async sharded(
    options: PcapSensorOptions,
    source: ChunkSource,
    producer: CallProducer,
    bar?: ProgressBar,
    filter?: ResumeFilter,
  ): Promise<CaptureStats> {
    let calls = 0;
    const live = options.source.kind !== 'file';
    const workers = Math.max(1, options.workers);
    const share = (total: number | undefined) =>
      total === undefined ? undefined : Math.max(1, Math.floor(total / workers));
    const pool = new WorkerPool(
      workers,
      {
        sensorId: options.sensorId,
        maxBodyBytes: options.maxBodyBytes,
        maxFlows: share(options.maxFlows),
        memoryLimitBytes: share(options.memoryLimitBytes),
      },
      (data, count, written, shard) => {
        calls += count;
        const kept = filter === undefined ? { data, count } : filter.keep(data, count, shard);
        if (kept.count === 0) written();
        else producer.write(kept.data, kept.count, written, shard);
      },
      workers > 1,
    );
    let done = 0;
    try {
      while (!pool.inputFailed) {
        const { slot, view } = await pool.acquire();
        const length = await source.read(view);
        if (length === 0) break;
        pool.dispatch(slot, view, length, live);
        done += length;
        bar?.update(done, calls);
        await producer.ready();
      }
      const shards = await pool.finish();
      return pool.router === undefined
        ? mergeCaptureStats(shards)
        : mergeRoutedCaptureStats(pool.router.router.stats(), shards);
    } catch (error) {
      await pool.terminate();
      throw error;
    }
  }
}

function describeSource(options: PcapSensorOptions): string {
  const s = options.source;
  return s.kind === 'file' ? s.path : s.kind === 'stdin' ? 'stdin' : `interface ${s.name}`;
}
