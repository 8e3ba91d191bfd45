import { useMemo, useState } from 'react';

import { type ServiceDrift, type SpecVersion, type SpecVersionList } from '../api/api.type';
import { downloadJson, openApiFileName, serviceOpenApiUrl } from '../api/download-json.util';
import { clearApiCache, useApi } from '../api/use-api.hook';
import { dropServicesCache, useServices } from '../api/use-services.hook';
import { Badge, MethodBadge, PathText } from '../design/badge.component';
import { type Column, DataTable } from '../design/data-table.component';
import { Icon } from '../design/icon.component';
import { Panel } from '../design/panel.component';
import { EmptyState, ErrorState, LoadingRows, ProgressBar } from '../design/state.component';
import { driftKindLabel, driftTotal, serviceDriftUrl, specsByService } from '../domain/drift.util';
import { formatAgo, formatCount, formatDateTime } from '../domain/format.util';
import { Link } from '../router/link.component';
import { buildHref, navigate } from '../router/router.util';
import { useLocation } from '../router/use-location.hook';
import { SpecUpload } from './spec-upload.component';

interface SpecRow {
  service: string;
  /** newest first; empty: no reference spec */
  versions: SpecVersion[];
  /** endpoints traffic showed (0: a spec for a service not seen) */
  endpoints: number;
}

const specsHref = (service?: string) => buildHref('/specs', { service });

/** A drift count per service, read only for services that have a spec (a 404 is "no spec", not an error). */
function DriftCell({ service }: { service: string }) {
  const drift = useApi<ServiceDrift>(serviceDriftUrl(service));
  if (drift.status === 'error' && !drift.data)
    return drift.error.status === 404 ? (
      <span className="faint" title={drift.error.message}>
        no report
      </span>
    ) : (
      <Badge tone="red" title={drift.error.message}>
        error
      </Badge>
    );
  if (!drift.data) return <span className="faint">…</span>;
  const total = driftTotal(drift.data);
  return total === 0 ? (
    <Badge tone="green">no drift</Badge>
  ) : (
    <Badge
      tone="amber"
      title={Object.entries(drift.data.summary)
        .map(([k, n]) => `${driftKindLabel(k)}: ${n}`)
        .join('\n')}
    >
      {`${formatCount(total)} drift item${total === 1 ? '' : 's'}`}
    </Badge>
  );
}

