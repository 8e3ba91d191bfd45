import { availableParallelism, hostname } from 'node:os';
import { basename } from 'node:path';

import { type Command } from 'commander';

import type * as SensorPcap from '@apiscope/sensor-pcap';
import { type CallSink, type CaptureSource } from '@apiscope/sensor-pcap';
import { startWorkersEarly } from '@apiscope/sensor-pcap/src/worker-start.util';
import type * as Transport from '@apiscope/transport';

import { UsageException } from './usage.exception';

interface SensorPcapOptions {
  file?: string;
  stdin?: boolean;
  interface?: string;
  bpf?: string;
  sink?: string;
  apiKey?: string;
  workers?: string;
  maxBody: string;
  maxFlows?: string;
  memoryLimit?: string;
  sensorId?: string;
  progress: boolean;
  resume?: boolean;
  data: string;
}

/**
 * `--data` default: DEFAULT_DATA_DIR of @apiscope/storage, where `up` and `sensor logs` keep theirs;
 * not imported from there, as loading the storage library would double the sensor's start time.
 */
const DEFAULT_DATA_DIR = '.apiscope';

/** Largest --max-body: its base64 must fit the contract's 16 MiB `body.data`. */
const MAX_BODY_LIMIT = 12 * 1024 * 1024;

function source(options: SensorPcapOptions): CaptureSource {
  const given = [options.file !== undefined, options.stdin === true, options.interface !== undefined].filter(
    Boolean,
  ).length;
  if (given !== 1) throw new UsageException('give exactly one input: --file FILE, --stdin or --interface IF');
  if (options.bpf !== undefined && options.interface === undefined)
    throw new UsageException('--bpf needs --interface');
  if (options.file !== undefined) return { kind: 'file', path: options.file };
  if (options.interface !== undefined)
    return {
      kind: 'interface',
      name: options.interface,
      ...(options.bpf !== undefined && { bpf: options.bpf }),
    };
  return { kind: 'stdin' };
}

async function sink(options: SensorPcapOptions): Promise<CallSink> {
  const value = options.sink;
  if (value === undefined)
    throw new UsageException('--sink is required: stdout, http://HOST:PORT or kafka://BROKERS/TOPIC');
  if (value === 'stdout') return { kind: 'stdout' };
  if (/^kafka:\/\//i.test(value)) {
    // loaded for Kafka sinks only: the transport library (kafkajs, Nest) doubles the sensor's start time
    const { parseKafkaUrl } = (await import('@apiscope/transport')) as typeof Transport;
    try {
      return { kind: 'kafka', ...parseKafkaUrl(value) };
    } catch (error) {
      throw new UsageException(`--sink: ${(error as Error).message}`);
    }
  }
  if (!/^https?:\/\/[^/\s]+/i.test(value))
    throw new UsageException(
      `--sink must be stdout, http://HOST:PORT or kafka://BROKERS/TOPIC, got "${value}"`,
    );
  const apiKey = options.apiKey ?? process.env['APISCOPE_API_KEY'];
  if (apiKey === undefined || apiKey.trim() === '')
    throw new UsageException('--sink http:// needs an API key: --api-key KEY or APISCOPE_API_KEY');
  return { kind: 'http', url: value, apiKey: apiKey.trim() };
}

