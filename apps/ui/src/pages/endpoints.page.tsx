import { useEffect, useMemo, useState } from 'react';

import { AUTH_STATUSES, type Endpoint, type EndpointPage, ENDPOINT_FLAGS } from '../api/api.type';
import { useApi } from '../api/use-api.hook';
import { useServices } from '../api/use-services.hook';
import {
  AuthBadge,
  DataClassBadge,
  FLAG_INFO,
  FlagBadge,
  MethodBadge,
  PathText,
} from '../design/badge.component';
import { type Column, DataTable } from '../design/data-table.component';
import { FilterSelect } from '../design/filter-select.component';
import { Icon } from '../design/icon.component';
import { Panel } from '../design/panel.component';
import { EmptyState, ErrorState, LoadingRows, ProgressBar } from '../design/state.component';
import {
  type CatalogQuery,
  catalogApiUrl,
  catalogHref,
  endpointHref,
  METHODS,
  PAGE_SIZES,
  parseCatalogQuery,
  type SortKey,
} from '../domain/catalog-query.util';
import { DATA_CLASSES } from '../domain/data-class.constant';
import { dataClassLabel, formatAgo, formatCount, formatDateTime } from '../domain/format.util';
import { Link } from '../router/link.component';
import { navigate } from '../router/router.util';
import { useLocation } from '../router/use-location.hook';

/**
 * Where each page's cursor came from, so "Previous" can go back: the API pages forward only. Held
 * for this tab's life; after a reload "Previous" returns to the first page.
 */
const previousCursor = new Map<string, string | undefined>();
const pageNumber = new Map<string, number>();

function columns(showService: boolean): Array<Column<Endpoint>> {
  return [
    { key: 'method', header: 'Method', width: '80px', cell: (e) => <MethodBadge method={e.method} /> },
    {
      key: 'path',
      header: 'Path',
      sortable: true,
      cell: (e) => (
        <div className="stack" style={{ gap: 2 }}>
          <Link href={endpointHref(e)} tabIndex={-1} style={{ color: 'var(--text)' }}>
            <PathText path={e.path} />
          </Link>
          {(showService || e.graphql) && (
            <span className="faint" style={{ fontSize: 11.5 }}>
              {showService && e.service}
              {e.graphql && ` ${e.graphql.operationType} ${e.graphql.operationName}`}
            </span>
          )}
        </div>
      ),
    },
    {
      key: 'calls',
      header: 'Calls',
      align: 'right',
      width: '90px',
      sortable: true,
      cell: (e) => <span className="num">{formatCount(e.calls)}</span>,
    },
    {
      key: 'lastSeen',
      header: 'Last seen',
      width: '110px',
      sortable: true,
      cell: (e) => (
        <span title={formatDateTime(e.lastSeen)}>{e.calls === 0 ? 'never' : formatAgo(e.lastSeen)}</span>
      ),
    },
    { key: 'auth', header: 'Auth', width: '130px', cell: (e) => <AuthBadge status={e.auth.status} /> },
    {
      key: 'flags',
      header: 'Flags',
      width: '150px',
      cell: (e) =>
        e.flags.length ? (
          <div className="badges">
            {e.flags.map((f) => (
              <FlagBadge key={f} flag={f} />
            ))}
          </div>
        ) : (
          <span className="faint">–</span>
        ),
    },
    {
      key: 'classes',
      header: 'Data classes',
      width: '150px',
      cell: (e) => {
        const classes = [...new Set(e.sensitive.map((s) => s.class))];
        return classes.length ? (
          <div className="badges">
            {classes.slice(0, 3).map((c) => (
              <DataClassBadge key={c} dataClass={c} />
            ))}
            {classes.length > 3 && <span className="badge">+{classes.length - 3}</span>}
          </div>
        ) : (
          <span className="faint">–</span>
        );
      },
    },
  ];
}

