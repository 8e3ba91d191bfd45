import { type DecodedPacket } from '../packet/decoded-packet.type';
import { type FlowKey } from './flow-key.type';

/** What the table needs of a flow: its key and the intrusive links (no wrapper objects per flow). */
export interface FlowEntry {
  readonly key: FlowKey;
  bucketNext: FlowEntry | undefined;
  olderEntry: FlowEntry | undefined;
  newerEntry: FlowEntry | undefined;
  lastSeenMs: number;
}

/**
 * Flows by symmetric 5-tuple hash (a Map of integer keys with chaining on collision), and in
 * least-recently-used order through links kept in the flows themselves, so that finding the
 * oldest flow (idle expiry, eviction when a bound is hit) costs O(1) and no allocation.
 */
export class FlowTable<F extends FlowEntry> {
  private readonly buckets = new Map<number, F>();
  private oldestEntry: F | undefined;
  private newestEntry: F | undefined;
  size = 0;
  /** Direction of the packet that the last successful `find` matched (0 or 1). */
  lastDirection = 0;

  find(p: DecodedPacket): F | undefined {
    for (let f = this.buckets.get(p.hash); f !== undefined; f = f.bucketNext as F | undefined) {
      const d = f.key.direction(p);
      if (d !== -1) {
        this.lastDirection = d;
        return f;
      }
    }
    return undefined;
  }

  add(flow: F): void {
    const hash = flow.key.hash;
    flow.bucketNext = this.buckets.get(hash);
    this.buckets.set(hash, flow);
    flow.olderEntry = this.newestEntry;
    flow.newerEntry = undefined;
    if (this.newestEntry !== undefined) this.newestEntry.newerEntry = flow;
    else this.oldestEntry = flow;
    this.newestEntry = flow;
    this.size += 1;
  }

  /** Marks the flow as just used: it moves to the newest end. */
  touch(flow: F, tsMs: number): void {
    if (tsMs > flow.lastSeenMs) flow.lastSeenMs = tsMs;
    if (this.newestEntry === flow) return;
    this.unlinkAge(flow);
    flow.olderEntry = this.newestEntry;
    flow.newerEntry = undefined;
    (this.newestEntry as F).newerEntry = flow;
    this.newestEntry = flow;
  }

  remove(flow: F): void {
    const hash = flow.key.hash;
    let f = this.buckets.get(hash);
    if (f === flow) {
      if (flow.bucketNext === undefined) this.buckets.delete(hash);
      else this.buckets.set(hash, flow.bucketNext as F);
    } else {
      while (f !== undefined && f.bucketNext !== flow) f = f.bucketNext as F | undefined;
      if (f === undefined) return;
      f.bucketNext = flow.bucketNext;
    }
    flow.bucketNext = undefined;
    this.unlinkAge(flow);
    flow.olderEntry = flow.newerEntry = undefined;
    this.size -= 1;
  }

  oldest(): F | undefined {
    return this.oldestEntry;
  }

  private unlinkAge(flow: F): void {
    if (flow.olderEntry !== undefined) flow.olderEntry.newerEntry = flow.newerEntry;
    else this.oldestEntry = flow.newerEntry as F | undefined;
    if (flow.newerEntry !== undefined) flow.newerEntry.olderEntry = flow.olderEntry;
    else this.newestEntry = flow.olderEntry as F | undefined;
  }
}
