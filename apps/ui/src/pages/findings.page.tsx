import { useMemo } from 'react';

import { MAX_ENDPOINTS } from '../api/endpoint-snapshot.store';
import { useEndpointSnapshot } from '../api/use-endpoint-snapshot.hook';
import { MethodBadge, PathText, SeverityBadge } from '../design/badge.component';
import { type Column, DataTable } from '../design/data-table.component';
import { Icon } from '../design/icon.component';
import { HBarList } from '../design/meter.component';
import { Panel } from '../design/panel.component';
import { EmptyState, ErrorState, LoadingRows, ProgressBar } from '../design/state.component';
import { endpointHref } from '../domain/catalog-query.util';
import { deriveFindings, type Finding, SEVERITIES, type Severity } from '../domain/findings.util';
import { formatCount } from '../domain/format.util';
import { OWASP_API_2023, type OwaspId } from '../domain/owasp.constant';
import { Link } from '../router/link.component';
import { buildHref, navigate } from '../router/router.util';
import { useLocation } from '../router/use-location.hook';

const PAGE = 100;

const COLUMNS: ReadonlyArray<Column<Finding>> = [
  {
    key: 'severity',
    header: 'Severity',
    width: '100px',
    cell: (f) => <SeverityBadge severity={f.severity} />,
  },
  {
    key: 'finding',
    header: 'Finding',
    width: '32%',
    cell: (f) => (
      <div className="stack" style={{ gap: 2 }}>
        <strong>{f.title}</strong>
        <span className="muted" style={{ fontSize: 12 }}>
          {f.detail}
        </span>
      </div>
    ),
  },
  {
    key: 'endpoint',
    header: 'Endpoint',
    cell: (f) => (
      <div className="stack" style={{ gap: 2 }}>
        <Link
          href={endpointHref(f.endpoint)}
          tabIndex={-1}
          className="row"
          style={{ color: 'var(--text)', flexWrap: 'nowrap', gap: 6 }}
        >
          <MethodBadge method={f.endpoint.method} />
          <PathText path={f.endpoint.path} />
        </Link>
        <span className="faint" style={{ fontSize: 11.5 }}>
          {f.endpoint.service}
        </span>
      </div>
    ),
  },
  {
    key: 'owasp',
    header: 'OWASP API 2023',
    width: '200px',
    cell: (f) => (
      <div className="stack" style={{ gap: 2 }}>
        <strong>{f.owasp}:2023</strong>
        <span className="muted" style={{ fontSize: 12 }}>
          {OWASP_API_2023[f.owasp]}
        </span>
      </div>
    ),
  },
  {
    key: 'calls',
    header: 'Calls',
    align: 'right',
    width: '80px',
    cell: (f) => <span className="num">{formatCount(f.endpoint.calls)}</span>,
  },
];

/**
 * Findings by severity and OWASP API Top 10 category. Derived in the browser from the endpoints the
 * public API returns (flags, auth, sensitive[]): there is no findings route yet (domain/findings.util.ts).
 */
