/** TCP reassembly counters of one engine. */
export interface TcpStats {
  segments: number;
  flows: number;
  /** Segments (or parts) already delivered: retransmissions and overlaps, dropped. */
  retransmitted: number;
  outOfOrder: number;
  /** Holes declared lost (acknowledged but never captured, buffer bounds, end of flow) and their bytes. */
  gaps: number;
  gapBytes: number;
  /** Segments too far ahead of the stream to belong to it. */
  outOfWindow: number;
  closedByFin: number;
  closedByRst: number;
  closedIdle: number;
  /** Flows flushed early because a bound was hit: the flow table was full, or memory was. */
  evictedFlowLimit: number;
  evictedMemory: number;
}

export function emptyTcpStats(): TcpStats {
  return {
    segments: 0,
    flows: 0,
    retransmitted: 0,
    outOfOrder: 0,
    gaps: 0,
    gapBytes: 0,
    outOfWindow: 0,
    closedByFin: 0,
    closedByRst: 0,
    closedIdle: 0,
    evictedFlowLimit: 0,
    evictedMemory: 0,
  };
}
