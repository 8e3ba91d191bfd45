import { type Endpoint, type FindingPage } from '../api/api.type';
import { apiUrl } from '../api/api-client.util';
import { useApi } from '../api/use-api.hook';
import { RiskBadge, SeverityBadge } from '../design/badge.component';
import { Panel } from '../design/panel.component';
import { ErrorState, LoadingRows } from '../design/state.component';
import { categoryTitle } from '../domain/findings-query.util';

/**
 * The endpoint's risk (score, level and the factors that add up to it, from the endpoint itself) and
 * its findings (GET /api/v1/findings?endpointId=). Nothing shows for an endpoint with neither.
 */
export function EndpointFindings({ endpoint }: { endpoint: Endpoint }) {
  const findings = useApi<FindingPage>(apiUrl('/api/v1/findings', { endpointId: endpoint.id, limit: 100 }));
  const risk = endpoint.risk;
  const items = findings.data?.items ?? [];
  if (findings.status !== 'error' && findings.data && items.length === 0 && !(risk && risk.score > 0))
    return null;
  return (
    <Panel
      title="Risk and findings"
      hint="from GET /api/v1/findings, mapped to the OWASP API Top 10 (2023)"
      actions={risk && <RiskBadge risk={risk} />}
      flush
    >
      {risk && risk.factors.length > 0 && (
        <p className="panel-body muted" style={{ fontSize: 12.5 }} data-testid="endpoint-risk">
          Risk {risk.score} of 100 ({risk.level}
          {risk.capped ? ', capped' : ''}):{' '}
          {risk.factors
            .slice(0, 4)
            .map((f) => `${f.points} for ${f.reason}`)
            .join('; ')}
          {risk.factors.length > 4 && `; and ${risk.factors.length - 4} more`}.
        </p>
      )}
      {findings.status === 'error' && !findings.data ? (
        <ErrorState compact error={findings.error} onRetry={findings.reload} />
      ) : !findings.data ? (
        <LoadingRows rows={2} label="Loading findings" />
      ) : (
        <ul className="risk-list" data-testid="endpoint-findings">
          {items.map((f) => (
            <li key={f.id} className="risk-item">
              <SeverityBadge severity={f.severity} />
              <span className="title">
                <strong>{f.title}</strong>
                <span className="muted" style={{ fontSize: 12.5 }}>
                  {f.detail}
                </span>
              </span>
              <span className="faint" style={{ fontSize: 12, textAlign: 'right' }}>
                {f.category} {categoryTitle(f.category)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
