import { type MemoryBudget } from '../http/memory-budget.type';
import { type TcpStats } from './tcp-stats.type';

/** Receives the in-order bytes of one direction, and the holes that will never be filled. */
export interface StreamReceiver {
  data(buf: Buffer, offset: number, length: number, tsMs: number): void;
  gap(length: number, tsMs: number): void;
}

interface Segment {
  seq: number;
  data: Buffer;
}

/** Segments further ahead than this are not part of the stream (a reused port, a corrupt header). */
const MAX_AHEAD = 1 << 30;
const MAX_SEGMENTS = 2048;

/** Sequence arithmetic modulo 2^32 (RFC 793): positive when `a` is after `b`. */
export function seqDiff(a: number, b: number): number {
  return (a - b) | 0;
}

/**
 * One direction of a TCP connection. In-order payload is handed over in place (no copy);
 * segments ahead of the stream are copied and held, sorted, until the hole before them fills.
 * Retransmitted and overlapping bytes already delivered are dropped (the first copy wins).
 * A hole is declared lost, and reported as a gap, when the peer acknowledged bytes beyond it
 * (so the capture missed them), when the held bytes pass the per-flow bound, or at the end.
 */
export class TcpStreamReassembler {
  private known = false;
  private next = 0;
  private isn = -1;
  private held: Segment[] = [];
  private heldBytes = 0;
  /** Highest acknowledgment the other side sent for this direction; valid when `peerAcked`. */
  private ackedTo = 0;
  private peerAcked = false;
  finSeq = -1;

  constructor(
    private readonly receiver: StreamReceiver,
    private readonly budget: MemoryBudget,
    private readonly stats: TcpStats,
    private readonly maxHeldBytes: number,
  ) {}

  get started(): boolean {
    return this.known;
  }

  /** The SYN of this direction was seen, so its first byte is the start of the stream. */
  get sawSyn(): boolean {
    return this.isn !== -1;
  }

  /** All bytes up to the FIN were delivered. */
  get finished(): boolean {
    return this.finSeq !== -1 && this.known && seqDiff(this.next, this.finSeq) >= 0;
  }

  get bufferedBytes(): number {
    return this.heldBytes;
  }

  syn(seq: number): void {
    if (this.isn === seq) return; // a retransmitted SYN
    this.dropHeld();
    this.isn = seq;
    this.known = true;
    this.next = (seq + 1) >>> 0;
  }

  /** A SYN with another initial sequence number: a new connection on the same ports. */
  isNewSyn(seq: number): boolean {
    return this.isn !== -1 && this.isn !== seq;
  }

  fin(seq: number, payloadLength: number): void {
    if (!this.known) {
      this.known = true; // a FIN is the first thing seen of this direction
      this.next = seq;
    }
    this.finSeq = (seq + payloadLength) >>> 0;
  }

  segment(seq: number, buf: Buffer, offset: number, length: number, tsMs: number): void {
    if (!this.known) {
      this.known = true; // the capture started mid-connection
      this.next = seq;
    }
    const ahead = seqDiff(seq, this.next);
    if (ahead <= 0) {
      if (ahead + length <= 0) {
        this.stats.retransmitted += 1;
        return;
      }
      if (ahead < 0) this.stats.retransmitted += 1;
      this.deliver(buf, offset - ahead, length + ahead, tsMs);
      if (this.held.length > 0) this.drain(tsMs);
      return;
    }
    if (ahead > MAX_AHEAD) {
      this.stats.outOfWindow += 1;
      return;
    }
    this.hold(seq, buf, offset, length);
    if (this.peerAcked && seqDiff(this.ackedTo, this.next) > 0) this.gapTo(this.ackedTo, tsMs);
    // over the bound, holes are declared lost up to held segments until it holds again: one step
    // can deliver nothing (the first held segment may be empty and the next one further ahead), and
    // an acknowledgement short of the held segments above delivers none either
    while (this.heldBytes > this.maxHeldBytes || this.held.length > MAX_SEGMENTS)
      this.gapTo(this.held[0].seq, tsMs);
  }

  /** The other side acknowledged `ack`: bytes before it were received, whether captured or not. */
  acknowledged(ack: number, tsMs: number): void {
    if (!this.peerAcked || seqDiff(ack, this.ackedTo) > 0) {
      this.ackedTo = ack;
      this.peerAcked = true;
    }
    if (!this.known || (this.held.length === 0 && this.finSeq === -1)) return;
    const beyond = seqDiff(ack, this.next);
    if (beyond <= 0 || beyond > MAX_AHEAD) return;
    // bytes acknowledged before a FIN that was seen, or before held segments, were lost in capture
    const limit = this.finSeq !== -1 && seqDiff(ack, this.finSeq) > 0 ? this.finSeq : ack;
    this.gapTo(limit, tsMs);
  }

  /** The flow ends: whatever is held is delivered, holes reported as gaps. */
  flush(tsMs: number): void {
    while (this.held.length > 0) this.gapTo(this.held[0].seq, tsMs);
  }

  release(): void {
    this.dropHeld();
  }

  private deliver(buf: Buffer, offset: number, length: number, tsMs: number): void {
    this.next = (this.next + length) >>> 0;
    this.receiver.data(buf, offset, length, tsMs);
  }

  /** Declares [next, min(target, first held)) lost and moves on. */
  private gapTo(target: number, tsMs: number): void {
    const first = this.held.length > 0 ? this.held[0].seq : target;
    const to = seqDiff(first, target) < 0 ? first : target;
    const missing = seqDiff(to, this.next);
    if (missing > 0) {
      this.stats.gaps += 1;
      this.stats.gapBytes += missing;
      this.next = to;
      this.receiver.gap(missing, tsMs);
    }
    this.drain(tsMs);
  }

  private drain(tsMs: number): void {
    while (this.held.length > 0) {
      const first = this.held[0];
      const ahead = seqDiff(first.seq, this.next);
      if (ahead > 0) return;
      this.held.shift();
      this.heldBytes -= first.data.length;
      this.budget.used -= first.data.length;
      if (ahead + first.data.length > 0) this.deliver(first.data, -ahead, first.data.length + ahead, tsMs);
    }
  }

  private hold(seq: number, buf: Buffer, offset: number, length: number): void {
    this.stats.outOfOrder += 1;
    const data = Buffer.allocUnsafe(length);
    buf.copy(data, 0, offset, offset + length);
    let i = this.held.length;
    while (i > 0 && seqDiff(this.held[i - 1].seq, seq) > 0) i--;
    if (i > 0 && this.held[i - 1].seq === seq && this.held[i - 1].data.length >= length) {
      this.stats.retransmitted += 1; // the same segment again
      return;
    }
    this.held.splice(i, 0, { seq, data });
    this.heldBytes += length;
    this.budget.used += length;
  }

  private dropHeld(): void {
    this.budget.used -= this.heldBytes;
    this.heldBytes = 0;
    this.held = [];
  }
}