function DownloadButton({ service, label = 'OpenAPI' }: { service: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const [message, setMessage] = useState<string>();
  return (
    <button
      type="button"
      className="btn btn-sm"
      tabIndex={-1}
      title={message ?? `the OpenAPI 3.1 document apiscope reconstructed from ${service}'s traffic`}
      disabled={state === 'busy'}
      data-testid={`download-${service}`}
      onClick={(e) => {
        e.stopPropagation();
        setState('busy');
        downloadJson(serviceOpenApiUrl(service), openApiFileName(service)).then(
          () => setState('idle'),
          (error: unknown) => {
            setState('failed');
            setMessage(error instanceof Error ? error.message : String(error));
          },
        );
      }}
    >
      <Icon name={state === 'failed' ? 'alert' : 'download'} /> {state === 'failed' ? 'Failed: retry' : label}
    </button>
  );
}

const COLUMNS: ReadonlyArray<Column<SpecRow>> = [
  {
    key: 'service',
    header: 'Service',
    cell: (r) => (
      <Link href={specsHref(r.service)} tabIndex={-1} style={{ fontWeight: 600 }}>
        {r.service}
      </Link>
    ),
  },
  {
    key: 'spec',
    header: 'Reference spec',
    cell: (r) =>
      r.versions[0] ? (
        <div className="stack" style={{ gap: 2 }}>
          <span>{r.versions[0].title}</span>
          <span className="faint" style={{ fontSize: 11.5 }}>
            OpenAPI {r.versions[0].openapiVersion} · {formatCount(r.versions[0].operations)} operations ·
            imported {formatAgo(r.versions[0].importedAt)}
          </span>
        </div>
      ) : (
        <Badge title="traffic only: nothing says which endpoints are documented">no spec</Badge>
      ),
  },
  {
    key: 'versions',
    header: 'Versions',
    width: '150px',
    cell: (r) =>
      r.versions.length ? (
        <div className="badges">
          {r.versions.slice(0, 3).map((v, i) => (
            <Badge
              key={v.version}
              tone={i === 0 ? 'blue' : 'gray'}
              title={`imported ${formatDateTime(v.importedAt)}`}
            >
              {`v${v.version}`}
            </Badge>
          ))}
          {r.versions.length > 3 && <span className="badge">+{r.versions.length - 3}</span>}
        </div>
      ) : (
        <span className="faint">–</span>
      ),
  },
  {
    key: 'drift',
    header: 'Drift',
    width: '150px',
    cell: (r) => (r.versions.length ? <DriftCell service={r.service} /> : <span className="faint">–</span>),
  },
  {
    key: 'openapi',
    header: 'Reconstructed',
    width: '130px',
    cell: (r) =>
      r.endpoints > 0 ? <DownloadButton service={r.service} /> : <span className="faint">no traffic</span>,
  },
];

type DriftRow = ServiceDrift['items'][number]['drift'][number] & {
  endpointId: string;
  method: string;
  path: string;
};

const DRIFT_COLUMNS: ReadonlyArray<Column<DriftRow>> = [
  {
    key: 'endpoint',
    header: 'Endpoint',
    cell: (d) => (
      <Link
        href={`/endpoints/${encodeURIComponent(d.endpointId)}`}
        tabIndex={-1}
        className="row"
        style={{ color: 'var(--text)', flexWrap: 'nowrap', gap: 6 }}
      >
        <MethodBadge method={d.method} />
        <PathText path={d.path} />
      </Link>
    ),
  },
  {
    key: 'kind',
    header: 'Drift',
    width: '200px',
    cell: (d) => <Badge tone={d.kind === 'type-mismatch' ? 'red' : 'amber'}>{driftKindLabel(d.kind)}</Badge>,
  },
  {
    key: 'where',
    header: 'Where',
    width: '230px',
    cell: (d) => (
      <code className="muted">
        {d.location}
        {d.status ? ` ${d.status}` : ''}{' '}
        {d.name !== d.status && <span style={{ color: 'var(--text)' }}>{d.name}</span>}
      </code>
    ),
  },
  { key: 'detail', header: 'Detail', width: '30%', cell: (d) => <span className="muted">{d.detail}</span> },
];

/** One service's drift from its reference spec: summary per kind, then every item, linked to endpoints. */
function ServiceDriftPanel({ service, versions }: { service: string; versions: SpecVersion[] | undefined }) {
  const drift = useApi<ServiceDrift>(serviceDriftUrl(service));
  const rows = useMemo(
    () =>
      (drift.data?.items ?? []).flatMap((i) =>
        i.drift.map((d) => ({ ...d, endpointId: i.endpointId, method: i.method, path: i.path })),
      ),
    [drift.data],
  );
  return (
    <Panel
      title={`Drift of ${service}`}
      hint={
        versions?.[0]
          ? `traffic against ${versions[0].title} v${versions[0].version}`
          : 'traffic against the reference spec'
      }
      actions={
        <>
          <DownloadButton service={service} label="Reconstructed OpenAPI" />
          <Link href={specsHref()} className="btn btn-ghost">
            All services
          </Link>
        </>
      }
      flush
    >
      {drift.status === 'error' && !drift.data ? (
        drift.error.status === 404 ? (
          <EmptyState compact title="No reference spec" icon="specs">
            {service} has no reference spec to measure drift against. Upload one above (admin keys).
          </EmptyState>
        ) : (
          <ErrorState compact error={drift.error} onRetry={drift.reload} />
        )
      ) : !drift.data ? (
        <LoadingRows rows={4} label="Loading drift" />
      ) : (
        <>
          <div className="panel-body drift-summary" data-testid="drift-summary">
            {Object.entries(drift.data.summary).length === 0 || driftTotal(drift.data) === 0 ? (
              <Badge tone="green">no drift: traffic matches the spec</Badge>
            ) : (
              Object.entries(drift.data.summary)
                .filter(([, n]) => (n ?? 0) > 0)
                .map(([kind, n]) => (
                  <Badge
                    key={kind}
                    tone={kind === 'type-mismatch' ? 'red' : 'amber'}
                  >{`${driftKindLabel(kind)} × ${formatCount(n ?? 0)}`}</Badge>
                ))
            )}
          </div>
          {rows.length > 0 && (
            <DataTable
              caption={`Drift of ${service}`}
              columns={DRIFT_COLUMNS}
              rows={rows}
              rowKey={(d) => `${d.endpointId} ${d.kind} ${d.location} ${d.status ?? ''} ${d.name}`}
              onActivate={(d) => navigate(`/endpoints/${encodeURIComponent(d.endpointId)}`)}
            />
          )}
        </>
      )}
    </Panel>
  );
}

/**
 * Reference specs per service with their versions (GET /api/v1/specs), upload (admin), drift per
 * service (GET /api/v1/services/{service}/drift) and the download of the OpenAPI document apiscope
 * reconstructs from traffic (GET /api/v1/services/{service}/openapi). `?service=` opens one service's drift.
 */
export function SpecsPage() {
  const location = useLocation();
  const selected = location.search.get('service')?.trim() || undefined;
  const specs = useApi<SpecVersionList>('/api/v1/specs');
  const services = useServices();
  const [imported, setImported] = useState<SpecVersion>();
  const bySpec = useMemo(() => specsByService(specs.data?.specs ?? []), [specs.data]);
  const rows = useMemo<SpecRow[]>(() => {
    const endpoints = new Map((services.data?.services ?? []).map((s) => [s.name, s.endpoints]));
    const names = new Set([...bySpec.keys(), ...endpoints.keys()]);
    return (
      [...names]
        .map((service) => ({
          service,
          versions: bySpec.get(service) ?? [],
          endpoints: endpoints.get(service) ?? 0,
        }))
        // services with a spec first, then by name
        .sort(
          (a, b) =>
            Number(b.versions.length > 0) - Number(a.versions.length > 0) ||
            a.service.localeCompare(b.service),
        )
    );
  }, [bySpec, services.data]);
  const loading = !specs.data || !services.data;
  const error =
    specs.status === 'error' && !specs.data
      ? specs.error
      : services.status === 'error' && !services.data
        ? services.error
        : undefined;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Specs</h1>
          <p>
            Reference OpenAPI documents per service, how traffic drifts from them, and the specs apiscope
            reconstructs.
          </p>
        </div>
      </div>
      {imported && (
        <div className="notice notice-info" role="status" data-testid="spec-imported">
          Imported “{imported.title}” as version {imported.version} of {imported.service}:{' '}
          {formatCount(imported.operations)} operations (OpenAPI {imported.openapiVersion}).
        </div>
      )}
      <SpecUpload
        key={selected ?? ''}
        services={rows.map((r) => r.service)}
        initialService={selected}
        onImported={(version) => {
          setImported(version);
          // flags and drift depend on the spec: every view reads afresh
          clearApiCache();
          dropServicesCache();
          specs.reload();
          services.reload();
        }}
      />
      {selected && (
        <ServiceDriftPanel
          key={`${selected} ${imported?.version ?? ''}`}
          service={selected}
          versions={bySpec.get(selected)}
        />
      )}
      <Panel
        flush
        title={
          loading
            ? 'Services'
            : `${formatCount(bySpec.size)} of ${formatCount(rows.length)} services have a reference spec`
        }
        hint="open a service for its drift"
      >
        {(specs.status === 'loading' || services.status === 'loading') && !loading && (
          <ProgressBar value={undefined} />
        )}
        {error ? (
          <ErrorState
            error={error}
            onRetry={() => (specs.status === 'error' ? specs.reload() : services.reload())}
          />
        ) : loading ? (
          <LoadingRows rows={6} label="Loading specs" />
        ) : (
          <DataTable
            caption="Reference specs per service"
            columns={COLUMNS}
            rows={rows}
            rowKey={(r) => r.service}
            onActivate={(r) => navigate(specsHref(r.service))}
            empty={
              <EmptyState compact title="No services yet" icon="specs">
                Services appear as soon as traffic is ingested or a spec is uploaded.
              </EmptyState>
            }
          />
        )}
      </Panel>
    </>
  );
}