export function EndpointsPage() {
  const location = useLocation();
  const q = useMemo(() => parseCatalogQuery(location.search), [location.search]);
  const page = useApi<EndpointPage>(catalogApiUrl(q));
  const services = useServices();
  const [text, setText] = useState(q.q ?? '');

  /**
   * A filter change starts again at page one and is a step Back can undo; typing and re-sorting
   * replace the current entry instead of piling up history.
   */
  const go = (change: Partial<CatalogQuery>, options: { keepCursor?: boolean; replace?: boolean } = {}) => {
    const next: CatalogQuery = { ...q, ...change };
    if (!options.keepCursor) delete next.cursor;
    navigate(catalogHref(next), { replace: options.replace ?? false });
  };

  useEffect(() => setText(q.q ?? ''), [q.q]);
  useEffect(() => {
    if ((q.q ?? '') === text.trim()) return undefined;
    const timer = window.setTimeout(() => go({ q: text.trim() || undefined }, { replace: true }), 300);
    return () => window.clearTimeout(timer);
    // `go` reads the current query: re-arming on every render would be the same timer
  }, [text]);

  const rows = page.data?.items ?? [];
  const service = q.service ? services.data?.services.find((s) => s.name === q.service) : undefined;
  const current = q.cursor ?? '';
  const number = pageNumber.get(current) ?? (q.cursor ? undefined : 1);
  const nextCursor = page.data?.nextCursor ?? null;
  const hasFilters = Boolean(q.service || q.method || q.flag || q.auth || q.dataClass || q.q);

  const goNext = () => {
    if (!nextCursor) return;
    previousCursor.set(nextCursor, q.cursor);
    if (number !== undefined) pageNumber.set(nextCursor, number + 1);
    go({ cursor: nextCursor }, { keepCursor: true, replace: false });
  };
  const goPrevious = () => {
    const previous = previousCursor.has(current) ? previousCursor.get(current) : undefined;
    go({ cursor: previous }, { keepCursor: true, replace: false });
  };

  const activeFilters: Array<[string, string, Partial<CatalogQuery>]> = [
    ...(q.service
      ? [['service', q.service, { service: undefined }] as [string, string, Partial<CatalogQuery>]]
      : []),
    ...(q.method
      ? [['method', q.method, { method: undefined }] as [string, string, Partial<CatalogQuery>]]
      : []),
    ...(q.flag ? [['flag', q.flag, { flag: undefined }] as [string, string, Partial<CatalogQuery>]] : []),
    ...(q.auth ? [['auth', q.auth, { auth: undefined }] as [string, string, Partial<CatalogQuery>]] : []),
    ...(q.dataClass
      ? [
          ['data class', dataClassLabel(q.dataClass), { dataClass: undefined }] as [
            string,
            string,
            Partial<CatalogQuery>,
          ],
        ]
      : []),
    ...(q.q ? [['path contains', q.q, { q: undefined }] as [string, string, Partial<CatalogQuery>]] : []),
  ];

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{q.service ?? 'Endpoints'}</h1>
          <p>
            {service
              ? `${formatCount(service.endpoints)} endpoints · ${formatCount(service.calls)} calls · last seen ${formatAgo(service.lastSeen)}`
              : 'Every method and path template seen in traffic, across services.'}
          </p>
        </div>
      </div>

      <Panel flush>
        <div className="toolbar">
          <label className="field grow">
            Path contains
            <span className="search">
              <Icon name="search" />
              <input
                className="input"
                type="search"
                placeholder="e.g. /users or admin"
                value={text}
                onChange={(e) => setText(e.target.value)}
                data-testid="path-filter"
              />
            </span>
          </label>
          <FilterSelect
            label="Service"
            value={q.service}
            allLabel="All services"
            onChange={(service) => go({ service })}
            options={(services.data?.services ?? []).map((s) => [s.name, s.name] as const)}
          />
          <FilterSelect
            label="Method"
            value={q.method}
            allLabel="Any method"
            onChange={(method) => go({ method })}
            options={METHODS.map((m) => [m, m] as const)}
          />
          <FilterSelect
            label="Auth"
            value={q.auth}
            allLabel="Any auth"
            onChange={(auth) => go({ auth: auth as CatalogQuery['auth'] })}
            options={AUTH_STATUSES.map((a) => [a, a] as const)}
          />
          <FilterSelect
            label="Data class"
            value={q.dataClass}
            allLabel="Any data"
            onChange={(dataClass) => go({ dataClass })}
            options={DATA_CLASSES.map((c) => [c, dataClassLabel(c)] as const)}
          />
        </div>
        <div className="toolbar" style={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <div className="chips" role="group" aria-label="Flag">
            <button
              type="button"
              className="chip"
              aria-pressed={!q.flag}
              onClick={() => go({ flag: undefined })}
            >
              All endpoints
            </button>
            {ENDPOINT_FLAGS.map((flag) => (
              <button
                key={flag}
                type="button"
                className="chip"
                aria-pressed={q.flag === flag}
                title={FLAG_INFO[flag].text}
                onClick={() => go({ flag: q.flag === flag ? undefined : flag })}
                data-testid={`flag-${flag}`}
              >
                {flag}
              </button>
            ))}
          </div>
          <label className="row muted" style={{ gap: 8, fontSize: 12.5 }}>
            Sort
            <select
              className="select"
              value={q.sort === 'path' ? '' : `${q.desc ? '-' : ''}${q.sort}`}
              onChange={(e) => {
                const v = e.target.value;
                go(
                  { sort: (v.replace('-', '') || 'path') as SortKey, desc: v.startsWith('-') },
                  { replace: true },
                );
              }}
              aria-label="Sort endpoints"
            >
              <option value="">Path</option>
              <option value="-calls">Calls, most first</option>
              <option value="calls">Calls, fewest first</option>
              <option value="-lastSeen">Last seen, newest first</option>
              <option value="lastSeen">Last seen, oldest first</option>
            </select>
          </label>
        </div>
        {activeFilters.length > 0 && (
          <div className="active-filters" data-testid="active-filters">
            <span>Filtered by</span>
            {activeFilters.map(([name, value, clear]) => (
              <button
                key={name}
                type="button"
                className="chip"
                onClick={() => go(clear)}
                aria-label={`Remove filter ${name}: ${value}`}
              >
                {name}: <strong>{value}</strong> ×
              </button>
            ))}
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() =>
                go({
                  service: undefined,
                  method: undefined,
                  flag: undefined,
                  auth: undefined,
                  dataClass: undefined,
                  q: undefined,
                })
              }
            >
              Clear all
            </button>
          </div>
        )}
        {page.status === 'loading' && page.data && <ProgressBar value={undefined} />}
        {page.status === 'error' && !page.data ? (
          <ErrorState
            error={page.error}
            onRetry={page.error.status === 400 && q.cursor ? () => go({ cursor: undefined }) : page.reload}
          />
        ) : !page.data ? (
          <LoadingRows rows={10} label="Loading endpoints" />
        ) : (
          <DataTable
            caption={`Endpoints${q.service ? ` of ${q.service}` : ''}`}
            columns={columns(!q.service)}
            rows={rows}
            rowKey={(e) => `${e.service} ${e.method} ${e.path}`}
            onActivate={(e) => navigate(endpointHref(e))}
            busy={page.status === 'loading'}
            sort={{ key: q.sort === 'path' ? 'path' : q.sort, desc: q.desc }}
            onSort={(key) => {
              const sort = key as SortKey;
              go(
                { sort, desc: sort === 'path' ? false : sort === q.sort ? !q.desc : true },
                // a cursor belongs to its sort: a new order starts at page one
                { replace: true },
              );
            }}
            empty={
              <EmptyState
                compact
                title={hasFilters ? 'No endpoint matches these filters' : 'No endpoints yet'}
                action={
                  hasFilters ? (
                    <button
                      type="button"
                      className="btn"
                      onClick={() =>
                        go({
                          service: undefined,
                          method: undefined,
                          flag: undefined,
                          auth: undefined,
                          dataClass: undefined,
                          q: undefined,
                        })
                      }
                    >
                      Clear filters
                    </button>
                  ) : undefined
                }
              >
                {hasFilters
                  ? 'Try fewer filters, or another service.'
                  : 'Endpoints appear as soon as traffic is ingested.'}
              </EmptyState>
            }
          />
        )}
        {page.data && (
          <div className="table-foot">
            <span>
              {number !== undefined && `Page ${number} · `}
              {formatCount(rows.length)} endpoint{rows.length === 1 ? '' : 's'}
            </span>
            <div className="row">
              <label className="row muted" style={{ gap: 6 }}>
                Rows
                <select
                  className="select"
                  value={q.limit}
                  onChange={(e) => go({ limit: Number(e.target.value) }, { replace: true })}
                  aria-label="Rows per page"
                >
                  {PAGE_SIZES.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="btn" onClick={goPrevious} disabled={!q.cursor}>
                <Icon name="chevronLeft" /> Previous
              </button>
              <button
                type="button"
                className="btn"
                onClick={goNext}
                disabled={!nextCursor}
                data-testid="next-page"
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
