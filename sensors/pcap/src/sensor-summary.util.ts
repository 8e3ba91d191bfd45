import { type CaptureStats, diagnoseNoHttp } from '@apiscope/capture';

/** 1234567 -> `1,234,567` (not toLocaleString: loading ICU costs ~25 ms of the run). */
const n = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function listCounts(counts: Record<string, number>, skip?: string): string {
  const entries = Object.entries(counts).filter(([k, v]) => k !== skip && v > 0);
  return entries.length === 0 ? 'none' : entries.map(([k, v]) => `${n(v)} ${k}`).join(', ');
}

/** The end-of-run summary (stderr): what was read, decoded, reassembled, emitted, and dropped why. */
export function formatSensorSummary(stats: CaptureStats, elapsedMs: number, sinkLine: string): string {
  const seconds = Math.max(elapsedMs / 1000, 0.001);
  const { tcp, http, read } = stats;
  const lines = [
    `apiscope sensor pcap: ${n(stats.calls)} exchanges from ${n(read.frames)} packets (${(stats.bytes / 1e6).toFixed(1)} MB) ` +
      `in ${seconds.toFixed(2)} s: ${n(Math.round(stats.calls / seconds))} exchanges/s, ${(stats.bytes / 1e6 / seconds).toFixed(1)} MB/s`,
    `  input: ${read.format}, link type ${read.linkTypes.join(', ') || 'none'}` +
      (read.snapped > 0 ? `, ${n(read.snapped)} packets cut by the snap length` : '') +
      (read.truncatedBytes > 0 ? `, ${n(read.truncatedBytes)} bytes of a truncated last record` : '') +
      (read.oversized > 0 ? `, ${n(read.oversized)} oversized records skipped` : '') +
      (read.error !== undefined ? `; stopped: ${read.error}` : ''),
    `  packets: ${n(stats.decode['tcp'] ?? 0)} TCP; skipped: ${listCounts(stats.decode, 'tcp')}` +
      (stats.fragments.reassembled + stats.fragments.abandoned > 0
        ? `; IP fragments: ${n(stats.fragments.reassembled)} datagrams reassembled, ${n(stats.fragments.abandoned)} abandoned`
        : ''),
    `  connections: ${n(tcp.flows)} (closed: ${n(tcp.closedByFin)} FIN, ${n(tcp.closedByRst)} RST, ${n(tcp.closedIdle)} idle; ` +
      `evicted: ${n(tcp.evictedFlowLimit)} flow limit, ${n(tcp.evictedMemory)} memory limit); ` +
      `${n(tcp.outOfOrder)} out-of-order segments, ${n(tcp.retransmitted)} retransmissions, ` +
      `${n(tcp.gaps)} gaps (${n(tcp.gapBytes)} bytes lost)` +
      (tcp.outOfWindow > 0 ? `, ${n(tcp.outOfWindow)} out-of-window segments` : ''),
    `  exchanges: ${n(stats.calls)} emitted (${n(http.incomplete)} incomplete), ${n(http.requests)} requests, ${n(http.responses)} responses; ` +
      `${n(http.orphanResponses)} responses without request, ${n(http.parseErrors)} parse errors, ${n(http.tunnels)} tunnels/upgrades` +
      (http.pipelineOverflow > 0 ? `, ${n(http.pipelineOverflow)} given up (too many waiting)` : ''),
    `  dropped: ${listCounts(stats.dropped)}`,
    `  sink: ${sinkLine}`,
  ];
  const why = diagnoseNoHttp(stats);
  if (why !== undefined) lines.push(why);
  return `${lines.join('\n')}\n`;
}
