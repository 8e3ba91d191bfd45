import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/** Bytes of a capture's start that name it: its file header and first packets. */
const HEAD_BYTES = 64 * 1024;

export interface CaptureKey {
  /** File name of its checkpoint (the head digest). */
  key: string;
  head: string;
  size: number;
}

/**
 * How a capture file is known to `--resume`: by content (its first 64 KiB, all of it when shorter),
 * not by path, so a renamed or moved capture keeps its checkpoint. The size is checked beside it.
 */
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
