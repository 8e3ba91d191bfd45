import { useState } from 'react';

import { type Endpoint, type JsonSchema, type SensitiveFinding } from '../api/api.type';
import { Badge } from '../design/badge.component';
import { Panel } from '../design/panel.component';
import { SchemaTree } from '../design/schema-tree.component';
import { EmptyState } from '../design/state.component';

type Content = Record<string, { schema?: JsonSchema }> | undefined;

function ContentTrees({
  content,
  sensitive,
  label,
}: {
  content: Content;
  sensitive: readonly SensitiveFinding[];
  label: string;
}) {
  const types = Object.keys(content ?? {});
  const [type, setType] = useState(types[0]);
  const current = type !== undefined && content?.[type] ? content[type] : content?.[types[0]];
  if (types.length === 0)
    return (
      <p className="muted" style={{ fontSize: 13 }}>
        No body seen.
      </p>
    );
  return (
    <div className="stack" style={{ gap: 8 }}>
      <div className="row">
        {types.map((t) => (
          <button
            key={t}
            type="button"
            className="chip"
            aria-pressed={t === (type ?? types[0])}
            onClick={() => setType(t)}
          >
            {t}
          </button>
        ))}
      </div>
      {current?.schema && Object.keys(current.schema).length > 0 ? (
        <SchemaTree schema={current.schema} sensitive={sensitive} label={label} />
      ) : (
        <p className="muted" style={{ fontSize: 13 }}>
          {typeof current?.schema?.['description'] === 'string'
            ? current.schema['description']
            : 'No schema inferred for this body.'}
        </p>
      )}
    </div>
  );
}

const statusTone = (code: string) =>
  code.startsWith('2')
    ? 'green'
    : code.startsWith('3')
      ? 'blue'
      : code.startsWith('4')
        ? 'amber'
        : code.startsWith('5')
          ? 'red'
          : 'gray';

/** Request body per content type and response bodies per status, as collapsible schema trees. */
export function EndpointSchemas({ endpoint }: { endpoint: Endpoint }) {
  const statuses = Object.keys(endpoint.responses).sort();
  const [status, setStatus] = useState(statuses[0]);
  const requestSensitive = endpoint.sensitive.filter((s) => s.location === 'request.body');
  const responseSensitive = endpoint.sensitive.filter((s) => s.location === 'response.body');
  const current = status ?? statuses[0];
  return (
    <div className="grid grid-halves">
      <Panel title="Request body" hint="JSON Schema inferred from traffic">
        {endpoint.requestBody ? (
          <ContentTrees
            content={endpoint.requestBody.content}
            sensitive={requestSensitive}
            label="Request body schema"
          />
        ) : (
          <EmptyState compact title="No request body inferred" icon="inbox">
            Either the calls carried no body, or this API version does not infer body schemas yet.
          </EmptyState>
        )}
      </Panel>
      <Panel title="Responses" hint="per status code">
        {statuses.length === 0 ? (
          <EmptyState compact title="No response schema inferred" icon="inbox">
            Response schemas appear once bodies have been seen and inferred (status codes are charted above).
          </EmptyState>
        ) : (
          <div className="stack" style={{ gap: 10 }}>
            <div className="row" role="tablist" aria-label="Response status">
              {statuses.map((code) => (
                <button
                  key={code}
                  type="button"
                  role="tab"
                  className="chip"
                  aria-selected={code === current}
                  aria-pressed={code === current}
                  onClick={() => setStatus(code)}
                >
                  <Badge tone={statusTone(code)}>{code}</Badge>
                </button>
              ))}
            </div>
            {current !== undefined && (
              <ContentTrees
                key={current}
                content={endpoint.responses[current]?.content}
                sensitive={responseSensitive}
                label={`Response ${current} schema`}
              />
            )}
          </div>
        )}
      </Panel>
    </div>
  );
}
