import { DECODE_STATUS_NAMES, DecodeStatus } from '../packet/decoded-packet.type';
import { LinkType } from '../packet/link-type.constant';
import { PacketDecoder } from '../packet/packet.decoder';
import { ipv4FlowHash } from '../packet/transport-layer.parser';
import { CaptureFileParser } from '../reader/capture-file.parser';
import { type CaptureReadStats, type FrameSink } from '../reader/frame-sink.type';

/** Where a FrameRouter sends the frames it routed. */
export interface RoutedFrameSink {
  /**
   * One frame for shard `shard`, or for every shard when `shard` is -1 (an IP fragment: only the
   * datagram tells its connection, so every shard reassembles it and keeps it if it is its own).
   * The bytes are valid during the call only.
   */
  routed(shard: number, linkType: number, buf: Buffer, offset: number, length: number, tsMs: number): void;
}

/** What the routing thread counted itself: the input, and the frames no shard needs to see. */
export interface RouterStats {
  bytes: number;
  read: CaptureReadStats;
  decode: Record<string, number>;
}

/**
 * The reading side of a sharded sensor: reads capture records and sends each TCP segment to the
 * shard that owns its connection (the decoder's symmetric flow hash modulo the shard count, the
 * same test HttpCaptureParser applies), so that each shard decodes only its own packets. Frames
 * that carry no TCP are counted here and sent nowhere. Decoding here keeps no state: fragments
 * go to every shard.
 */
export class FrameRouter implements FrameSink {
  private readonly reader = new CaptureFileParser(this);
  private readonly decoder = new PacketDecoder(0, false);
  private readonly decodeCounts = new Array<number>(10).fill(0);
  private bytes = 0;

  constructor(
    private readonly shardCount: number,
    private readonly sink: RoutedFrameSink,
  ) {}

  push(chunk: Buffer): void {
    this.bytes += chunk.length;
    this.reader.push(chunk);
  }

  get failed(): boolean {
    return this.reader.failed;
  }

  /** Bytes of a record begun but not finished: at most this much more output than input next push. */
  get pendingBytes(): number {
    return this.reader.pendingBytes();
  }

  frame(linkType: number, buf: Buffer, offset: number, length: number, tsMs: number): void {
    const o = offset;
    // the common case read at fixed offsets: Ethernet, IPv4 with a 20-byte header, TCP, no fragment.
    // A frame sent on this way that the full decoder then finds malformed is counted by its shard.
    if (
      linkType === LinkType.ETHERNET &&
      length >= 54 &&
      buf[o + 12] === 0x08 &&
      buf[o + 13] === 0x00 &&
      buf[o + 14] === 0x45 &&
      buf[o + 23] === 6 &&
      (buf[o + 20] & 0x3f) === 0 &&
      buf[o + 21] === 0
    ) {
      const hash = ipv4FlowHash(
        buf.readUInt32BE(o + 26),
        buf.readUInt16BE(o + 34),
        buf.readUInt32BE(o + 30),
        buf.readUInt16BE(o + 36),
      );
      return this.sink.routed(hash % this.shardCount, linkType, buf, offset, length, tsMs);
    }
    const status = this.decoder.decode(linkType, buf, offset, length, tsMs);
    if (status === DecodeStatus.TCP)
      this.sink.routed(this.decoder.packet.hash % this.shardCount, linkType, buf, offset, length, tsMs);
    else if (status === DecodeStatus.FRAGMENT_HELD) this.sink.routed(-1, linkType, buf, offset, length, tsMs);
    else this.decodeCounts[status] += 1;
  }

  stats(): RouterStats {
    const decode: Record<string, number> = {};
    this.decodeCounts.forEach((n, status) => {
      if (n > 0) decode[DECODE_STATUS_NAMES[status as DecodeStatus]] = n;
    });
    return { bytes: this.bytes, read: this.reader.stats(), decode };
  }
}
