import { Fragment, useState } from 'react';

import { type Endpoint } from '../api/api.type';
import { useApi } from '../api/use-api.hook';
import {
  AuthBadge,
  Badge,
  DataClassBadge,
  FlagBadge,
  MethodBadge,
  PathText,
  RiskBadge,
} from '../design/badge.component';
import { type Bar, BarChart } from '../design/bar-chart.component';
import { type Column, DataTable } from '../design/data-table.component';
import { Icon } from '../design/icon.component';
import { Panel, Stat } from '../design/panel.component';
import { EmptyState, ErrorState, LoadingRows } from '../design/state.component';
import { catalogHref, parseCatalogQuery } from '../domain/catalog-query.util';
import {
  formatAgo,
  formatCount,
  formatDateTime,
  formatMs,
  formatPercent,
  schemaExample,
  schemaTypeLabel,
} from '../domain/format.util';
import { Link } from '../router/link.component';
import { useLocation } from '../router/use-location.hook';
import { CallsOverTime } from './calls-over-time.component';
import { EndpointCalls } from './endpoint-calls.component';
import { EndpointFindings } from './endpoint-findings.component';
import { EndpointHistory } from './endpoint-history.component';
import { EndpointSchemas } from './endpoint-schemas.component';
import { EndpointOperation, EndpointReferenceSpec } from './endpoint-spec.component';

const statusColor = (code: string) =>
  code.startsWith('2')
    ? 'var(--chart-2xx)'
    : code.startsWith('3')
      ? 'var(--chart-3xx)'
      : code.startsWith('4')
        ? 'var(--chart-4xx)'
        : code.startsWith('5')
          ? 'var(--chart-5xx)'
          : 'var(--chart-other)';

type Param = Endpoint['parameters'][number];
type Sensitive = Endpoint['sensitive'][number];

const PARAM_COLUMNS: ReadonlyArray<Column<Param>> = [
  { key: 'in', header: 'In', width: '90px', cell: (p) => <Badge>{p.in}</Badge> },
  { key: 'name', header: 'Name', cell: (p) => <code>{p.name}</code> },
  {
    key: 'type',
    header: 'Type',
    width: '130px',
    cell: (p) => <code className="muted">{schemaTypeLabel(p.schema)}</code>,
  },
  {
    key: 'format',
    header: 'Format',
    width: '120px',
    cell: (p) =>
      typeof p.schema['format'] === 'string' ? p.schema['format'] : <span className="faint">–</span>,
  },
  {
    key: 'required',
    header: 'Required',
    width: '90px',
    cell: (p) => (p.required ? 'yes' : <span className="faint">no</span>),
  },
  {
    key: 'example',
    header: 'Example',
    width: '200px',
    cell: (p) => {
      const value = schemaExample(p.schema);
      return value === undefined ? <span className="faint">–</span> : <code>{value}</code>;
    },
  },
];

const SENSITIVE_COLUMNS: ReadonlyArray<Column<Sensitive>> = [
  { key: 'class', header: 'Class', width: '140px', cell: (s) => <DataClassBadge dataClass={s.class} /> },
  {
    key: 'location',
    header: 'Where',
    width: '140px',
    cell: (s) => <code className="muted">{s.location}</code>,
  },
  { key: 'name', header: 'Field', cell: (s) => <code>{s.name}</code> },
  {
    key: 'count',
    header: 'Values seen',
    align: 'right',
    width: '110px',
    cell: (s) => <span className="num">{formatCount(s.count)}</span>,
  },
  {
    key: 'example',
    header: 'Masked example',
    width: '200px',
    cell: (s) => (
      <code className="tree-example" title="masked by the server: raw values are never stored">
        {s.example}
      </code>
    ),
  },
];

