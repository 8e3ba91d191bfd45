import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

import { type LineLogFormat } from '@apiscope/logs';

import { deliverBatches } from './deliver-batches.util';
import { GenerationReader } from './generation.reader';
import { newInputStats, type LogInputStats } from './log-input-stats.type';
import { DEFAULT_BLOCK_LINES, type LogSensorSettings } from './log-sensor-settings.type';
import { LogInputException } from './log-input.exception';
import { ProgressBar } from './progress-bar.util';
import { readHarInput } from './read-har-input.usecase';
import { readOptionsOf } from './read-options.util';
import { tallySkip } from './skip-report.util';

const CHUNK_BYTES = 1 << 18;

/** gzip members start with 1f 8b: rotated logs are recognised by content, not by a `.gz` name. */
async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

async function openFile(
  path: string,
): Promise<{ stream: Readable; raw: { bytesRead: number }; size: number }> {
  let size: number;
  let gzip: boolean;
  try {
    size = (await stat(path)).size;
    gzip = await isGzip(path);
  } catch (cause) {
    throw LogInputException.unreadable(path, cause);
  }
  const raw = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  return { stream: gzip ? raw.pipe(createGunzip({ chunkSize: CHUNK_BYTES })) : raw, raw, size };
}

/**
 * Reads one log to its end (a file, a gzip-compressed rotated file, or stdin with `path` '-') and
 * delivers its events to the sink batch by batch, waiting for each. Skipped lines are tallied and
 * reported once per kind. No offsets are kept: reading again yields the same ids and batches.
 */
export async function readLogInput(
  path: string,
  settings: LogSensorSettings,
  stdin?: Readable,
): Promise<LogInputStats> {
  const stats = newInputStats(path === '-' ? 'stdin' : path, settings.format === 'har' ? 'entry' : 'line');
  if (settings.format === 'har') {
    const text =
      path === '-'
        ? await readAll(stdin as Readable)
        : await readFile(path, 'utf8').catch((cause: unknown) => {
            throw LogInputException.unreadable(path, cause);
          });
    await readHarInput(text, settings, stats);
    return stats;
  }
  const format: LineLogFormat = settings.format;
  const source = path === '-' ? { stream: stdin as Readable, raw: undefined, size: 0 } : await openFile(path);
  const reader = new GenerationReader({
    format,
    read: readOptionsOf(settings),
    blockLines: settings.blockLines ?? DEFAULT_BLOCK_LINES,
    trackOffsets: false,
    stats,
    onSkip: (skip) => tallySkip(stats, skip, settings.warn),
  });
  const bar = settings.progress ? new ProgressBar(settings.progress, stats.input, source.size) : undefined;
  try {
    for await (const chunk of source.stream as AsyncIterable<Buffer>) {
      reader.push(chunk);
      await deliverBatches(reader.takeReady(), settings.sink, stats, settings.warn);
      bar?.update(source.raw?.bytesRead ?? 0, stats.lines);
    }
  } catch (cause) {
    if (cause instanceof LogInputException) throw cause;
    // a corrupt .gz, or a read error mid-way: what was read is delivered, then the input fails
    stats.warnings.push(`reading stopped at line ${reader.line}: ${(cause as Error).message}`);
  } finally {
    bar?.done();
  }
  reader.end();
  await deliverBatches(reader.takeReady(), settings.sink, stats, settings.warn);
  return stats;
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
