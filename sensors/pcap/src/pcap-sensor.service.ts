import { type CaptureStats, mergeCaptureStats } from '@apiscope/capture';

import { CaptureShard } from './capture-shard.util';
import { type CallProducer, createCallProducer } from './call.producer';
import { type ChunkSource, openFileSource, streamSource } from './chunk-source.util';
import { startLiveCapture } from './live-capture.util';
import { PcapSensorException, PcapSensorExceptionCode } from './pcap-sensor.exception';
import { type PcapSensorOptions } from './pcap-sensor-options.type';
import { ProgressBar } from './progress-bar.util';
import { WorkerPool } from './worker-pool.util';

const CHUNK = 4 * 1024 * 1024;

export interface SensorReport {
  stats: CaptureStats;
  elapsedMs: number;
  /** What the sink did (`N events written to stdout`). */
  sink: string;
}

/**
 * The pcap sensor: source (file, stdin, tcpdump) -> engine(s) -> sink (stdout NDJSON or HTTP
 * ingest). With one worker the engine runs in this thread while the next block is read; with N it
 * runs in N worker threads that each own a shard of the connections.
 */
export class PcapSensorService {
  private stopLive: (() => void) | undefined;

  /** Ends a live capture cleanly (SIGINT): the packets already captured are still processed. */
  stop(): void {
    this.stopLive?.();
  }

  async run(options: PcapSensorOptions): Promise<SensorReport> {
    const started = Date.now();
    const source = await this.openSource(options);
    const producer = createCallProducer(options.sink);
    const bar =
      options.progress && source.size !== undefined && process.stderr.isTTY
        ? new ProgressBar(source.size, process.stderr)
        : undefined;
    let stats: CaptureStats;
    try {
      stats =
        options.workers <= 1
          ? await this.inline(options, source, producer, bar)
          : await this.sharded(options, source, producer, bar);
    } finally {
      bar?.clear();
      await source.close();
    }
    await producer.close();
    if (stats.read.error !== undefined && stats.read.frames === 0)
      throw new PcapSensorException(
        PcapSensorExceptionCode.BAD_INPUT,
        `${describeSource(options)}: ${stats.read.error}`,
      );
    return { stats, elapsedMs: Date.now() - started, sink: producer.describe() };
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
        this.stopLive = live.stop;
        return live.source;
      }
    }
  }

  private async inline(
    options: PcapSensorOptions,
    source: ChunkSource,
    producer: CallProducer,
    bar?: ProgressBar,
  ): Promise<CaptureStats> {
    const shard = new CaptureShard({ ...options, shardIndex: 0, shardCount: 1 });
    // two buffers: the next block is read while this one is parsed
    const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
    let turn = 0;
    let pending = source.read(buffers[turn]);
    let done = 0;
    let calls = 0;
    for (;;) {
      const length = await pending;
      if (length === 0) break;
      const current = buffers[turn];
      turn ^= 1;
      pending = source.read(buffers[turn]);
      shard.push(current.subarray(0, length));
      done += length;
      const out = shard.take();
      calls += out.count;
      if (out.count > 0) producer.write(out.text, out.count);
      bar?.update(done, calls);
      await producer.ready();
      if (shard.failed) break;
    }
    await pending.catch(() => 0);
    const stats = shard.finish();
    const out = shard.take();
    if (out.count > 0) producer.write(out.text, out.count);
    return stats;
  }

  private async sharded(
    options: PcapSensorOptions,
    source: ChunkSource,
    producer: CallProducer,
    bar?: ProgressBar,
  ): Promise<CaptureStats> {
    let calls = 0;
    const pool = new WorkerPool(
      options.workers,
      { sensorId: options.sensorId, maxBodyBytes: options.maxBodyBytes },
      (text, count) => {
        calls += count;
        producer.write(text, count);
      },
    );
    let done = 0;
    try {
      while (!pool.inputFailed) {
        const { slot, view } = await pool.acquire();
        const length = await source.read(view);
        if (length === 0) break;
        pool.dispatch(slot, length);
        done += length;
        bar?.update(done, calls);
        await producer.ready();
      }
    } catch (error) {
      await pool.terminate();
      throw error;
    }
    return mergeCaptureStats(await pool.finish());
  }
}

function describeSource(options: PcapSensorOptions): string {
  const s = options.source;
  return s.kind === 'file' ? s.path : s.kind === 'stdin' ? 'stdin' : `interface ${s.name}`;
}
