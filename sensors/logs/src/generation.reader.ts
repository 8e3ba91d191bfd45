import {
  createLogLineParser,
  type LineLogFormat,
  type LogLineParser,
  type LogReadOptions,
  type LogRecord,
  LogSkipCode,
  type LogSkip,
  LOG_MAX_RECORD_CHARS,
} from '@apiscope/logs';

import { fingerprintOf, type HeadState, type LogFingerprint } from './log-fingerprint.util';
import { type LogInputStats } from './log-input-stats.type';
import { LineSplitter } from './line-splitter.util';

export interface GenerationBatch {
  records: LogRecord[];
  /** Offset just past the batch's last line (0 when offsets are not tracked). */
  offset: number;
  line: number;
}

export interface GenerationReaderOptions {
  format: LineLogFormat;
  read: Omit<LogReadOptions, 'source'>;
  /** Known (resuming, or checked by the caller), or undefined to compute from the first bytes. */
  fingerprint?: LogFingerprint;
  startOffset?: number;
  startLine?: number;
  /** Batches end at multiples of this line number, so a re-read forms the same batches. */
  blockLines: number;
  trackOffsets: boolean;
  stats: LogInputStats;
  onSkip: (skip: LogSkip) => void;
}

/**
 * Reads one content generation of a log: bytes -> lines -> events, in batches aligned on line
 * blocks. Batches that are ready wait in `takeReady()` for the caller to deliver; the reader itself
 * does no I/O, so the caller controls back-pressure.
 */
export class GenerationReader {
  private parser: LogLineParser | undefined;
  private readonly splitter: LineSplitter;
  private head: Buffer[] = [];
  private headBytes = 0;
  private current: LogRecord[] = [];
  private closedLine = -1;
  private ready: GenerationBatch[] = [];
  fingerprint: LogFingerprint | undefined;

  constructor(private readonly options: GenerationReaderOptions) {
    this.fingerprint = options.fingerprint;
    this.splitter = new LineSplitter({
      // a record of LOG_MAX_RECORD_CHARS characters may take up to 3 bytes per character
      maxLineBytes: LOG_MAX_RECORD_CHARS * 3,
      firstLine: options.startLine,
      startOffset: options.startOffset,
      onLine: (line, lineNumber) => this.onLine(line, lineNumber),
      onTooLong: (lineNumber, bytes) => {
        this.options.onSkip({
          line: lineNumber,
          code: LogSkipCode.TOO_LONG,
          reason: `line of ${bytes} bytes, over the limit`,
        });
        this.endOfLine(lineNumber);
      },
    });
    if (this.fingerprint) this.parser = this.createParser(this.fingerprint);
  }

  get offset(): number {
    return this.splitter.offset;
  }

  get line(): number {
    return this.splitter.lineNumber;
  }

  /** Lines before the resume offset that set up the reader (Zeek's `#fields` header). */
  preamble(lines: Array<[string, number]>): void {
    for (const [line, lineNumber] of lines) this.parser?.push(line, lineNumber);
  }

  push(chunk: Buffer): void {
    if (this.parser) return this.splitter.push(chunk);
    this.head.push(chunk);
    this.headBytes += chunk.length;
    this.decide('growing');
  }

  /** No more bytes will come (end of file or stream, or the generation was rotated away). */
  end(): void {
    if (!this.parser) this.decide('complete');
    this.splitter.end();
    this.parser?.end();
    this.close(this.splitter.lineNumber);
  }

  /** Follow mode, nothing new for a while: deliver the partial batch now rather than at its block end. */
  idle(): void {
    if (!this.parser && this.headBytes > 0) this.decide('quiet');
    this.close(this.splitter.lineNumber);
  }

  takeReady(): GenerationBatch[] {
    const ready = this.ready;
    this.ready = [];
    return ready;
  }

  private decide(state: HeadState): void {
    const head = Buffer.concat(this.head);
    const fingerprint = fingerprintOf(head, state);
    if (!fingerprint) {
      this.head = [head];
      return;
    }
    this.fingerprint = fingerprint;
    this.parser = this.createParser(fingerprint);
    this.head = [];
    this.headBytes = 0;
    this.splitter.push(head);
  }

  private createParser(fingerprint: LogFingerprint): LogLineParser {
    return createLogLineParser(
      this.options.format,
      { ...this.options.read, source: fingerprint.id },
      {
        record: (record) => {
          this.current.push(record);
          this.options.stats.events += 1;
        },
        skip: (skip) => this.options.onSkip(skip),
      },
    );
  }

  private onLine(line: string, lineNumber: number): void {
    (this.parser as LogLineParser).push(line, lineNumber);
    this.endOfLine(lineNumber);
  }

  private endOfLine(lineNumber: number): void {
    this.options.stats.lines += 1;
    if (lineNumber % this.options.blockLines === 0)
      this.close(lineNumber, this.options.trackOffsets ? this.splitter.offsetAfter() : 0);
  }

  private close(line: number, offset = this.splitter.offset): void {
    if (this.current.length === 0 && line === this.closedLine) return;
    this.ready.push({ records: this.current, offset: this.options.trackOffsets ? offset : 0, line });
    this.current = [];
    this.closedLine = line;
  }
}
