import {
  AUTH_STATUSES,
  type AuthStatus,
  type Endpoint,
  ENDPOINT_FLAGS,
  type EndpointFlag,
} from '../api/api.type';

/** Figures the Overview shows, computed from the endpoint snapshot (the API has no summary route). */
export interface InventorySummary {
  endpoints: number;
  calls: number;
  flags: Record<EndpointFlag, number>;
  auth: Record<AuthStatus, number>;
  /** calls per status class: 2xx, 3xx, 4xx, 5xx, and "none" (no response seen) */
  statusClasses: Record<'2xx' | '3xx' | '4xx' | '5xx' | 'none', number>;
  /** endpoints per sensitive data class */
  dataClasses: Array<[string, number]>;
  /** cumulative endpoints by first-seen time, one point per endpoint discovery */
  discovery: Array<{ t: number; v: number }>;
  /** endpoints first seen at or after `since` */
  newSince: Endpoint[];
  /** newest first-seen time, the "as of" of the data */
  latest: number | null;
}

const DAY_MS = 86_400_000;
const MAX_POINTS = 400;

function statusClass(code: string): keyof InventorySummary['statusClasses'] {
  const n = Number(code);
  if (n >= 200 && n < 300) return '2xx';
  if (n >= 300 && n < 400) return '3xx';
  if (n >= 400 && n < 500) return '4xx';
  if (n >= 500 && n < 600) return '5xx';
  return 'none';
}

/** Discovery curve, thinned to at most MAX_POINTS (the last point is always kept). */
function discoveryCurve(firstSeen: number[]): Array<{ t: number; v: number }> {
  const sorted = [...firstSeen].sort((a, b) => a - b);
  const every = Math.max(1, Math.ceil(sorted.length / MAX_POINTS));
  const points = sorted.flatMap((t, i) =>
    i % every === 0 || i === sorted.length - 1 ? [{ t, v: i + 1 }] : [],
  );
  return points;
}

export function summarize(endpoints: readonly Endpoint[], now = Date.now()): InventorySummary {
  const flags = Object.fromEntries(ENDPOINT_FLAGS.map((f) => [f, 0])) as Record<EndpointFlag, number>;
  const auth = Object.fromEntries(AUTH_STATUSES.map((a) => [a, 0])) as Record<AuthStatus, number>;
  const statusClasses = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, none: 0 };
  const classes = new Map<string, number>();
  const firstSeen: number[] = [];
  const since = now - DAY_MS;
  const newSince: Endpoint[] = [];
  let calls = 0;
  let latest: number | null = null;
  for (const e of endpoints) {
    calls += e.calls;
    for (const f of e.flags) if (f in flags) flags[f] += 1;
    if (e.auth.status in auth) auth[e.auth.status] += 1;
    for (const [code, n] of Object.entries(e.statusCodes)) statusClasses[statusClass(code)] += n;
    for (const c of new Set(e.sensitive.map((s) => s.class))) classes.set(c, (classes.get(c) ?? 0) + 1);
    const first = e.firstSeen ? Date.parse(e.firstSeen) : NaN;
    if (!Number.isNaN(first)) {
      firstSeen.push(first);
      if (first >= since) newSince.push(e);
    }
    const last = e.lastSeen ? Date.parse(e.lastSeen) : NaN;
    if (!Number.isNaN(last) && (latest === null || last > latest)) latest = last;
  }
  newSince.sort((a, b) => Date.parse(b.firstSeen ?? '') - Date.parse(a.firstSeen ?? ''));
  return {
    endpoints: endpoints.length,
    calls,
    flags,
    auth,
    statusClasses,
    dataClasses: [...classes].sort((a, b) => b[1] - a[1]),
    discovery: discoveryCurve(firstSeen),
    newSince,
    latest,
  };
}

/** The most recently discovered endpoints, newest first. */
export function newestEndpoints(endpoints: readonly Endpoint[], count: number): Endpoint[] {
  return endpoints
    .filter((e) => e.firstSeen)
    .sort((a, b) => Date.parse(b.firstSeen ?? '') - Date.parse(a.firstSeen ?? ''))
    .slice(0, count);
}
