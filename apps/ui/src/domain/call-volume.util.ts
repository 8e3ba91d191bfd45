import { type CallVolume, type CallVolumeInterval } from '../api/api.type';

/**
 * Time windows and series for GET /api/v1/stats/calls. The window ends now, unless the traffic
 * stopped before it began: then it ends at the last call, so a capture from last week still shows
 * its curve (the view says so). Buckets the API leaves out (no calls) are zeros on the chart.
 */
export const RANGES = {
  '24h': { interval: 'hour', span: 86_400_000 },
  '30d': { interval: 'day', span: 30 * 86_400_000 },
} as const;
export type Range = keyof typeof RANGES;

const STEP: Record<CallVolumeInterval, number> = { hour: 3_600_000, day: 86_400_000 };

export interface StatsWindow {
  interval: CallVolumeInterval;
  from: number;
  to: number;
  /** true when the window ends at the last call rather than now */
  anchored: boolean;
}

export function statsWindow(range: Range, latestCall: number | null, now = Date.now()): StatsWindow {
  const { interval, span } = RANGES[range];
  const step = STEP[interval];
  const anchored = latestCall !== null && latestCall < now - span;
  // 24 hourly or 30 daily buckets, the last one holding the window's end (now, or the last call)
  const last = Math.floor((anchored ? latestCall : now) / step) * step;
  const from = last - (span / step - 1) * step;
  return { interval, from, to: anchored ? last + step : now, anchored };
}

export interface VolumeBucket {
  /** epoch ms of the bucket's start */
  t: number;
  ok: number;
  clientErrors: number;
  serverErrors: number;
  unanswered: number;
  calls: number;
}

/** Sums the services of each bucket and fills the buckets without calls with zeros. */
export function volumeSeries(items: readonly CallVolume[], window: StatsWindow): VolumeBucket[] {
  const step = STEP[window.interval];
  const byBucket = new Map<number, VolumeBucket>();
  for (let t = Math.floor(window.from / step) * step; t < window.to; t += step)
    byBucket.set(t, { t, ok: 0, clientErrors: 0, serverErrors: 0, unanswered: 0, calls: 0 });
  for (const item of items) {
    const t = Date.parse(item.bucket);
    const bucket = byBucket.get(t) ?? { t, ok: 0, clientErrors: 0, serverErrors: 0, unanswered: 0, calls: 0 };
    bucket.calls += item.calls;
    bucket.clientErrors += item.clientErrors;
    bucket.serverErrors += item.serverErrors;
    bucket.unanswered += item.unanswered;
    bucket.ok = bucket.calls - bucket.clientErrors - bucket.serverErrors - bucket.unanswered;
    byBucket.set(t, bucket);
  }
  return [...byBucket.values()].sort((a, b) => a.t - b.t);
}
