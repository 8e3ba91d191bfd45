import { useCallback, useMemo, useState } from 'react';

import { type CallVolume } from '../api/api.type';
import { readAllPages } from '../api/read-all-pages.util';
import { useLoader } from '../api/use-api.hook';
import { EmptyState, ErrorState, LoadingRows } from '../design/state.component';
import { VolumeChart } from '../design/volume-chart.component';
import { RANGES, type Range, statsWindow, volumeSeries } from '../domain/call-volume.util';
import { formatAgo, formatCount } from '../domain/format.util';

/**
 * Calls over time from GET /api/v1/stats/calls: the whole inventory, one service or one endpoint
 * (by its id), over 24 hours by the hour or 30 days by the day.
 */
export function CallsOverTime({
  endpoint,
  service,
  latestCall,
}: {
  endpoint?: string;
  service?: string;
  /** epoch ms of the newest call in scope (anchors the window when the traffic is older than it) */
  latestCall: number | null;
}) {
  const [range, setRange] = useState<Range>('24h');
  // the window is fixed per range and scope: re-rendering must not move it (and reload the data)
  const window = useMemo(() => statsWindow(range, latestCall), [range, latestCall]);
  const key = `${range} ${window.from} ${endpoint ?? ''} ${service ?? ''}`;
  const load = useCallback(
    (signal: AbortSignal) =>
      readAllPages<CallVolume>(
        '/api/v1/stats/calls',
        {
          interval: window.interval,
          from: new Date(window.from).toISOString(),
          to: new Date(window.to).toISOString(),
          endpoint,
          service,
        },
        { signal },
      ),
    [window, endpoint, service],
  );
  const stats = useLoader(key, load);
  const buckets = useMemo(
    () => (stats.data ? volumeSeries(stats.data.items, window) : []),
    [stats.data, window],
  );
  const total = buckets.reduce((n, b) => n + b.calls, 0);
  const errors = buckets.reduce((n, b) => n + b.clientErrors + b.serverErrors, 0);

  return (
    <div className="stack" style={{ gap: 10 }}>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <span className="muted" style={{ fontSize: 12.5 }}>
          {stats.data && `${formatCount(total)} calls, ${formatCount(errors)} errors`}
          {window.anchored &&
            latestCall !== null &&
            ` · up to the last call, ${formatAgo(new Date(latestCall).toISOString())}`}
        </span>
        <div className="chips" role="group" aria-label="Time range">
          {(Object.keys(RANGES) as Range[]).map((r) => (
            <button
              key={r}
              type="button"
              className="chip"
              aria-pressed={range === r}
              onClick={() => setRange(r)}
            >
              {r === '24h' ? '24 hours' : '30 days'}
            </button>
          ))}
        </div>
      </div>
      {stats.status === 'error' && !stats.data ? (
        stats.error.isMissingRoute ? (
          <EmptyState compact title="Not available" icon="clock">
            This API version has no calls-over-time route.
          </EmptyState>
        ) : (
          <ErrorState compact error={stats.error} onRetry={stats.reload} />
        )
      ) : !stats.data ? (
        <LoadingRows rows={6} label="Loading calls over time" />
      ) : total === 0 ? (
        <EmptyState compact title="No calls in this window" icon="clock">
          Nothing was seen in the {range === '24h' ? '24 hours' : '30 days'} shown.
        </EmptyState>
      ) : (
        <VolumeChart buckets={buckets} daily={window.interval === 'day'} label="Calls over time" />
      )}
    </div>
  );
}