export function FindingsPage() {
  const location = useLocation();
  const snapshot = useEndpointSnapshot();
  const all = useMemo(
    () => (snapshot.snapshot ? deriveFindings(snapshot.snapshot.endpoints) : undefined),
    [snapshot.snapshot],
  );
  const severityParam = location.search.get('severity');
  const severity = (SEVERITIES as readonly string[]).includes(severityParam ?? '')
    ? (severityParam as Severity)
    : undefined;
  const owaspParam = location.search.get('owasp');
  const owasp = owaspParam !== null && owaspParam in OWASP_API_2023 ? (owaspParam as OwaspId) : undefined;
  const offset = Math.max(0, Number(location.search.get('from')) || 0);
  const href = (next: { severity?: Severity | null; owasp?: OwaspId | null; from?: number }) =>
    buildHref('/findings', {
      severity: next.severity === null ? undefined : (next.severity ?? severity),
      owasp: next.owasp === null ? undefined : (next.owasp ?? owasp),
      from: next.from || undefined,
    });

  const bySeverity = useMemo(() => {
    const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    for (const f of all ?? []) if (!owasp || f.owasp === owasp) counts[f.severity] += 1;
    return counts;
  }, [all, owasp]);
  const byCategory = useMemo(() => {
    const counts = new Map<OwaspId, number>();
    for (const f of all ?? [])
      if (!severity || f.severity === severity) counts.set(f.owasp, (counts.get(f.owasp) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]);
  }, [all, severity]);
  const rows = useMemo(
    () => (all ?? []).filter((f) => (!severity || f.severity === severity) && (!owasp || f.owasp === owasp)),
    [all, severity, owasp],
  );
  const shown = rows.slice(offset, offset + PAGE);
  const half = Math.ceil(byCategory.length / 2);
  const categoryItem = ([id, n]: [OwaspId, number]) => ({
    key: id,
    label: (
      <Link
        href={href({ owasp: owasp === id ? null : id, from: 0 })}
        title={OWASP_API_2023[id]}
        aria-current={owasp === id ? 'true' : undefined}
        style={owasp === id ? { fontWeight: 700 } : undefined}
      >
        {id} {OWASP_API_2023[id]}
      </Link>
    ),
    value: n,
    color: 'var(--red)',
  });

  if (snapshot.status === 'error' && !all)
    return <ErrorState error={snapshot.error!} onRetry={snapshot.reload} />;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Findings</h1>
          <p>
            Risks in the inventory, ranked by severity and mapped to the OWASP API Security Top 10 (2023).
          </p>
        </div>
        <button
          type="button"
          className="btn"
          onClick={snapshot.reload}
          disabled={snapshot.status === 'loading'}
        >
          <Icon name="refresh" /> Refresh
        </button>
      </div>
      {snapshot.snapshot?.truncated && (
        <div className="notice notice-info">
          Findings cover the first {formatCount(MAX_ENDPOINTS)} endpoints of the inventory.
        </div>
      )}
      <div className="panel">
        {snapshot.status === 'loading' && <ProgressBar value={undefined} />}
        <div className="severity-bar" role="group" aria-label="Filter by severity">
          {SEVERITIES.map((s) => (
            <button
              key={s}
              type="button"
              className="severity-cell"
              aria-pressed={severity === s}
              onClick={() => navigate(href({ severity: severity === s ? null : s, from: 0 }))}
            >
              <SeverityBadge severity={s} />
              <span className="stat-value">{all ? formatCount(bySeverity[s]) : '–'}</span>
            </button>
          ))}
        </div>
      </div>
      <Panel title="By OWASP category" hint="click one to filter">
        {!all ? (
          <LoadingRows rows={2} />
        ) : byCategory.length === 0 ? (
          <p className="muted">No category has findings.</p>
        ) : (
          <div className="grid grid-halves" style={{ gap: '10px 32px' }}>
            {[byCategory.slice(0, half), byCategory.slice(half)].map((column, i) => (
              <HBarList key={i} items={column.map(categoryItem)} />
            ))}
          </div>
        )}
        <p className="faint" style={{ fontSize: 12, marginTop: 14 }}>
          Derived in the browser from each endpoint’s flags, auth and sensitive data as the API reports them.
        </p>
      </Panel>
      <Panel
        flush
        title={all ? `${formatCount(rows.length)} finding${rows.length === 1 ? '' : 's'}` : 'Findings'}
        hint={
          severity || owasp
            ? [severity, owasp && `${owasp} ${OWASP_API_2023[owasp]}`].filter(Boolean).join(' · ')
            : undefined
        }
        actions={
          (severity || owasp) && (
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => navigate(href({ severity: null, owasp: null, from: 0 }))}
            >
              Clear filters
            </button>
          )
        }
      >
        {!all ? (
          <LoadingRows rows={8} label="Loading findings" />
        ) : (
          <DataTable
            caption="Findings"
            columns={COLUMNS}
            rows={shown}
            rowKey={(f) => f.id}
            onActivate={(f) => navigate(endpointHref(f.endpoint))}
            empty={
              <EmptyState
                compact
                title={all.length === 0 ? 'No findings' : 'No finding matches'}
                icon="findings"
              >
                {all.length === 0
                  ? 'No endpoint is flagged or carries sensitive data.'
                  : 'Nothing at this severity in this category.'}
              </EmptyState>
            }
          />
        )}
        {rows.length > PAGE && (
          <div className="table-foot">
            <span>
              {offset + 1}–{Math.min(rows.length, offset + PAGE)} of {formatCount(rows.length)}
            </span>
            <div className="row">
              <button
                type="button"
                className="btn"
                disabled={offset === 0}
                onClick={() => navigate(href({ from: Math.max(0, offset - PAGE) }))}
              >
                <Icon name="chevronLeft" /> Previous
              </button>
              <button
                type="button"
                className="btn"
                disabled={offset + PAGE >= rows.length}
                onClick={() => navigate(href({ from: offset + PAGE }))}
              >
                Next <Icon name="chevronRight" />
              </button>
            </div>
          </div>
        )}
      </Panel>
    </>
  );
}
