import { type DecodedPacket } from '../packet/decoded-packet.type';

/**
 * The 4-tuple of a connection as numbers (no strings on the hot path). Side A is the sender of
 * the first packet seen; lookups match either direction.
 */
export class FlowKey {
  readonly ipVersion: number;
  readonly a0: number;
  readonly a1: number;
  readonly a2: number;
  readonly a3: number;
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly b3: number;
  readonly portA: number;
  readonly portB: number;
  readonly hash: number;

  constructor(p: DecodedPacket) {
    this.ipVersion = p.ipVersion;
    this.a0 = p.src0;
    this.a1 = p.src1;
    this.a2 = p.src2;
    this.a3 = p.src3;
    this.b0 = p.dst0;
    this.b1 = p.dst1;
    this.b2 = p.dst2;
    this.b3 = p.dst3;
    this.portA = p.srcPort;
    this.portB = p.dstPort;
    this.hash = p.hash;
  }

  /** 0 when the packet goes A -> B, 1 when B -> A, -1 when it belongs to another flow. */
  direction(p: DecodedPacket): number {
    if (p.ipVersion !== this.ipVersion) return -1;
    if (
      p.srcPort === this.portA &&
      p.dstPort === this.portB &&
      p.src3 === this.a3 &&
      p.dst3 === this.b3 &&
      p.src2 === this.a2 &&
      p.dst2 === this.b2 &&
      p.src1 === this.a1 &&
      p.dst1 === this.b1 &&
      p.src0 === this.a0 &&
      p.dst0 === this.b0
    )
      return 0;
    if (
      p.srcPort === this.portB &&
      p.dstPort === this.portA &&
      p.src3 === this.b3 &&
      p.dst3 === this.a3 &&
      p.src2 === this.b2 &&
      p.dst2 === this.a2 &&
      p.src1 === this.b1 &&
      p.dst1 === this.a1 &&
      p.src0 === this.b0 &&
      p.dst0 === this.a0
    )
      return 1;
    return -1;
  }
}
