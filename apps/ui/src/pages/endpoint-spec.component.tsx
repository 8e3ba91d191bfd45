import { useState } from 'react';

import { type ApiError } from '../api/api-error.exception';
import { type DriftItem, type Endpoint, type ServiceDrift, type SpecVersionList } from '../api/api.type';
import { downloadJson, openApiFileName, serviceOpenApiUrl } from '../api/download-json.util';
import { useApi } from '../api/use-api.hook';
import { Badge } from '../design/badge.component';
import { type Column, DataTable } from '../design/data-table.component';
import { Icon } from '../design/icon.component';
import { Panel } from '../design/panel.component';
import { EmptyState, ErrorState, LoadingRows } from '../design/state.component';
import { driftKindLabel, driftOfEndpoint, serviceDriftUrl, specsByService } from '../domain/drift.util';
import { formatAgo, formatDateTime } from '../domain/format.util';
import { Link } from '../router/link.component';
import { buildHref } from '../router/router.util';

const DRIFT_COLUMNS: ReadonlyArray<Column<DriftItem>> = [
  {
    key: 'kind',
    header: 'Drift',
    width: '190px',
    cell: (d) => <Badge tone={d.kind === 'type-mismatch' ? 'red' : 'amber'}>{driftKindLabel(d.kind)}</Badge>,
  },
  {
    key: 'where',
    header: 'Where',
    width: '170px',
    cell: (d) => (
      <code className="muted">
        {d.location}
        {d.status ? ` ${d.status}` : ''}
      </code>
    ),
  },
  { key: 'name', header: 'Name', width: '160px', cell: (d) => <code>{d.name}</code> },
  { key: 'detail', header: 'Detail', cell: (d) => <span className="muted">{d.detail}</span> },
];

function DriftOf({
  endpoint,
  drift,
}: {
  endpoint: Endpoint;
  drift: { data?: ServiceDrift; error?: ApiError; reload: () => void };
}) {
  if (drift.error && !drift.data)
    return drift.error.status === 404 ? (
      <EmptyState compact title="No drift report" icon="specs">
        The API reports no drift for this service ({drift.error.message}).
      </EmptyState>
    ) : (
      <ErrorState compact error={drift.error} onRetry={drift.reload} />
    );
  if (!drift.data) return <LoadingRows rows={2} label="Loading drift" />;
  const items = driftOfEndpoint(drift.data, endpoint);
  if (items.length === 0)
    return (
      <EmptyState compact title="No drift" icon="specs">
        Traffic on this endpoint matches its operation in the reference spec.
      </EmptyState>
    );
  return (
    <DataTable
      caption="Drift from the reference spec"
      columns={DRIFT_COLUMNS}
      rows={items}
      rowKey={(d) => `${d.kind} ${d.location} ${d.status ?? ''} ${d.name}`}
    />
  );
}

/**
 * The service's reference spec (GET /api/v1/specs) as it bears on this endpoint: documented or not
 * (the shadow and orphan flags say which), and how traffic drifts from the operation
 * (GET /api/v1/services/{service}/drift, filtered to this endpoint).
 */
