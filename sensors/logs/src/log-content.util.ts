import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { type Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** Enough of a file's start to fingerprint it and to find Zeek's header lines. */
export const HEAD_BYTES = 64 * 1024;

export async function readHeadOf(handle: FileHandle, bytes = HEAD_BYTES): Promise<Buffer> {
  const buffer = Buffer.alloc(bytes);
  const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
  return buffer.subarray(0, bytesRead);
}

function isGzip(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** Drops the first `count` bytes of a stream (a .gz cannot be seeked into). */
function skipBytes(count: number): Transform {
  let left = count;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (left >= chunk.length) {
        left -= chunk.length;
        return done();
      }
      const rest = chunk.subarray(left);
      left = 0;
      done(null, rest);
    },
  });
}

/** The content of a log file from `offset` on, decompressed when it is gzip. */
export async function contentFrom(path: string, offset: number): Promise<Readable> {
  const handle = await open(path, 'r');
  let head: Buffer;
  try {
    head = await readHeadOf(handle, 2);
  } finally {
    await handle.close();
  }
  if (!isGzip(head)) return createReadStream(path, { start: offset, highWaterMark: 1 << 20 });
  return createReadStream(path, { highWaterMark: 1 << 20 })
    .pipe(createGunzip())
    .pipe(skipBytes(offset));
}

/** The first bytes of a log file's content, decompressed when it is gzip. */
export async function contentHead(path: string, bytes = HEAD_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = await contentFrom(path, 0);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      total += chunk.length;
      if (total >= bytes) break;
    }
  } catch {
    // a damaged .gz still gives its first bytes
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, bytes);
}

/** The `#` lines a file starts with (Zeek's TSV header), with their line numbers. */
export function headerLines(head: Buffer): Array<[string, number]> {
  const lines: Array<[string, number]> = [];
  for (const line of head.toString('utf8').split('\n')) {
    if (!line.startsWith('#')) break;
    lines.push([line.replace(/\r$/, ''), lines.length + 1]);
  }
  return lines;
}
