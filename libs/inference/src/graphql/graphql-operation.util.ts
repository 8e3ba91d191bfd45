import { type ApiCall } from '@apiscope/contracts';

export type GraphqlOperationType = 'query' | 'mutation' | 'subscription';

export interface GraphqlOperation {
  type: GraphqlOperationType;
  /** the operation name, `anonymous` when the document has none */
  name: string;
}

const OPERATION = /^\s*(?:#[^\n]*\n\s*)*(query|mutation|subscription)\b\s*([_A-Za-z][_0-9A-Za-z]*)?/;
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;

/** The first operation of a GraphQL document: `query GetUser {...}`, or a bare `{...}` query. */
export function operationOfDocument(document: string, operationName?: unknown): GraphqlOperation | undefined {
  const text = document.slice(0, 64 * 1024);
  const named = typeof operationName === 'string' && NAME.test(operationName) ? operationName : undefined;
  if (named) {
    const m = new RegExp(`\\b(query|mutation|subscription)\\s+${named}\\b`).exec(text);
    return { type: (m?.[1] as GraphqlOperationType | undefined) ?? 'query', name: named };
  }
  const m = OPERATION.exec(text.replace(/^\s*fragment[\s\S]*?}\s*(?=query|mutation|subscription|{)/, ''));
  if (m) return { type: m[1] as GraphqlOperationType, name: m[2] ?? 'anonymous' };
  if (/^\s*\{/.test(text)) return { type: 'query', name: 'anonymous' };
  return undefined;
}

function jsonBody(call: ApiCall): unknown {
  const body = call.request.body;
  if (!body?.data || body.truncated) return undefined;
  const text = body.encoding === 'base64' ? Buffer.from(body.data, 'base64').toString('utf8') : body.data;
  if (!/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * GraphQL over HTTP: a POST with a JSON `{query, operationName}` body (the first of a batch), or a
 * GET with `?query=`. Only on paths that say GraphQL, so a JSON field named `query` elsewhere is not
 * mistaken for one.
 */
export function graphqlOperationOf(call: ApiCall): GraphqlOperation | undefined {
  if (!/graphql|\/gql(\/|$)/i.test(call.request.path)) return undefined;
  if (call.request.method.toUpperCase() === 'GET') {
    const query = call.request.query.find(([k]) => k === 'query')?.[1];
    const name = call.request.query.find(([k]) => k === 'operationName')?.[1];
    return query === undefined ? undefined : operationOfDocument(query, name);
  }
  let payload = jsonBody(call);
  if (Array.isArray(payload)) payload = payload[0];
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { query, operationName } = payload as { query?: unknown; operationName?: unknown };
  return typeof query === 'string' ? operationOfDocument(query, operationName) : undefined;
}
