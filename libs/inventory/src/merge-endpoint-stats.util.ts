import { type EndpointStats } from './endpoint-stats.type';

const sumMaps = (a: Record<string, number>, b: Record<string, number>): Record<string, number> => {
  const out: Record<string, number> = { ...a };
  for (const [k, n] of Object.entries(b)) out[k] = (out[k] ?? 0) + n;
  return out;
};

/** Two stats of one endpoint as one (what ClickHouse does for rows of one key, in memory). */
export function mergeEndpointStats(a: EndpointStats, b: EndpointStats): EndpointStats {
  return {
    service: a.service,
    method: a.method,
    pathTemplate: a.pathTemplate,
    calls: a.calls + b.calls,
    firstSeen: Math.min(a.firstSeen, b.firstSeen),
    lastSeen: Math.max(a.lastSeen, b.lastSeen),
    statusCodes: sumMaps(a.statusCodes, b.statusCodes),
    authSchemes: [...new Set([...a.authSchemes, ...b.authSchemes])].sort(),
    credentialedCalls: a.credentialedCalls + b.credentialedCalls,
    uncredentialedCalls: a.uncredentialedCalls + b.uncredentialedCalls,
    unauthenticatedSuccesses: a.unauthenticatedSuccesses + b.unauthenticatedSuccesses,
    uncredentialedStatusCodes: sumMaps(a.uncredentialedStatusCodes, b.uncredentialedStatusCodes),
    timedCalls: a.timedCalls + b.timedCalls,
    durationMsSum: a.durationMsSum + b.durationMsSum,
    durationMsMax: Math.max(a.durationMsMax, b.durationMsMax),
  };
}
