import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

import { captureKey } from './capture-key.util';
import {
  type CaptureCheckpoint,
  type CheckpointSettings,
  type PendingBatch,
} from './capture-checkpoint.type';
import { parseCheckpoint, parsePendingBatch } from './checkpoint-file.parser';
import { PcapSensorException, PcapSensorExceptionCode } from './pcap-sensor.exception';

/** Folder of the checkpoints in the data directory (`--data`, `.apiscope` by default). */
export const PCAP_RESUME_DIR = 'pcap-resume';

const bad = (message: string) => new PcapSensorException(PcapSensorExceptionCode.BAD_INPUT, message);

/** Writes `body` to `file` so that a crash (kill -9, power loss) leaves the old or the new file, never half. */
function writeDurably(file: string, body: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, body);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

/**
 * The checkpoint of one capture file and its pending batch. Protocol per batch: `begin` writes the
 * batch before it is sent, `commit` adds its counts once the sink accepted it and removes it. A
 * crash between the two leaves the pending batch, which the next `--resume` sends again unchanged
 * (same events, same order: the ingest's batch deduplication token drops it if it had landed).
 */
export class CaptureCheckpointRepository {
  private constructor(
    private readonly file: string,
    private readonly pendingFile: string,
    private state: CaptureCheckpoint,
    /** A batch a killed run sent without confirmation, to send first. */
    readonly pending: PendingBatch | undefined,
  ) {}

  /**
   * The checkpoint of `path` in `dataDir`, or a fresh one. Throws BAD_INPUT (exit 2) for a checkpoint
   * that is unreadable, or was made with other settings, another sink, or another length of the file:
   * resuming from it would not give each exchange once, and starting over silently would repeat them.
   */
  static async open(
    dataDir: string,
    path: string,
    settings: CheckpointSettings,
    sink: string,
  ): Promise<CaptureCheckpointRepository> {
    const capture = await captureKey(path);
    const dir = join(dataDir, PCAP_RESUME_DIR);
    const file = join(dir, `${capture.key}.json`);
    const pendingFile = join(dir, `${capture.key}.pending.ndjson`);
    const stored = readIfPresent(file, (text) => parseCheckpoint(text));
    let state: CaptureCheckpoint;
    if (stored === undefined) {
      state = {
        version: 1,
        kind: 'apiscope-pcap-checkpoint',
        capture: { path, size: capture.size, head: capture.head },
        settings,
        sink,
        batches: 0,
        delivered: new Array<number>(settings.workers).fill(0),
        complete: false,
        updatedAt: Date.now(),
      };
    } else {
      checkMatches(stored, file, capture.size, capture.head, settings, sink);
      state = { ...stored, capture: { ...stored.capture, path } };
    }
    let pending = readIfPresent(pendingFile, (text) => parsePendingBatch(text, state.settings.workers));
    if (pending !== undefined && pending.batch !== state.batches + 1) {
      // confirmed already (the crash came between the checkpoint's rename and this file's removal)
      if (pending.batch <= state.batches) pending = undefined;
      else
        throw bad(
          `${pendingFile} is batch ${pending.batch} but ${file} is at batch ${state.batches}: delete both to read the capture again from the start`,
        );
    }
    mkdirSync(dir, { recursive: true });
    return new CaptureCheckpointRepository(file, pendingFile, state, pending);
  }

  get checkpoint(): Readonly<CaptureCheckpoint> {
    return this.state;
  }

  /** Where the checkpoint lives (for messages). */
  get path(): string {
    return this.file;
  }

  /** Before sending a batch: kept on disk until the sink accepted it. */
  begin(counts: readonly number[], lines: readonly string[], mark?: Record<string, string>): PendingBatch {
    const batch: PendingBatch = {
      batch: this.state.batches + 1,
      counts: [...counts],
      lines: [...lines],
      ...(mark !== undefined && { mark }),
    };
    writeDurably(
      this.pendingFile,
      `${JSON.stringify({ batch: batch.batch, counts: batch.counts, mark })}\n${lines.join('\n')}\n`,
    );
    return batch;
  }

  /** The sink accepted `batch`: its events count as delivered. */
  commit(batch: PendingBatch): void {
    if (batch.batch !== this.state.batches + 1)
      throw new Error(`batch ${batch.batch} committed out of order`);
    this.state = {
      ...this.state,
      batches: batch.batch,
      delivered: this.state.delivered.map((n, i) => n + (batch.counts[i] ?? 0)),
      updatedAt: Date.now(),
    };
    this.save();
    rmSync(this.pendingFile, { force: true });
  }

  /** Everything read and accepted. */
  markComplete(): void {
    this.state = { ...this.state, complete: true, updatedAt: Date.now() };
    this.save();
  }

  private save(): void {
    writeDurably(this.file, `${JSON.stringify(this.state)}\n`);
  }
}

/** Largest checkpoint file read: a pending batch holds at most 1,000 events of bounded size. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

function readIfPresent<T>(file: string, parse: (text: string) => T): T | undefined {
  let text: string;
  try {
    if (statSync(file).size > MAX_FILE_BYTES)
      throw bad(`${file} is larger than a checkpoint can be: delete it to start over`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (error instanceof PcapSensorException) throw error;
    throw bad(`cannot read the checkpoint ${file}: ${(error as Error).message}`);
  }
  try {
    return parse(text);
  } catch (error) {
    throw bad(
      `${file} is not a usable apiscope pcap checkpoint (${(error as Error).message}): delete it to read the capture again from the start`,
    );
  }
}

function checkMatches(
  stored: CaptureCheckpoint,
  file: string,
  size: number,
  head: string,
  settings: CheckpointSettings,
  sink: string,
): void {
  const differ = (what: string, then: unknown, now: unknown) =>
    bad(
      `${file} was made with ${what} ${JSON.stringify(then)}, now ${JSON.stringify(now)}: resume with the same ${what}, or delete it to read the capture again from the start`,
    );
  if (stored.capture.head !== head || stored.capture.size !== size)
    throw bad(
      `${file} was made when the capture was ${stored.capture.size} bytes, now ${size}: it changed (still being written?); delete it to read the capture again from the start`,
    );
  if (stored.sink !== sink) throw differ('sink', stored.sink, sink);
  for (const key of ['sensorId', 'maxBodyBytes', 'maxFlows', 'memoryLimitBytes'] as const) {
    if (stored.settings[key] !== settings[key])
      throw differ(`--${optionName(key)}`, stored.settings[key], settings[key]);
  }
}

function optionName(key: string): string {
  if (key === 'memoryLimitBytes') return 'memory-limit (bytes)';
  if (key === 'maxBodyBytes') return 'max-body';
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
