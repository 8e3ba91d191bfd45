import { type Readable } from 'node:stream';
import { open } from 'node:fs/promises';

/** Fills `into` with the next bytes of the input; resolves 0 at the end. */
export interface ChunkSource {
  read(into: Buffer): Promise<number>;
  close(): Promise<void>;
  /** Total size when known (a file), for the progress bar. */
  readonly size?: number;
}

/** A file read in large blocks straight into the caller's buffer (no copy, no per-packet work). */
export async function openFileSource(path: string): Promise<ChunkSource> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    read: async (into) => (await handle.read(into, 0, into.length, null)).bytesRead,
    close: () => handle.close(),
  };
}

/**
 * A byte stream (stdin, tcpdump's stdout) as a ChunkSource. The stream is paused while the
 * caller is busy, so a slow consumer applies back-pressure instead of buffering without bound.
 */
export function streamSource(stream: Readable): ChunkSource {
  const queue: Buffer[] = [];
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  stream.on('data', (chunk: Buffer) => {
    queue.push(chunk);
    if (queue.length > 64) stream.pause();
    wake?.();
  });
  stream.on('end', () => {
    ended = true;
    wake?.();
  });
  stream.on('error', (error: Error) => {
    failure = error;
    wake?.();
  });
  return {
    async read(into) {
      while (queue.length === 0 && !ended && failure === undefined) {
        stream.resume();
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      if (failure !== undefined) throw failure;
      let filled = 0;
      while (queue.length > 0 && filled < into.length) {
        const head = queue[0];
        const n = Math.min(head.length, into.length - filled);
        head.copy(into, filled, 0, n);
        filled += n;
        if (n === head.length) queue.shift();
        else queue[0] = head.subarray(n);
      }
      if (queue.length < 16) stream.resume();
      return filled;
    },
    close: () => {
      stream.destroy();
      return Promise.resolve();
    },
  };
}