function integer(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new UsageException(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

/**
 * Crash tests: `APISCOPE_FAULT_CRASH_AFTER_BATCHES=N` makes a `--resume` run die by SIGKILL after the
 * sink accepted its Nth batch and before the checkpoint records it (as `apiscope pipeline` does
 * between storing a batch and committing it).
 */
function crashInjection(): { crashAfterBatches?: number } {
  const n = Number(process.env['APISCOPE_FAULT_CRASH_AFTER_BATCHES']);
  return Number.isInteger(n) && n > 0 ? { crashAfterBatches: n } : {};
}

async function sensorPcap(options: SensorPcapOptions): Promise<void> {
  const input = source(options);
  const output = await sink(options);
  const workers =
    options.workers === undefined ? availableParallelism() : integer(options.workers, '--workers', 1, 64);
  const maxBodyBytes = integer(options.maxBody, '--max-body', 0, MAX_BODY_LIMIT);
  const maxFlows =
    options.maxFlows === undefined ? undefined : integer(options.maxFlows, '--max-flows', 1, 100_000_000);
  const memoryMiB =
    options.memoryLimit === undefined
      ? undefined
      : integer(options.memoryLimit, '--memory-limit', 16, 1024 * 1024);
  if (options.resume === true && input.kind !== 'file')
    throw new UsageException('--resume needs --file: a stream or a live capture cannot be read again');
  const sensorId = (
    options.sensorId ?? `pcap:${input.kind === 'file' ? basename(input.path) : hostname()}`
  ).slice(0, 120);
  // the worker threads start now and load beside the rest of the sensor (~0.1 s each); a resumed
  // run takes its number of workers from the checkpoint, so its workers start later
  if (options.resume !== true) startWorkersEarly(workers);
  const { formatSensorSummary, PcapSensorException, PcapSensorExceptionCode, PcapSensorService } =
    (await import('@apiscope/sensor-pcap')) as typeof SensorPcap;
  const service = new PcapSensorService();
  const stop = () => service.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const report = await service.run({
      source: input,
      sink: output,
      workers,
      maxBodyBytes,
      ...(maxFlows !== undefined && { maxFlows }),
      ...(memoryMiB !== undefined && { memoryLimitBytes: memoryMiB * 1024 * 1024 }),
      sensorId,
      progress: options.progress,
      ...(options.resume === true && { resume: { dataDir: options.data, ...crashInjection() } }),
    });
    process.stderr.write(formatSensorSummary(report.stats, report.elapsedMs, report.sink));
  } catch (error) {
    if (error instanceof PcapSensorException && error.code === PcapSensorExceptionCode.BAD_INPUT)
      throw new UsageException(error.message);
    throw error;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** `apiscope sensor pcap`: packets (file, stdin, live) to ApiCall events on stdout or a remote ingest API. */
export function registerSensorPcapCommand(sensor: Command): void {
  sensor
    .command('pcap')
    .description('read packets (pcap/pcapng file, stdin, or live via tcpdump) and emit ApiCall events')
    .option('--file <file>', 'pcap or pcapng capture file')
    .option('--stdin', 'read a capture stream from stdin (tcpdump -w - | apiscope sensor pcap --stdin ...)')
    .option('--interface <if>', 'capture live on this interface by running tcpdump (needs capture rights)')
    .option('--bpf <expr>', 'capture filter for --interface (tcpdump expression)')
    .option('--sink <sink>', 'stdout (NDJSON), http://HOST:PORT (an apiscope API) or kafka://BROKERS/TOPIC')
    .option('--api-key <key>', 'API key for an http:// sink (or APISCOPE_API_KEY)')
    .option(
      '--workers <n>',
      'engines, one worker thread each, connections sharded by 5-tuple hash (default: the cores)',
    )
    .option('--max-body <bytes>', 'body bytes kept per request and response', String(64 * 1024))
    .option(
      '--max-flows <n>',
      'open connections kept; past it the oldest are flushed, counted (default: 200000 per worker)',
    )
    .option(
      '--memory-limit <MiB>',
      'bytes held for reassembly and bodies; past it the oldest connections are flushed (default: 512 per worker)',
    )
    .option('--sensor-id <id>', 'sensor.id of the events (default: pcap:<file name> or pcap:<host name>)')
    .option('--no-progress', 'no progress bar on stderr')
    .option(
      '--resume',
      'with --file: checkpoint what the sink accepted and, after a crash or kill, continue from it (each exchange sent once)',
    )
    .option('--data <dir>', 'directory where --resume keeps its checkpoints (pcap-resume/)', DEFAULT_DATA_DIR)
    .action((options: SensorPcapOptions) => sensorPcap(options));
}

/** The `sensor` command group, shared by the sensors that register under it. */
