import { useMemo, useState } from 'react';

import { ENDPOINT_FLAGS, type FindingPage } from '../api/api.type';
import { MAX_ENDPOINTS } from '../api/endpoint-snapshot.store';
import { useEndpointSnapshot } from '../api/use-endpoint-snapshot.hook';
import { useApi } from '../api/use-api.hook';
import { useServices } from '../api/use-services.hook';
import { useSevereFindings } from '../api/use-severe-findings.hook';
import { FLAG_INFO, FlagBadge, MethodBadge, PathText, SeverityBadge } from '../design/badge.component';
import { Icon } from '../design/icon.component';
import { HBarList, Meter } from '../design/meter.component';
import { Panel, Stat } from '../design/panel.component';
import { EmptyState, ErrorState, LoadingRows, ProgressBar } from '../design/state.component';
import { TimeChart } from '../design/time-chart.component';
import {
  type CatalogQuery,
  catalogHref,
  endpointHref,
  parseCatalogQuery,
} from '../domain/catalog-query.util';
import { categoryTitle, findingEndpointHref } from '../domain/findings-query.util';
import { dataClassLabel, formatAgo, formatCount, formatDateTime } from '../domain/format.util';
import { newestEndpoints, summarize } from '../domain/inventory-summary.util';
import { Link } from '../router/link.component';
import { CallsOverTime } from './calls-over-time.component';
import { RecentChanges } from './recent-changes.component';

const filtered = (params: Partial<CatalogQuery>) =>
  catalogHref({ ...parseCatalogQuery(new URLSearchParams()), ...params });

function Activity({
  discovery,
  latestCall,
}: {
  discovery: Array<{ t: number; v: number }> | undefined;
  latestCall: number | null;
}) {
  const [tab, setTab] = useState<'calls' | 'discovery'>('calls');
  return (
    <section className="panel" aria-label="Activity">
      <div className="tabs" role="tablist" aria-label="Activity charts">
        {(
          [
            ['calls', 'Calls over time'],
            ['discovery', 'Endpoints discovered'],
          ] as const
        ).map(([id, text]) => (
          <button
            key={id}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === id}
            onClick={() => setTab(id)}
          >
            {text}
          </button>
        ))}
      </div>
      <div className="panel-body">
        {tab === 'calls' ? (
          <CallsOverTime latestCall={latestCall} />
        ) : !discovery ? (
          <LoadingRows rows={7} />
        ) : discovery.length > 1 ? (
          <TimeChart
            points={discovery}
            step
            height={250}
            label="Endpoints discovered over time (cumulative, by first seen)"
            valueLabel="endpoints known"
          />
        ) : (
          <EmptyState compact title="Not enough history yet" icon="clock">
            The curve appears once endpoints were first seen at different times.
          </EmptyState>
        )}
      </div>
    </section>
  );
}

