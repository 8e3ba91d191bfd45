import { useMemo } from 'react';

import { type ApiFinding, type FindingPage, SEVERITIES } from '../api/api.type';
import { useApi } from '../api/use-api.hook';
import { useServices } from '../api/use-services.hook';
import { DataClassBadge, MethodBadge, PathText, SeverityBadge } from '../design/badge.component';
import { type Column, DataTable } from '../design/data-table.component';
import { FilterSelect } from '../design/filter-select.component';
import { Icon } from '../design/icon.component';
import { Panel } from '../design/panel.component';
import { EmptyState, ErrorState, LoadingRows, ProgressBar } from '../design/state.component';
import { DATA_CLASSES } from '../domain/data-class.constant';
import {
  categoryTitle,
  FINDINGS_PAGE_SIZE,
  findingEndpointHref,
  findingsApiUrl,
  findingsHref,
  type FindingsQuery,
  OWASP_CATEGORIES,
  owaspIdOf,
  parseFindingsQuery,
} from '../domain/findings-query.util';
import { dataClassLabel, formatCount } from '../domain/format.util';
import { Link } from '../router/link.component';
import { navigate } from '../router/router.util';
import { useLocation } from '../router/use-location.hook';

/** Where each page's cursor came from, so "Previous" can go back: the API pages forward only. */
const previousCursor = new Map<string, string | undefined>();
const pageNumber = new Map<string, number>();

const COLUMNS: ReadonlyArray<Column<ApiFinding>> = [
  {
    key: 'severity',
    header: 'Severity',
    width: '100px',
    cell: (f) => <SeverityBadge severity={f.severity} />,
  },
  {
    key: 'finding',
    header: 'Finding',
    width: '38%',
    cell: (f) => (
      <div className="stack" style={{ gap: 3 }}>
        <strong>{f.title}</strong>
        <span className="muted" style={{ fontSize: 12 }}>
          {f.detail}
        </span>
        {f.evidence.length > 0 && (
          <span className="badges">
            {[...new Set(f.evidence.map((e) => e.class))].slice(0, 4).map((c) => (
              <DataClassBadge key={c} dataClass={c} />
            ))}
            <code className="tree-example" title="masked by the server: raw values are never stored">
              {f.evidence[0].example}
            </code>
          </span>
        )}
      </div>
    ),
  },
  {
    key: 'endpoint',
    header: 'Endpoint',
    cell: (f) => (
      <div className="stack" style={{ gap: 2, minWidth: 0 }}>
        <Link
          href={findingEndpointHref(f)}
          tabIndex={-1}
          className="row"
          style={{ color: 'var(--text)', flexWrap: 'nowrap', gap: 6, minWidth: 0 }}
        >
          <MethodBadge method={f.method} />
          <PathText path={f.path} />
        </Link>
        <span className="faint" style={{ fontSize: 11.5 }}>
          {f.service}
        </span>
      </div>
    ),
  },
  {
    key: 'category',
    header: 'OWASP API 2023',
    width: '190px',
    cell: (f) => (
      <div className="stack" style={{ gap: 2 }}>
        <strong>{f.category}</strong>
        <span className="muted" style={{ fontSize: 12 }}>
          {categoryTitle(f.category)}
        </span>
      </div>
    ),
  },
];

/**
 * Findings by severity and OWASP API Top 10 category, as GET /api/v1/findings returns them: the API
 * filters (severity, category, data class, service), sorts (critical first) and pages; the filters
 * live in the URL so a view can be shared, and each finding links to its endpoint.
 */