export function EndpointReferenceSpec({ endpoint }: { endpoint: Endpoint }) {
  const specs = useApi<SpecVersionList>('/api/v1/specs');
  const versions = specs.data ? specsByService(specs.data.specs).get(endpoint.service) : undefined;
  const drift = useApi<ServiceDrift>(versions ? serviceDriftUrl(endpoint.service) : null);
  const latest = versions?.[0];
  const specsHref = buildHref('/specs', { service: endpoint.service });
  const shadow = endpoint.flags.includes('shadow');
  return (
    <Panel
      title="Reference spec and drift"
      hint="the service’s uploaded OpenAPI document against this endpoint’s traffic"
      actions={<Link href={specsHref}>Specs of {endpoint.service}</Link>}
      flush
    >
      {specs.status === 'error' && !specs.data ? (
        <ErrorState compact error={specs.error} onRetry={specs.reload} />
      ) : !specs.data ? (
        <LoadingRows rows={3} label="Loading reference specs" />
      ) : !latest ? (
        <EmptyState compact title="No reference spec" icon="specs">
          {endpoint.service} has no reference spec, so nothing says whether this endpoint is documented. An
          admin can upload one on the <Link href={specsHref}>Specs</Link> page.
        </EmptyState>
      ) : (
        <>
          <dl className="facts panel-body" data-testid="reference-spec">
            <dt>Spec</dt>
            <dd>
              <strong>{latest.title}</strong> <Badge>{`v${latest.version}`}</Badge>{' '}
              <span className="faint">OpenAPI {latest.openapiVersion}</span>
            </dd>
            <dt>Imported</dt>
            <dd title={formatDateTime(latest.importedAt)}>{formatAgo(latest.importedAt)}</dd>
            <dt>This endpoint</dt>
            <dd>
              {shadow ? (
                <Badge tone="purple">not in the spec (shadow)</Badge>
              ) : endpoint.flags.includes('orphan') ? (
                <Badge tone="gray">in the spec, never seen (orphan)</Badge>
              ) : (
                <Badge tone="green">documented</Badge>
              )}
              {endpoint.flags.includes('zombie') && (
                <>
                  {' '}
                  <Badge tone="amber">retired but called (zombie)</Badge>
                </>
              )}
            </dd>
          </dl>
          {!shadow && (
            <DriftOf
              endpoint={endpoint}
              drift={{
                data: drift.data,
                error: drift.status === 'error' ? drift.error : undefined,
                reload: drift.reload,
              }}
            />
          )}
        </>
      )}
    </Panel>
  );
}

/**
 * This endpoint's operation in the OpenAPI document apiscope reconstructs from traffic
 * (GET /api/v1/services/{service}/openapi), and the download of the whole document.
 */
export function EndpointOperation({ endpoint }: { endpoint: Endpoint }) {
  const url = endpoint.calls > 0 ? serviceOpenApiUrl(endpoint.service) : null;
  const doc = useApi<{ paths?: Record<string, Record<string, unknown>> }>(url);
  const [failed, setFailed] = useState<string>();
  const operation = doc.data?.paths?.[endpoint.path]?.[endpoint.method.toLowerCase()];
  const download = () => {
    setFailed(undefined);
    downloadJson(serviceOpenApiUrl(endpoint.service), openApiFileName(endpoint.service)).catch((e: unknown) =>
      setFailed(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <Panel
      title="Reconstructed operation"
      hint="OpenAPI 3.1, as traffic showed it"
      actions={
        url && (
          <button type="button" className="btn" onClick={download} data-testid="download-openapi">
            <Icon name="download" /> Download {endpoint.service} OpenAPI
          </button>
        )
      }
    >
      {failed && (
        <div className="notice notice-error" role="alert">
          {failed}
        </div>
      )}
      {url === null ? (
        <EmptyState compact title="Never seen in traffic" icon="specs">
          The reconstructed document holds what traffic showed; this endpoint has no calls.
        </EmptyState>
      ) : doc.status === 'error' && !doc.data ? (
        <ErrorState compact error={doc.error} onRetry={doc.reload} />
      ) : !doc.data ? (
        <LoadingRows rows={4} label="Loading the reconstructed operation" />
      ) : operation === undefined ? (
        <EmptyState compact title="Not in the reconstructed document" icon="specs">
          The document of {endpoint.service} has no {endpoint.method} {endpoint.path}.
        </EmptyState>
      ) : (
        <details className="json-details">
          <summary>
            {endpoint.method.toLowerCase()} {endpoint.path}:{' '}
            {Object.keys((operation as { responses?: object }).responses ?? {}).length} responses,{' '}
            {((operation as { parameters?: unknown[] }).parameters ?? []).length} parameters
          </summary>
          <pre className="json" data-testid="operation-json">
            {JSON.stringify(operation, null, 2)}
          </pre>
        </details>
      )}
    </Panel>
  );
}
