import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/** Bytes of a capture's start that name it: its file header and first packets. */
const HEAD_BYTES = 64 * 1024;

export interface CaptureKey {
  /** File name of its checkpoint: the head digest and the size, so a path may be renamed or moved. */
  key: string;
  head: string;
  size: number;
}

/** How a capture file is known to `--resume`: by content (first 64 KiB) and length, not by path. */
export async function captureKey(path: string): Promise<CaptureKey> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = createHash('sha1').update(buffer.subarray(0, bytesRead)).digest('hex').slice(0, 16);
    return { key: head, head, size };
  } finally {
    await handle.close();
  }
}
