import { type CallRecord } from './call-record.type';
import { type EndpointStats } from './endpoint-stats.type';

/** Folds a batch of calls into one stats delta per endpoint (order of calls does not matter). */
export function aggregateEndpointStats(records: readonly CallRecord[]): EndpointStats[] {
  const byKey = new Map<string, EndpointStats>();
  for (const r of records) {
    const key = `${r.service}\u0000${r.method}\u0000${r.pathTemplate}`;
    let s = byKey.get(key);
    if (!s) {
      s = {
        service: r.service,
        method: r.method,
        pathTemplate: r.pathTemplate,
        calls: 0,
        firstSeen: r.ts,
        lastSeen: r.ts,
        statusCodes: {},
        authSchemes: [],
        credentialedCalls: 0,
        uncredentialedCalls: 0,
        unauthenticatedSuccesses: 0,
        uncredentialedStatusCodes: {},
        timedCalls: 0,
        durationMsSum: 0,
        durationMsMax: 0,
      };
      byKey.set(key, s);
    }
    s.calls += 1;
    s.firstSeen = Math.min(s.firstSeen, r.ts);
    s.lastSeen = Math.max(s.lastSeen, r.ts);
    s.statusCodes[r.status] = (s.statusCodes[r.status] ?? 0) + 1;
    for (const scheme of r.authSchemes) if (!s.authSchemes.includes(scheme)) s.authSchemes.push(scheme);
    if (r.credentials === 'present') s.credentialedCalls += 1;
    if (r.credentials === 'absent') {
      s.uncredentialedCalls += 1;
      s.uncredentialedStatusCodes[r.status] = (s.uncredentialedStatusCodes[r.status] ?? 0) + 1;
      if (r.status >= 200 && r.status < 300) s.unauthenticatedSuccesses += 1;
    }
    if (r.durationMs !== null) {
      s.timedCalls += 1;
      s.durationMsSum += r.durationMs;
      s.durationMsMax = Math.max(s.durationMsMax, r.durationMs);
    }
  }
  for (const s of byKey.values()) s.authSchemes.sort();
  return [...byKey.values()];
}
