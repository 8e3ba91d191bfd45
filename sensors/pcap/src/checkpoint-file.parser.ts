import { type CaptureCheckpoint, type PendingBatch } from './capture-checkpoint.type';

const MAX_WORKERS = 64;

type Json = Record<string, unknown>;

function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${what} is not an object`);
  return value as Json;
}

function count(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new Error(`${what} is not a whole number`);
  return value;
}

function text(value: unknown, what: string, max = 4096): string {
  if (typeof value !== 'string' || value.length > max) throw new Error(`${what} is not a string`);
  return value;
}

function counts(value: unknown, length: number, what: string): number[] {
  if (!Array.isArray(value) || value.length !== length)
    throw new Error(`${what} does not hold ${length} counts`);
  return value.map((v, i) => count(v, `${what}[${i}]`));
}

/**
 * A checkpoint file's JSON, checked field by field: a file edited by hand, truncated, or written
 * by something else is refused with the first problem found, never half-trusted.
 */
export function parseCheckpoint(body: string): CaptureCheckpoint {
  const doc = object(JSON.parse(body) as unknown, 'the document');
  if (doc['kind'] !== 'apiscope-pcap-checkpoint') throw new Error('kind is not apiscope-pcap-checkpoint');
  if (doc['version'] !== 1) throw new Error(`version ${String(doc['version'])} is not supported`);
  const capture = object(doc['capture'], 'capture');
  const settings = object(doc['settings'], 'settings');
  const workers = count(settings['workers'], 'settings.workers');
  if (workers < 1 || workers > MAX_WORKERS) throw new Error(`settings.workers ${workers} is out of range`);
  const optional = (key: string) => (settings[key] === null ? null : count(settings[key], `settings.${key}`));
  if (typeof doc['complete'] !== 'boolean') throw new Error('complete is not true or false');
  return {
    version: 1,
    kind: 'apiscope-pcap-checkpoint',
    capture: {
      path: text(capture['path'], 'capture.path'),
      size: count(capture['size'], 'capture.size'),
      head: text(capture['head'], 'capture.head', 64),
    },
    settings: {
      sensorId: text(settings['sensorId'], 'settings.sensorId', 256),
      workers,
      maxBodyBytes: count(settings['maxBodyBytes'], 'settings.maxBodyBytes'),
      maxFlows: optional('maxFlows'),
      memoryLimitBytes: optional('memoryLimitBytes'),
    },
    sink: text(doc['sink'], 'sink'),
    batches: count(doc['batches'], 'batches'),
    delivered: counts(doc['delivered'], workers, 'delivered'),
    complete: doc['complete'],
    updatedAt: count(doc['updatedAt'], 'updatedAt'),
  };
}

/** A pending batch file: a header line `{batch, counts}`, then exactly sum(counts) JSON objects. */
export function parsePendingBatch(body: string, workers: number): PendingBatch {
  const lines = body.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const header = object(JSON.parse(lines.shift() ?? '') as unknown, 'the header line');
  const batch = count(header['batch'], 'batch');
  const perShard = counts(header['counts'], workers, 'counts');
  const total = perShard.reduce((a, b) => a + b, 0);
  if (total !== lines.length) throw new Error(`it holds ${lines.length} events, its header says ${total}`);
  lines.forEach((line, i) => object(JSON.parse(line) as unknown, `event ${i + 1}`));
  const mark = header['mark'] === undefined ? undefined : sinkMark(header['mark']);
  return { batch, counts: perShard, lines, ...(mark !== undefined && { mark }) };
}

/** `{"0": "1234", ...}`: partition numbers to offsets, both decimal digits. */
function sinkMark(value: unknown): Record<string, string> {
  const entries = Object.entries(object(value, 'mark'));
  if (entries.length > 100_000) throw new Error('mark has too many partitions');
  for (const [k, v] of entries)
    if (!/^\d{1,9}$/.test(k) || typeof v !== 'string' || !/^\d{1,19}$/.test(v))
      throw new Error(`mark ${k} is not a partition offset`);
  return Object.fromEntries(entries) as Record<string, string>;
}
