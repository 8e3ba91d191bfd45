import { useMemo } from 'react';

import { type ServiceSummary, type SpecVersion, type SpecVersionList } from '../api/api.type';
import { useApi } from '../api/use-api.hook';
import { useServices } from '../api/use-services.hook';
import { Badge, RiskBadge } from '../design/badge.component';
import { type Column, DataTable } from '../design/data-table.component';
import { Icon } from '../design/icon.component';
import { Panel } from '../design/panel.component';
import { EmptyState, ErrorState, LoadingRows, ProgressBar } from '../design/state.component';
import { catalogHref, parseCatalogQuery } from '../domain/catalog-query.util';
import { specsByService } from '../domain/drift.util';
import { formatAgo, formatCount, formatDateTime } from '../domain/format.util';
import { Link } from '../router/link.component';
import { buildHref, navigate } from '../router/router.util';
import { useLocation } from '../router/use-location.hook';

type ServiceSort = 'name' | 'endpoints' | 'calls' | 'lastSeen' | 'firstSeen' | 'risk';
const SORTS: readonly ServiceSort[] = ['name', 'endpoints', 'calls', 'lastSeen', 'firstSeen', 'risk'];

const endpointsOf = (service: string) =>
  catalogHref({ ...parseCatalogQuery(new URLSearchParams()), service });

const COMPARE: Record<ServiceSort, (a: ServiceSummary, b: ServiceSummary) => number> = {
  name: (a, b) => a.name.localeCompare(b.name),
  endpoints: (a, b) => a.endpoints - b.endpoints,
  calls: (a, b) => a.calls - b.calls,
  lastSeen: (a, b) => Date.parse(a.lastSeen) - Date.parse(b.lastSeen),
  firstSeen: (a, b) => Date.parse(a.firstSeen) - Date.parse(b.firstSeen),
  risk: (a, b) => (a.risk?.score ?? -1) - (b.risk?.score ?? -1),
};

type Row = ServiceSummary & { spec?: SpecVersion };

const COLUMNS: ReadonlyArray<Column<Row>> = [
  {
    key: 'name',
    header: 'Service',
    sortable: true,
    cell: (s) => (
      <Link href={endpointsOf(s.name)} tabIndex={-1} style={{ fontWeight: 600 }}>
        {s.name}
      </Link>
    ),
  },
  {
    key: 'endpoints',
    header: 'Endpoints',
    align: 'right',
    sortable: true,
    width: '110px',
    cell: (s) => <span className="num">{formatCount(s.endpoints)}</span>,
  },
  {
    key: 'calls',
    header: 'Calls',
    align: 'right',
    sortable: true,
    width: '110px',
    cell: (s) => <span className="num">{formatCount(s.calls)}</span>,
  },
  {
    key: 'risk',
    header: 'Risk',
    sortable: true,
    width: '120px',
    // API versions without findings report no risk
    cell: (s) => (s.risk ? <RiskBadge risk={s.risk} /> : <span className="faint">–</span>),
  },
  {
    key: 'spec',
    header: 'Documented',
    width: '150px',
    cell: (s) =>
      s.spec ? (
        <Link href={buildHref('/specs', { service: s.name })} tabIndex={-1}>
          <Badge tone="green" title={`${s.spec.title}, imported ${formatDateTime(s.spec.importedAt)}`}>
            {`spec v${s.spec.version}`}
          </Badge>
        </Link>
      ) : (
        <Badge title="no reference spec: traffic only">no spec</Badge>
      ),
  },
  {
    key: 'firstSeen',
    header: 'First seen',
    sortable: true,
    width: '150px',
    cell: (s) => <span title={formatDateTime(s.firstSeen)}>{formatAgo(s.firstSeen)}</span>,
  },
  {
    key: 'lastSeen',
    header: 'Last seen',
    sortable: true,
    width: '150px',
    cell: (s) => <span title={formatDateTime(s.lastSeen)}>{formatAgo(s.lastSeen)}</span>,
  },
];

/** Every service traffic showed (GET /api/v1/services, all pages): sorting and search are local. */
export function ServicesPage() {
  const location = useLocation();
  const services = useServices();
  const specs = useApi<SpecVersionList>('/api/v1/specs');
  const text = location.search.get('q') ?? '';
  const sortParam = location.search.get('sort') ?? 'name';
  const desc = sortParam.startsWith('-');
  const sort = (SORTS as readonly string[]).includes(desc ? sortParam.slice(1) : sortParam)
    ? ((desc ? sortParam.slice(1) : sortParam) as ServiceSort)
    : 'name';
  const href = (next: { q?: string; sort?: ServiceSort; desc?: boolean }) => {
    const s = next.sort ?? sort;
    const d = next.desc ?? desc;
    return buildHref('/services', {
      q: next.q ?? text,
      sort: s === 'name' && !d ? undefined : `${d ? '-' : ''}${s}`,
    });
  };
  const rows = useMemo(() => {
    const latest = specsByService(specs.data?.specs ?? []);
    const all: Row[] = (services.data?.services ?? []).map((s) => ({ ...s, spec: latest.get(s.name)?.[0] }));
    const needle = text.trim().toLowerCase();
    const matching = needle ? all.filter((s) => s.name.toLowerCase().includes(needle)) : all;
    const compare = COMPARE[sort];
    return [...matching].sort((a, b) => (desc ? compare(b, a) : compare(a, b)));
  }, [services.data, specs.data, text, sort, desc]);
  const total = services.data?.services.length ?? 0;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Services</h1>
          <p>Hosts that answered API calls, with their endpoints and traffic.</p>
        </div>
      </div>
      <Panel
        flush
        title={services.data ? `${formatCount(rows.length)} of ${formatCount(total)} services` : 'Services'}
        actions={
          <div className="search" style={{ width: 260 }}>
            <Icon name="search" />
            <input
              className="input"
              type="search"
              placeholder="Filter services…"
              aria-label="Filter services by name"
              value={text}
              onChange={(e) => navigate(href({ q: e.target.value }), { replace: true })}
            />
          </div>
        }
      >
        {services.status === 'loading' && services.data && <ProgressBar value={undefined} />}
        {services.status === 'error' && !services.data ? (
          <ErrorState error={services.error} onRetry={services.reload} />
        ) : !services.data ? (
          <LoadingRows rows={8} label="Loading services" />
        ) : total === 0 ? (
          <EmptyState title="No services yet">Services appear as soon as traffic is ingested.</EmptyState>
        ) : (
          <DataTable
            caption="Services"
            columns={COLUMNS}
            rows={rows}
            rowKey={(s) => s.name}
            onActivate={(s) => navigate(endpointsOf(s.name))}
            sort={{ key: sort, desc }}
            onSort={(key) => {
              const k = key as ServiceSort;
              navigate(href({ sort: k, desc: k === sort ? !desc : k !== 'name' }), { replace: true });
            }}
            empty={
              <EmptyState compact title="No service matches">
                Nothing contains “{text}”.
              </EmptyState>
            }
          />
        )}
      </Panel>
    </>
  );
}
