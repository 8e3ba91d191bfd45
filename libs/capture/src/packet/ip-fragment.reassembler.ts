interface Piece {
  offset: number;
  data: Buffer;
}

interface PendingDatagram {
  pieces: Piece[];
  /** Payload length, known once the last fragment (MF clear) arrived; -1 before. */
  total: number;
  bytes: number;
  firstTsMs: number;
}

export interface FragmentStats {
  reassembled: number;
  /** Datagrams given up: timed out, or evicted because too many were pending. */
  abandoned: number;
  /** Fragments refused: beyond 64 KiB, or inconsistent with the rest. */
  refused: number;
}

const MAX_DATAGRAM = 65535;

/**
 * Puts IPv4 and IPv6 fragments back together (RFC 791, RFC 8200 §4.5). Memory is bounded: at most
 * `maxPending` datagrams of at most 64 KiB each, dropped after `timeoutMs` of capture time, the
 * oldest first when full. Overlapping bytes keep the fragment that arrived first.
 */
export class IpFragmentReassembler {
  private readonly pending = new Map<string, PendingDatagram>();
  readonly stats: FragmentStats = { reassembled: 0, abandoned: 0, refused: 0 };

  constructor(
    private readonly maxPending = 1024,
    private readonly timeoutMs = 30_000,
  ) {}

  /** Adds a fragment; returns the whole transport payload once complete (a new buffer). */
  add(
    key: string,
    offset: number,
    more: boolean,
    buf: Buffer,
    start: number,
    length: number,
    tsMs: number,
  ): Buffer | undefined {
    if (offset + length > MAX_DATAGRAM || (more && length === 0)) {
      this.stats.refused += 1;
      return undefined;
    }
    let entry = this.pending.get(key);
    if (entry === undefined) {
      this.expire(tsMs);
      if (this.pending.size >= this.maxPending) this.dropOldest();
      entry = { pieces: [], total: -1, bytes: 0, firstTsMs: tsMs };
      this.pending.set(key, entry);
    }
    if (!more) {
      if (entry.total !== -1 && entry.total !== offset + length) {
        this.stats.refused += 1;
        return undefined;
      }
      entry.total = offset + length;
    }
    if (entry.bytes + length > 2 * MAX_DATAGRAM) {
      // endless duplicates of the same fragments: give the datagram up rather than grow
      this.pending.delete(key);
      this.stats.abandoned += 1;
      return undefined;
    }
    entry.pieces.push({ offset, data: Buffer.from(buf.subarray(start, start + length)) });
    entry.bytes += length;
    if (entry.total === -1 || entry.bytes < entry.total) return undefined;
    const whole = this.assemble(entry);
    if (whole !== undefined) {
      this.pending.delete(key);
      this.stats.reassembled += 1;
    }
    return whole;
  }

  get size(): number {
    return this.pending.size;
  }

  private assemble(entry: PendingDatagram): Buffer | undefined {
    const sorted = [...entry.pieces].sort((a, b) => a.offset - b.offset);
    let covered = 0;
    for (const piece of sorted) {
      if (piece.offset > covered) return undefined; // a hole remains
      covered = Math.max(covered, piece.offset + piece.data.length);
    }
    if (covered < entry.total) return undefined;
    const out = Buffer.alloc(entry.total);
    // Later arrivals first, so that the earliest copy of an overlapped byte is the one that stays.
    for (let i = entry.pieces.length - 1; i >= 0; i--) {
      const piece = entry.pieces[i];
      piece.data.copy(out, piece.offset, 0, Math.min(piece.data.length, entry.total - piece.offset));
    }
    return out;
  }

  private expire(nowMs: number): void {
    for (const [key, entry] of this.pending) {
      if (nowMs - entry.firstTsMs <= this.timeoutMs) break;
      this.pending.delete(key);
      this.stats.abandoned += 1;
    }
  }

  private dropOldest(): void {
    const oldest = this.pending.keys().next();
    if (oldest.done === true) return;
    this.pending.delete(oldest.value);
    this.stats.abandoned += 1;
  }
}
