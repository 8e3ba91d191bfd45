/**
 * An endpoint key is its path template, with `#<type> <name>` appended for a GraphQL operation
 * (`/graphql#query GetUser`): one endpoint per operation, not one blob. `#` never occurs in a path
 * as sent (it starts a fragment, which clients do not send).
 */
export interface EndpointKeyParts {
  path: string;
  graphql?: { operationType: string; operationName: string };
}

export function graphqlKey(path: string, operationType: string, operationName: string): string {
  return `${path}#${operationType} ${operationName}`;
}

/** The inverse of splitEndpointKey: an endpoint's key path (its identity within service and method). */
export function endpointKeyPath(e: EndpointKeyParts): string {
  return e.graphql ? graphqlKey(e.path, e.graphql.operationType, e.graphql.operationName) : e.path;
}

export function splitEndpointKey(key: string): EndpointKeyParts {
  const hash = key.indexOf('#');
  if (hash < 0) return { path: key };
  const [operationType, operationName = 'anonymous'] = key.slice(hash + 1).split(' ', 2);
  return { path: key.slice(0, hash), graphql: { operationType, operationName } };
}
