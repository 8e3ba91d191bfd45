import { type Endpoint, type EndpointCall, type EndpointCallList } from '../api/api.type';
import { useApi } from '../api/use-api.hook';
import { Badge, PathText } from '../design/badge.component';
import { type Column, DataTable } from '../design/data-table.component';
import { Panel } from '../design/panel.component';
import { EmptyState, ErrorState, LoadingRows } from '../design/state.component';
import { formatAgo, formatCount, formatDateTime, formatMs } from '../domain/format.util';

/** How many of the newest calls the panel shows (the route allows up to 200). */
export const RECENT_CALLS_LIMIT = 50;

const STATUS_TONE = (status: number): 'green' | 'blue' | 'amber' | 'red' | 'gray' =>
  status >= 500 ? 'red' : status >= 400 ? 'amber' : status >= 300 ? 'blue' : status >= 200 ? 'green' : 'gray';

const CREDENTIALS_TONE = { present: 'green', absent: 'red', unknown: 'gray' } as const;

function formatBytes(n: number): string {
  if (n < 1024) return `${formatCount(n)} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

const COLUMNS: ReadonlyArray<Column<EndpointCall>> = [
  {
    key: 'ts',
    header: 'Time',
    width: '120px',
    cell: (c) => <span title={formatDateTime(c.ts)}>{formatAgo(c.ts)}</span>,
  },
  {
    key: 'status',
    header: 'Status',
    width: '90px',
    cell: (c) =>
      c.status === 0 ? (
        <Badge tone="gray">no answer</Badge>
      ) : (
        <Badge tone={STATUS_TONE(c.status)}>{c.status}</Badge>
      ),
  },
  {
    key: 'duration',
    header: 'Duration',
    align: 'right',
    width: '100px',
    cell: (c) =>
      c.durationMs === null ? (
        <span className="faint">–</span>
      ) : (
        <span className="num">{formatMs(c.durationMs)}</span>
      ),
  },
  { key: 'path', header: 'Path', cell: (c) => <PathText path={c.path} /> },
  {
    key: 'client',
    header: 'Client',
    width: '170px',
    cell: (c) => (
      <code className="muted" title="masked by the server">
        {c.client}
      </code>
    ),
  },
  {
    key: 'credentials',
    header: 'Credentials',
    width: '150px',
    cell: (c) => (
      <Badge tone={CREDENTIALS_TONE[c.credentials]}>
        {c.credentials}
        {c.authSchemes.length ? ` (${c.authSchemes.join(', ')})` : ''}
      </Badge>
    ),
  },
  {
    key: 'sizes',
    header: 'Request / response',
    align: 'right',
    width: '170px',
    cell: (c) => (
      <span className="num" title={c.incomplete ? 'the exchange was not seen whole' : undefined}>
        {formatBytes(c.requestSize)} / {formatBytes(c.responseSize)}
        {c.incomplete ? ' *' : ''}
      </span>
    ),
  },
];

/** The newest calls of the endpoint (GET /api/v1/endpoints/{id}/calls): metadata only, clients masked. */
export function EndpointCalls({ endpoint }: { endpoint: Endpoint }) {
  const calls = useApi<EndpointCallList>(
    `/api/v1/endpoints/${encodeURIComponent(endpoint.id)}/calls?limit=${RECENT_CALLS_LIMIT}`,
  );
  return (
    <Panel
      title="Recent calls"
      hint={`the newest ${RECENT_CALLS_LIMIT}, metadata only; client addresses masked by the server`}
      flush
    >
      {calls.status === 'error' && !calls.data ? (
        <ErrorState compact error={calls.error} onRetry={calls.reload} />
      ) : !calls.data ? (
        <LoadingRows rows={3} label="Loading recent calls" />
      ) : calls.data.items.length === 0 ? (
        <EmptyState compact title="No calls stored" icon="clock">
          No call of this endpoint is in storage (calls may have aged out, or the endpoint is only
          documented).
        </EmptyState>
      ) : (
        <div data-testid="recent-calls">
          <DataTable
            caption="Recent calls of this endpoint, newest first"
            columns={COLUMNS}
            rows={calls.data.items}
            rowKey={(c) => `${c.ts} ${c.client} ${c.path} ${c.status} ${c.requestSize} ${c.responseSize}`}
          />
        </div>
      )}
    </Panel>
  );
}