export function FindingsPage() {
  const location = useLocation();
  const q = useMemo(() => parseFindingsQuery(location.search), [location.search]);
  const page = useApi<FindingPage>(findingsApiUrl(q));
  const services = useServices();
  const go = (change: Partial<FindingsQuery>, keepCursor = false) => {
    const next: FindingsQuery = { ...q, ...change };
    if (!keepCursor) delete next.cursor;
    navigate(findingsHref(next));
  };
  const current = q.cursor ?? '';
  const number = pageNumber.get(current) ?? (q.cursor ? undefined : 1);
  const nextCursor = page.data?.nextCursor ?? null;
  const filtered = Boolean(q.severity || q.category || q.dataClass || q.service);
  const rows = page.data?.items ?? [];

  const goNext = () => {
    if (!nextCursor) return;
    previousCursor.set(nextCursor, q.cursor);
    if (number !== undefined) pageNumber.set(nextCursor, number + 1);
    go({ cursor: nextCursor }, true);
  };
  const goPrevious = () =>
    go({ cursor: previousCursor.has(current) ? previousCursor.get(current) : undefined }, true);
  const clear = () =>
    go({ severity: undefined, category: undefined, dataClass: undefined, service: undefined });

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Findings</h1>
          <p>
            Risks in the inventory, ranked by severity and mapped to the OWASP API Security Top 10 (2023).
          </p>
        </div>
        <button type="button" className="btn" onClick={page.reload} disabled={page.status === 'loading'}>
          <Icon name="refresh" /> Refresh
        </button>
      </div>
      <div className="panel">
        <div className="severity-bar" role="group" aria-label="Filter by severity">
          {SEVERITIES.map((s) => (
            <button
              key={s}
              type="button"
              className="severity-cell"
              aria-pressed={q.severity === s}
              data-testid={`severity-${s}`}
              onClick={() => go({ severity: q.severity === s ? undefined : s })}
            >
              <SeverityBadge severity={s} />
              <span className="muted" style={{ fontSize: 12 }}>
                {q.severity === s ? 'showing only these' : `show only ${s}`}
              </span>
            </button>
          ))}
        </div>
      </div>
      <Panel
        flush
        title={
          page.data
            ? `${formatCount(rows.length)}${nextCursor ? '+' : ''} finding${rows.length === 1 ? '' : 's'}`
            : 'Findings'
        }
        hint={number !== undefined && (nextCursor || number > 1) ? `page ${number}` : undefined}
        actions={
          filtered && (
            <button type="button" className="btn btn-ghost" onClick={clear}>
              Clear filters
            </button>
          )
        }
      >
        <div className="toolbar">
          <FilterSelect
            label="OWASP category"
            value={q.category}
            allLabel="All categories"
            testId="filter-category"
            onChange={(v) => go({ category: v as FindingsQuery['category'] })}
            options={OWASP_CATEGORIES.map((c) => [c, `${owaspIdOf(c)} ${categoryTitle(c)}`] as const)}
          />
          <FilterSelect
            label="Data class"
            value={q.dataClass}
            allLabel="Any data"
            testId="filter-class"
            onChange={(dataClass) => go({ dataClass })}
            options={DATA_CLASSES.map((c) => [c, dataClassLabel(c)] as const)}
          />
          <FilterSelect
            label="Service"
            value={q.service}
            allLabel="All services"
            testId="filter-service"
            onChange={(service) => go({ service })}
            options={[
              ...(services.data?.services ?? []).map((s) => [s.name, s.name] as const),
              // a service from a shared link shows even before (or without) the list
              ...(q.service && !services.data?.services.some((s) => s.name === q.service)
                ? [[q.service, q.service] as const]
                : []),
            ]}
          />
        </div>
        {page.status === 'loading' && page.data && <ProgressBar value={undefined} />}
        {page.status === 'error' && !page.data ? (
          <ErrorState
            error={page.error}
            onRetry={page.error.status === 400 && q.cursor ? () => go({ cursor: undefined }) : page.reload}
          />
        ) : !page.data ? (
          <LoadingRows rows={8} label="Loading findings" />
        ) : (
          <DataTable
            caption="Findings"
            columns={COLUMNS}
            rows={rows}
            rowKey={(f) => f.id}
            busy={page.status === 'loading'}
            onActivate={(f) => navigate(findingEndpointHref(f))}
            empty={
              <EmptyState compact title={filtered ? 'No finding matches' : 'No findings'} icon="findings">
                {filtered
                  ? 'Nothing matches these filters: try fewer.'
                  : 'No endpoint is flagged or carries sensitive data.'}
              </EmptyState>
            }
          />
        )}
        {page.data && (q.cursor || nextCursor) && (
          <div className="table-foot">
            <span>
              {number !== undefined && `Page ${number} · `}
              {FINDINGS_PAGE_SIZE} a page, most severe first
            </span>
            <div className="row">
              <button type="button" className="btn" disabled={!q.cursor} onClick={goPrevious}>
                <Icon name="chevronLeft" /> Previous
              </button>
              <button
                type="button"
                className="btn"
                disabled={!nextCursor}
                onClick={goNext}
                data-testid="findings-next"
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
