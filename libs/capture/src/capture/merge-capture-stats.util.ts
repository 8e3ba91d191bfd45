import { type CaptureStats } from './capture-stats.type';

function addNumbers<T extends object>(into: T, from: T): void {
  const target = into as Record<string, number>;
  for (const [key, value] of Object.entries(from as Record<string, number>))
    target[key] = (target[key] ?? 0) + value;
}

/**
 * Figures of N shards that read the same capture: what every shard saw alike (the file, the frames
 * and their decoding, fragments) is taken from the first; what the shards split (connections,
 * exchanges, drops) is summed.
 */
export function mergeCaptureStats(shards: readonly CaptureStats[]): CaptureStats {
  const [first, ...rest] = shards;
  const merged: CaptureStats = structuredClone(first);
  for (const s of rest) {
    addNumbers(merged.tcp, s.tcp);
    addNumbers(merged.http, s.http);
    addNumbers(merged.dropped, s.dropped);
    merged.calls += s.calls;
    merged.memoryUsed += s.memoryUsed;
    merged.openFlows += s.openFlows;
    s.payload.flows.forEach((n, i) => (merged.payload.flows[i] += n));
    s.payload.bytes.forEach((n, i) => (merged.payload.bytes[i] += n));
    merged.payload.tlsPort443Flows += s.payload.tlsPort443Flows;
  }
  return merged;
}
