import { useCallback } from 'react';

import { type Endpoint, type InventoryChange } from '../api/api.type';
import { readAllPages } from '../api/read-all-pages.util';
import { useLoader } from '../api/use-api.hook';
import { Badge } from '../design/badge.component';
import { Panel } from '../design/panel.component';
import { EmptyState, ErrorState, LoadingRows } from '../design/state.component';
import { changeKindLabel, changesOfEndpoint, historySince } from '../domain/change-history.util';
import { dataClassLabel, formatAgo, formatCount, formatDateTime } from '../domain/format.util';

/** At most 10 pages of 500 changes are read for one endpoint's history. */
const MAX_PAGES = 10;

const KIND_TONE: Record<string, 'red' | 'orange' | 'amber' | 'green' | 'blue' | 'purple' | 'gray'> = {
  new_endpoint: 'blue',
  new_flag: 'red',
  new_sensitive_class: 'orange',
  new_field: 'purple',
  endpoint_quiet: 'amber',
  endpoint_active_again: 'green',
  new_service: 'blue',
};

function subjectOf(c: InventoryChange) {
  if (!c.subject) return null;
  if (c.kind === 'new_sensitive_class') return dataClassLabel(c.subject);
  return <code>{c.subject}</code>;
}

/**
 * The endpoint's change history: the feed since the endpoint's first sighting, narrowed by the API to
 * this endpoint and its service's service-wide changes (bounded; the panel says when it was cut).
 */
export function EndpointHistory({ endpoint }: { endpoint: Endpoint }) {
  const since = historySince(endpoint.firstSeen);
  const load = useCallback(
    async (signal: AbortSignal) => {
      const feed = await readAllPages<InventoryChange>(
        '/api/v1/changes',
        { since, endpointId: endpoint.id },
        { signal, maxPages: MAX_PAGES },
      );
      return {
        changes: changesOfEndpoint(feed.items, endpoint),
        read: feed.items.length,
        truncated: feed.truncated,
      };
    },
    [since, endpoint.id, endpoint.service, endpoint.method, endpoint.path],
  );
  const history = useLoader(`history ${endpoint.id} ${since}`, load);
  return (
    <Panel title="Change history" hint="the change feed of this endpoint and of its service as a whole" flush>
      {history.status === 'error' && !history.data ? (
        <ErrorState compact error={history.error} onRetry={history.reload} />
      ) : !history.data ? (
        <LoadingRows rows={3} label="Loading change history" />
      ) : history.data.changes.length === 0 ? (
        <EmptyState compact title="No changes recorded" icon="clock">
          The change feed since {formatDateTime(since)} names nothing about this endpoint
          {history.data.truncated ? ` in its first ${formatCount(history.data.read)} entries` : ''}.
        </EmptyState>
      ) : (
        <>
          <ol className="timeline" aria-label="Changes of this endpoint">
            {history.data.changes.map((c) => (
              <li key={`${c.ts} ${c.kind} ${c.subject}`}>
                <span className="timeline-when" title={formatDateTime(c.ts)}>
                  {formatAgo(c.ts)}
                </span>
                <Badge tone={KIND_TONE[c.kind] ?? 'gray'}>{changeKindLabel(c.kind)}</Badge>
                <span className="timeline-subject">{subjectOf(c)}</span>
              </li>
            ))}
          </ol>
          {history.data.truncated && (
            <p className="faint table-foot" style={{ fontSize: 12 }}>
              Read the first {formatCount(history.data.read)} changes of the feed since{' '}
              {formatDateTime(since)}; later ones are not shown.
            </p>
          )}
        </>
      )}
    </Panel>
  );
}
