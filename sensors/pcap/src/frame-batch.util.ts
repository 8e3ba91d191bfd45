/**
 * Frames packed for a worker, back to back in a shared slot:
 *   length u32 LE | link type u16 LE | every shard u8 | 0 u8 | timestamp ms f64 LE | frame bytes
 * The header is no larger than a pcap record header, so a batch never needs more room than the
 * capture bytes it came from.
 */
export const FRAME_HEADER = 16;

export function writeFrame(
  into: Buffer,
  at: number,
  linkType: number,
  buf: Buffer,
  offset: number,
  length: number,
  tsMs: number,
  everyShard: boolean,
): number {
  into.writeUInt32LE(length, at);
  into.writeUInt16LE(linkType, at + 4);
  into[at + 6] = everyShard ? 1 : 0;
  into[at + 7] = 0;
  into.writeDoubleLE(tsMs, at + 8);
  buf.copy(into, at + FRAME_HEADER, offset, offset + length);
  return at + FRAME_HEADER + length;
}

export interface RoutedFrameTarget {
  routedFrame(
    linkType: number,
    buf: Buffer,
    offset: number,
    length: number,
    tsMs: number,
    everyShard: boolean,
  ): void;
}

/** Hands every frame of a batch to `target` (the bytes are read in place). */
export function readFrames(batch: Buffer, length: number, target: RoutedFrameTarget): void {
  for (let pos = 0; pos + FRAME_HEADER <= length;) {
    const size = batch.readUInt32LE(pos);
    const start = pos + FRAME_HEADER;
    if (start + size > length) return; // cannot happen with writeFrame's output; never read past it
    target.routedFrame(
      batch.readUInt16LE(pos + 4),
      batch,
      start,
      size,
      batch.readDoubleLE(pos + 8),
      batch[pos + 6] === 1,
    );
    pos = start + size;
  }
}
