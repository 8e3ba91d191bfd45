import { type ChangePage } from '../api/api.type';
import { useApi } from '../api/use-api.hook';
import { Badge } from '../design/badge.component';
import { ErrorState } from '../design/state.component';
import { changeKindLabel } from '../domain/change-history.util';
import { formatCount } from '../domain/format.util';

/**
 * What the change feed recorded in the last 24 hours (GET /api/v1/changes, whose default window is
 * that), counted by kind: new endpoints, flags, data classes and fields, endpoints gone quiet.
 */
export function RecentChanges() {
  const feed = useApi<ChangePage>('/api/v1/changes?limit=1000');
  if (feed.status === 'error' && !feed.data)
    return <ErrorState compact error={feed.error} onRetry={feed.reload} />;
  if (!feed.data) return null;
  const byKind = new Map<string, number>();
  for (const c of feed.data.items) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
  const more = feed.data.nextCursor !== null;
  return (
    <div className="stack" style={{ gap: 8 }} data-testid="recent-changes">
      <h3>
        Changes recorded{' '}
        <span className="faint" style={{ fontWeight: 400 }}>
          {formatCount(feed.data.items.length)}
          {more ? '+' : ''} in the change feed
        </span>
      </h3>
      {byKind.size === 0 ? (
        <p className="faint" style={{ fontSize: 12.5 }}>
          Nothing new: no endpoint, flag, data class or field appeared, and none went quiet.
        </p>
      ) : (
        <div className="badges">
          {[...byKind]
            .sort((a, b) => b[1] - a[1])
            .map(([kind, n]) => (
              <Badge
                key={kind}
                tone={kind === 'new_flag' ? 'red' : kind === 'new_sensitive_class' ? 'orange' : 'gray'}
              >
                {`${changeKindLabel(kind)} × ${formatCount(n)}${more ? '+' : ''}`}
              </Badge>
            ))}
        </div>
      )}
    </div>
  );
}