export function OverviewPage() {
  const services = useServices();
  const snapshot = useEndpointSnapshot();
  const endpoints = snapshot.snapshot?.endpoints;
  const summary = useMemo(() => (endpoints ? summarize(endpoints) : undefined), [endpoints]);
  // the API sorts findings most severe first: the first page's head is the top risks
  const top = useApi<FindingPage>('/api/v1/findings?limit=6');
  const severe = useSevereFindings();
  const newest = useMemo(() => (endpoints ? newestEndpoints(endpoints, 5) : []), [endpoints]);
  const list = services.data?.services;
  const totals = list && {
    services: list.length,
    endpoints: list.reduce((n, s) => n + s.endpoints, 0),
    calls: list.reduce((n, s) => n + s.calls, 0),
    activeDay: list.filter((s) => Date.now() - Date.parse(s.lastSeen) < 86_400_000).length,
    newDay: list.filter((s) => Date.now() - Date.parse(s.firstSeen) < 86_400_000).length,
    latestCall: list.length ? Math.max(...list.map((s) => Date.parse(s.lastSeen))) : null,
  };
  const expected = totals?.endpoints ?? 0;
  const loadingSnapshot = snapshot.status === 'loading' || snapshot.status === 'idle';

  if (services.status === 'error' && !list)
    return <ErrorState error={services.error} onRetry={services.reload} />;
  if (list && list.length === 0)
    return (
      <>
        <div className="page-head">
          <h1>Overview</h1>
        </div>
        <div className="panel">
          <EmptyState title="No traffic seen yet" icon="inbox">
            apiscope builds the catalog from traffic. Start it with a capture (
            <code>apiscope up --har file.har</code>, <code>--demo</code>) or send ApiCall events to{' '}
            <code>POST /api/v1/ingest</code>.
          </EmptyState>
        </div>
      </>
    );

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Overview</h1>
          <p>
            What apiscope has seen in your traffic
            {summary?.latest ? ` · last call ${formatAgo(new Date(summary.latest).toISOString())}` : ''}
          </p>
        </div>
        <button
          type="button"
          className="btn"
          onClick={() => {
            services.reload();
            snapshot.reload();
          }}
          disabled={loadingSnapshot}
        >
          <Icon name="refresh" /> Refresh
        </button>
      </div>

      <div className="panel">
        {loadingSnapshot && (
          <ProgressBar
            value={expected > 0 ? (snapshot.loaded / Math.min(expected, MAX_ENDPOINTS)) * 100 : undefined}
          />
        )}
        <div className="grid grid-kpi" style={{ gap: 0 }}>
          <Stat
            href="/services"
            label="Services"
            value={totals ? formatCount(totals.services) : '–'}
            sub={totals && `${totals.activeDay} active in 24 h`}
          />
          <Stat
            href="/endpoints"
            label="Endpoints"
            value={totals ? formatCount(totals.endpoints) : '–'}
            sub="method + path template"
          />
          <Stat
            label="Calls observed"
            value={totals ? formatCount(totals.calls) : '–'}
            sub="since the data began"
          />
          <Stat
            href={filtered({ flag: 'unauthenticated' })}
            label="Unauthenticated"
            tone="red"
            value={summary ? formatCount(summary.flags.unauthenticated) : '–'}
            sub="endpoints answering 2xx without credentials"
          />
          <Stat
            href="/findings"
            label="Critical & high findings"
            tone="orange"
            value={
              severe.data
                ? `${formatCount(severe.data.critical + severe.data.high)}${severe.data.truncated ? '+' : ''}`
                : '–'
            }
            sub={
              severe.data &&
              `${formatCount(severe.data.critical)} critical, ${formatCount(severe.data.high)} high`
            }
          />
        </div>
      </div>

      {snapshot.status === 'error' && !summary && (
        <ErrorState error={snapshot.error!} onRetry={snapshot.reload} />
      )}
      {snapshot.snapshot?.truncated && (
        <div className="notice notice-info">
          Figures below cover the first {formatCount(MAX_ENDPOINTS)} endpoints of {formatCount(expected)}.
        </div>
      )}

      <div className="grid grid-2">
        {totals ? (
          <Activity discovery={summary?.discovery} latestCall={totals.latestCall} />
        ) : (
          <Panel title="Activity">
            <LoadingRows rows={7} />
          </Panel>
        )}
        <Panel title="Flags" hint="endpoints per flag">
          {summary ? (
            <div className="stack" style={{ gap: 14 }}>
              <div className="stack" style={{ gap: 6 }}>
                {ENDPOINT_FLAGS.map((flag) => (
                  <Link
                    key={flag}
                    href={filtered({ flag })}
                    className="risk-item"
                    style={{ padding: '6px 4px', gridTemplateColumns: 'auto minmax(0,1fr) auto' }}
                  >
                    <FlagBadge flag={flag} />
                    <span className="muted" style={{ fontSize: 12 }}>
                      {FLAG_INFO[flag].text}
                    </span>
                    <strong className="num">{formatCount(summary.flags[flag])}</strong>
                  </Link>
                ))}
              </div>
              <div className="stack" style={{ gap: 6 }}>
                <h3>Authentication</h3>
                <Meter
                  label="Endpoints by auth status"
                  segments={[
                    { label: 'authenticated', value: summary.auth.authenticated, color: 'var(--chart-2xx)' },
                    { label: 'mixed', value: summary.auth.mixed, color: 'var(--chart-4xx)' },
                    {
                      label: 'unauthenticated',
                      value: summary.auth.unauthenticated,
                      color: 'var(--chart-5xx)',
                    },
                    { label: 'unknown', value: summary.auth.unknown, color: 'var(--chart-other)' },
                  ]}
                />
              </div>
            </div>
          ) : (
            <LoadingRows rows={6} />
          )}
        </Panel>
      </div>

      <div className="grid grid-2">
        <Panel
          title="Top risks"
          hint="the most severe findings"
          flush
          actions={<Link href="/findings">All findings →</Link>}
        >
          {top.status === 'error' && !top.data ? (
            <ErrorState compact error={top.error} onRetry={top.reload} />
          ) : !top.data ? (
            <LoadingRows rows={5} />
          ) : top.data.items.length === 0 ? (
            <EmptyState compact title="No findings" icon="findings">
              No endpoint carries a flag or sensitive data.
            </EmptyState>
          ) : (
            <ul className="risk-list">
              {top.data.items.map((f) => (
                <li key={f.id}>
                  <Link href={findingEndpointHref(f)} className="risk-item">
                    <SeverityBadge severity={f.severity} />
                    <span className="title">
                      <span style={{ fontWeight: 600 }}>{f.title}</span>
                      <span className="row" style={{ gap: 6, flexWrap: 'nowrap', minWidth: 0 }}>
                        <MethodBadge method={f.method} />
                        <PathText path={f.path} />
                      </span>
                    </span>
                    <span className="faint" style={{ fontSize: 12, textAlign: 'right' }}>
                      {f.category}
                      <br />
                      {categoryTitle(f.category)}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title="Last 24 hours" hint="first/last-seen times and the change feed">
          {!summary || !totals ? (
            <LoadingRows rows={5} />
          ) : (
            <div className="stack" style={{ gap: 14 }}>
              <div className="grid" style={{ gridTemplateColumns: 'repeat(3, 1fr)', gap: 8 }}>
                <Stat compact label="New endpoints" value={formatCount(summary.newSince.length)} />
                <Stat compact label="New services" value={formatCount(totals.newDay)} />
                <Stat compact label="Active services" value={formatCount(totals.activeDay)} />
              </div>
              <div className="stack" style={{ gap: 8 }}>
                <h3>Most recently discovered</h3>
                {newest.map((e) => (
                  <Link
                    key={`${e.service}${e.method}${e.path}`}
                    href={endpointHref(e)}
                    className="row"
                    style={{ color: 'inherit', flexWrap: 'nowrap' }}
                  >
                    <MethodBadge method={e.method} />
                    <span
                      style={{
                        minWidth: 0,
                        overflow: 'hidden',
                        textOverflow: 'ellipsis',
                        whiteSpace: 'nowrap',
                        flex: 1,
                      }}
                    >
                      <PathText path={e.path} />
                    </span>
                    <span
                      className="faint"
                      style={{ fontSize: 12, whiteSpace: 'nowrap' }}
                      title={formatDateTime(e.firstSeen)}
                    >
                      {formatAgo(e.firstSeen)}
                    </span>
                  </Link>
                ))}
              </div>
              <RecentChanges />
            </div>
          )}
        </Panel>
      </div>

      <div className="grid grid-halves">
        <Panel title="Calls by service" actions={<Link href="/services">All services →</Link>}>
          {list ? (
            <HBarList
              items={[...list]
                .sort((a, b) => b.calls - a.calls)
                .slice(0, 8)
                .map((s) => ({
                  key: s.name,
                  label: <Link href={filtered({ service: s.name })}>{s.name}</Link>,
                  value: s.calls,
                }))}
              format={formatCount}
            />
          ) : (
            <LoadingRows rows={5} />
          )}
        </Panel>
        <Panel title="Responses and data">
          {summary ? (
            <div className="stack" style={{ gap: 18 }}>
              <div className="stack" style={{ gap: 6 }}>
                <h3>Status codes (calls)</h3>
                <Meter
                  label="Calls by status class"
                  segments={[
                    { label: '2xx', value: summary.statusClasses['2xx'], color: 'var(--chart-2xx)' },
                    { label: '3xx', value: summary.statusClasses['3xx'], color: 'var(--chart-3xx)' },
                    { label: '4xx', value: summary.statusClasses['4xx'], color: 'var(--chart-4xx)' },
                    { label: '5xx', value: summary.statusClasses['5xx'], color: 'var(--chart-5xx)' },
                    { label: 'no response', value: summary.statusClasses.none, color: 'var(--chart-other)' },
                  ]}
                />
              </div>
              <div className="stack" style={{ gap: 6 }}>
                <h3>Sensitive data classes (endpoints)</h3>
                {summary.dataClasses.length === 0 ? (
                  <p className="muted" style={{ fontSize: 13 }}>
                    No sensitive data reported by the API for any endpoint.
                  </p>
                ) : (
                  <HBarList
                    items={summary.dataClasses.slice(0, 6).map(([c, n]) => ({
                      key: c,
                      label: <Link href={filtered({ dataClass: c })}>{dataClassLabel(c)}</Link>,
                      value: n,
                      color: 'var(--orange)',
                    }))}
                  />
                )}
              </div>
            </div>
          ) : (
            <LoadingRows rows={5} />
          )}
        </Panel>
      </div>
    </>
  );
}
