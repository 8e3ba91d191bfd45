/**
 * Where capture readers deliver frames. The bytes are only valid during the call: readers reuse
 * their buffers, so a consumer that keeps data must copy it. Arguments are primitives so that the
 * hot path allocates nothing per packet.
 */
export interface FrameSink {
  frame(linkType: number, buf: Buffer, offset: number, length: number, tsMs: number): void;
}

/** What a reader saw, for the end-of-run summary. */
export interface CaptureReadStats {
  format: 'pcap' | 'pcapng' | 'unknown';
  frames: number;
  /** Frames whose capture length was below their wire length (snaplen cut). */
  snapped: number;
  /** Records skipped because they exceeded the record size bound. */
  oversized: number;
  /** Bytes left over at the end that did not form a whole record (a truncated file). */
  truncatedBytes: number;
  /** Why reading stopped early (corrupt header, unknown format), if it did. */
  error?: string;
  /** Link types seen (pcapng can carry several interfaces). */
  linkTypes: number[];
}
