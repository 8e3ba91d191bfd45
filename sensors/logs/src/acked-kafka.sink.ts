import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

import { type ApiCall } from '@apiscope/contracts';
import { serviceNameOf } from '@apiscope/inference';
import { type KafkaAckedSender, type KafkaMark, type PublishOutcome } from '@apiscope/transport';

import { type CallSink } from './call-sink.type';

/** The file beside the offsets: the batch last handed to Kafka and where the topic ended before it. */
export const LOG_KAFKA_MARK_FILE = 'log-kafka-mark.json';

interface MarkFile {
  /** `sensor.id/id` of the batch's first event: the batch a restart forms again first. */
  first: string;
  size: number;
  mark: KafkaMark;
}

function readMark(file: string, warn: (line: string) => void): MarkFile | undefined {
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as Partial<MarkFile>;
    const mark = doc.mark;
    if (
      typeof doc.first === 'string' &&
      typeof doc.size === 'number' &&
      typeof mark === 'object' &&
      mark !== null &&
      Object.entries(mark).every(
        ([k, v]) => /^\d{1,9}$/.test(k) && typeof v === 'string' && /^\d{1,19}$/.test(v),
      )
    )
      return { first: doc.first, size: doc.size, mark };
    warn(`${file} is not a Kafka mark of apiscope: ignored (the batch it named may be sent twice)`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      warn(
        `${file} is unreadable (${(error as Error).message}): ignored (the batch it named may be sent twice)`,
      );
  }
  return undefined;
}

const identity = (call: ApiCall) => `${call.sensor.id}/${call.id}`;

/**
 * `--sink kafka://` for a log sensor that keeps offsets (`--resume`, `--follow`): a batch counts as
 * delivered once Kafka acknowledged it (the fire-and-forget KafkaCallSink would let offsets run
 * ahead of what Kafka holds). Before each batch the topic's end is noted in LOG_KAFKA_MARK_FILE; a
 * restart forms the unsaved batch again (batches are aligned on line numbers), finds it by its first
 * event, reads from the mark which of its events landed, and produces only the others.
 */
export class AckedKafkaSink implements CallSink {
  readonly name: string;
  private pending: MarkFile | undefined;

  constructor(
    private readonly sender: KafkaAckedSender,
    topic: string,
    private readonly markFile: string,
    private readonly warn: (line: string) => void,
  ) {
    this.name = `kafka topic ${topic}`;
    this.pending = readMark(markFile, warn);
  }

  async send(calls: readonly ApiCall[]): Promise<PublishOutcome> {
    if (calls.length === 0) return { accepted: 0, rejected: 0, rejections: [] };
    const values = calls.map((call) => ({ key: serviceNameOf(call), value: JSON.stringify(call) }));
    let toSend = values;
    const pending = this.pending;
    this.pending = undefined;
    const again =
      pending !== undefined && pending.first === identity(calls[0]) && pending.size === calls.length;
    if (again) {
      const landed = await this.sender.landed(
        values.map((v) => v.value),
        pending.mark,
      );
      if (landed !== undefined) toSend = values.filter((v) => !landed.has(v.value));
      else
        this.warn(
          `the batch from event ${pending.first} could not be checked against the topic (too much written since, or no answer): sent again whole, its events may be there twice`,
        );
    }
    // the batch sent again keeps its first mark: a further crash must still find what landed first
    const mark = again ? pending.mark : await this.sender.mark();
    this.writeMark({ first: identity(calls[0]), size: calls.length, mark });
    await this.sender.send(toSend);
    return { accepted: calls.length, rejected: 0, rejections: [] };
  }

  async close(): Promise<void> {
    await this.sender.close();
  }

  private writeMark(mark: MarkFile): void {
    mkdirSync(dirname(this.markFile), { recursive: true });
    const temp = `${this.markFile}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, JSON.stringify(mark));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.markFile);
  }
}