/** The command that gets this endpoint's data without the UI: the catalog has no private back door. */
function CopyQuery({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  const command = `curl -H "Authorization: Bearer $APISCOPE_API_KEY" '${window.location.origin}${url}'`;
  return (
    <button
      type="button"
      className="btn"
      title={command}
      onClick={() => {
        void navigator.clipboard?.writeText(command).then(() => setCopied(true));
      }}
    >
      <Icon name="endpoints" /> {copied ? 'Copied' : 'Copy API query'}
    </button>
  );
}

function Detail({ endpoint, url }: { endpoint: Endpoint; url: string }) {
  const codes = Object.entries(endpoint.statusCodes).sort(([a], [b]) => a.localeCompare(b));
  const bars: Bar[] = codes.map(([code, n]) => ({
    label: code === '0' ? 'none' : code,
    value: n,
    color: statusColor(code),
  }));
  const errors = codes.filter(([c]) => Number(c) >= 400).reduce((n, [, v]) => n + v, 0);
  const auth = endpoint.auth;
  const serviceHref = catalogHref({ ...parseCatalogQuery(new URLSearchParams()), service: endpoint.service });
  const unauthCodes = Object.entries(auth.unauthenticatedStatusCodes ?? {});
  return (
    <>
      <div className="page-head">
        <div className="stack" style={{ gap: 8, minWidth: 0 }}>
          <div className="row" style={{ gap: 10, flexWrap: 'nowrap' }}>
            <MethodBadge method={endpoint.method} />
            <h1 style={{ fontSize: 20, minWidth: 0 }} data-testid="endpoint-path">
              <PathText path={endpoint.path} />
            </h1>
          </div>
          <div className="row">
            <Link href={serviceHref}>{endpoint.service}</Link>
            <span className="faint">·</span>
            <AuthBadge status={auth.status} />
            {endpoint.flags.map((f) => (
              <FlagBadge key={f} flag={f} />
            ))}
            {endpoint.risk && <RiskBadge risk={endpoint.risk} />}
            {endpoint.graphql && (
              <Badge tone="purple">{`GraphQL ${endpoint.graphql.operationType} ${endpoint.graphql.operationName}`}</Badge>
            )}
          </div>
        </div>
        <CopyQuery url={url} />
      </div>

      <div className="panel">
        <div className="grid grid-kpi" style={{ gap: 0 }}>
          <Stat
            label="Calls"
            value={formatCount(endpoint.calls)}
            sub={`first seen ${formatAgo(endpoint.firstSeen)}`}
          />
          <Stat
            label="Errors (4xx/5xx)"
            value={formatPercent(errors, endpoint.calls)}
            sub={`${formatCount(errors)} calls`}
          />
          <Stat
            label="Avg latency"
            value={endpoint.latencyMs ? formatMs(endpoint.latencyMs.avg) : '–'}
            sub={endpoint.latencyMs ? `max ${formatMs(endpoint.latencyMs.max)}` : 'no timings in the source'}
          />
          <Stat
            label="Unauthenticated 2xx"
            tone={auth.unauthenticatedSuccesses > 0 ? 'red' : undefined}
            value={formatCount(auth.unauthenticatedSuccesses)}
            sub="successful calls without credentials"
          />
          <Stat
            label="Last seen"
            value={
              <span style={{ fontSize: 20 }}>
                {endpoint.calls === 0 ? 'never' : formatAgo(endpoint.lastSeen)}
              </span>
            }
            sub={formatDateTime(endpoint.lastSeen)}
          />
        </div>
      </div>

      <Panel title="Calls over time" hint="per hour or day, with 4xx, 5xx and unanswered calls">
        <CallsOverTime
          endpoint={endpoint.id}
          latestCall={endpoint.lastSeen ? Date.parse(endpoint.lastSeen) : null}
        />
      </Panel>

      <EndpointFindings endpoint={endpoint} />

      <div className="grid grid-halves">
        <Panel title="Status codes" hint="calls per status">
          {bars.length ? (
            <BarChart bars={bars} label="Calls per status code" unit=" calls" />
          ) : (
            <EmptyState compact title="No calls yet" />
          )}
        </Panel>
        <Panel title="Latency" hint="over all calls">
          {endpoint.latencyMs ? (
            <div className="stack" style={{ gap: 12 }}>
              <BarChart
                height={150}
                label="Average and maximum latency in milliseconds"
                unit=" ms"
                bars={[
                  { label: 'average', value: endpoint.latencyMs.avg, color: 'var(--chart-1)' },
                  { label: 'maximum', value: endpoint.latencyMs.max, color: 'var(--chart-4xx)' },
                ]}
              />
              <p className="faint" style={{ fontSize: 12 }}>
                The API reports the average and the maximum over all calls; its stats route counts calls and
                errors over time, not latency, so there are no percentiles yet.
              </p>
            </div>
          ) : (
            <EmptyState compact title="No timings" icon="clock">
              The traffic source carried no durations (many access logs do not).
            </EmptyState>
          )}
        </Panel>
      </div>

      <div className="grid grid-halves">
        <Panel title="Authentication">
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <AuthBadge status={auth.status} />
            </dd>
            <dt>Schemes seen</dt>
            <dd className="row">
              {auth.schemes.length ? (
                auth.schemes.map((s) => (
                  <Badge key={s} tone="blue">
                    {s}
                  </Badge>
                ))
              ) : (
                <span className="faint">none: no call carried credentials</span>
              )}
            </dd>
            <dt>Unauthenticated 2xx</dt>
            <dd className="num">
              {formatCount(auth.unauthenticatedSuccesses)} of {formatCount(endpoint.calls)} calls
            </dd>
            {unauthCodes.length > 0 && (
              <>
                <dt>Without credentials</dt>
                <dd className="row">
                  {unauthCodes.map(([code, n]) => (
                    <Badge key={code} tone={code.startsWith('2') ? 'red' : 'gray'}>{`${code} × ${n}`}</Badge>
                  ))}
                </dd>
              </>
            )}
            {auth.bearer && (
              <>
                <dt>Bearer tokens</dt>
                <dd>
                  {auth.bearer.jwt} JWT, {auth.bearer.opaque} opaque
                </dd>
              </>
            )}
            {auth.jwtIssuers?.map((i) => (
              <Fragment key={`${i.iss ?? ''} ${i.alg}`}>
                <dt>JWT issuer</dt>
                <dd>
                  <code>{i.iss ?? '(none)'}</code> {i.alg} · {formatCount(i.calls)} calls
                </dd>
              </Fragment>
            ))}
            {auth.apiKeys?.map((k) => (
              <Fragment key={`${k.in} ${k.name}`}>
                <dt>API key</dt>
                <dd>
                  {k.in} <code>{k.name}</code> · {formatCount(k.calls)} calls
                </dd>
              </Fragment>
            ))}
            {auth.sessionCookies?.map((c) => (
              <Fragment key={c.name}>
                <dt>Session cookie</dt>
                <dd>
                  <code>{c.name}</code> · {formatCount(c.calls)} calls
                </dd>
              </Fragment>
            ))}
          </dl>
        </Panel>
        <Panel title="Parameters" hint="path, query, header, cookie" flush>
          {endpoint.parameters.length ? (
            <DataTable
              caption="Parameters"
              columns={PARAM_COLUMNS}
              rows={endpoint.parameters}
              rowKey={(p) => `${p.in}:${p.name}`}
            />
          ) : (
            <EmptyState compact title="No parameters">
              The path has no template parameters and no query, header or cookie parameters were reported.
            </EmptyState>
          )}
        </Panel>
      </div>

      <Panel title="Sensitive data" hint="masked by the server; raw values are never stored" flush>
        {endpoint.sensitive.length ? (
          <DataTable
            caption="Sensitive data"
            columns={SENSITIVE_COLUMNS}
            rows={endpoint.sensitive}
            rowKey={(s) => `${s.location}:${s.name}:${s.class}`}
          />
        ) : (
          <EmptyState compact title="No sensitive data reported" icon="eye">
            The API reports no sensitive field for this endpoint.
          </EmptyState>
        )}
      </Panel>

      <EndpointSchemas endpoint={endpoint} />

      <EndpointReferenceSpec endpoint={endpoint} />

      <EndpointOperation endpoint={endpoint} />

      <EndpointCalls endpoint={endpoint} />

      <EndpointHistory endpoint={endpoint} />
    </>
  );
}

/** The endpoint id in `/endpoints/{id}` (opaque: the API's, percent-decoded). */
export function endpointIdFromPath(path: string): string | null {
  const match = /^\/endpoints\/([^/]+)$/.exec(path);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

export const endpointApiUrl = (id: string) => `/api/v1/endpoints/${encodeURIComponent(id)}`;

/** One endpoint by its id (GET /api/v1/endpoints/{id}): the URL of this page is the endpoint's. */
export function EndpointDetailPage() {
  const { path } = useLocation();
  const id = endpointIdFromPath(path);
  const url = id === null ? null : endpointApiUrl(id);
  const endpoint = useApi<Endpoint>(url);
  if (url === null)
    return (
      <EmptyState title="No endpoint chosen">
        Open an endpoint from the <Link href="/endpoints">catalog</Link>.
      </EmptyState>
    );
  if (endpoint.status === 'error' && !endpoint.data)
    return endpoint.error.status === 404 || endpoint.error.status === 400 ? (
      <EmptyState title="Endpoint not found">
        No endpoint has this id in the inventory (a link from another apiscope, or an endpoint the inventory
        no longer holds). Look for it in the <Link href="/endpoints">catalog</Link>.
      </EmptyState>
    ) : (
      <ErrorState error={endpoint.error} onRetry={endpoint.reload} />
    );
  if (!endpoint.data)
    return (
      <Panel>
        <LoadingRows rows={10} label="Loading endpoint" />
      </Panel>
    );
  return <Detail endpoint={endpoint.data} url={url} key={url} />;
}

/** The breadcrumb of this page: service and endpoint once the endpoint is read (the same request). */
export function EndpointCrumb({ path }: { path: string }) {
  const id = endpointIdFromPath(path);
  const endpoint = useApi<Endpoint>(id === null ? null : endpointApiUrl(id)).data;
  if (!endpoint) return <span>Endpoint</span>;
  return (
    <span className="row" style={{ gap: 8, flexWrap: 'nowrap', minWidth: 0 }}>
      <Link href={catalogHref({ ...parseCatalogQuery(new URLSearchParams()), service: endpoint.service })}>
        {endpoint.service}
      </Link>
      <span className="sep">/</span>
      <MethodBadge method={endpoint.method} />
      <span className="path" style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {endpoint.path}
      </span>
    </span>
  );
}
