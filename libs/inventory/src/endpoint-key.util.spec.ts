import { endpointKeyPath, splitEndpointKey } from './endpoint-key.util';

describe(endpointKeyPath.name, () => {
  it.each([
    ['/users/{userId}', { path: '/users/{userId}' }],
    [
      '/graphql#query GetUser',
      { path: '/graphql', graphql: { operationType: 'query', operationName: 'GetUser' } },
    ],
    [
      '/api/graphql#mutation anonymous',
      { path: '/api/graphql', graphql: { operationType: 'mutation', operationName: 'anonymous' } },
    ],
  ])('should key %s and split it back', (key, parts) => {
    expect(endpointKeyPath(parts)).toBe(key);
    expect(splitEndpointKey(key)).toEqual(parts);
  });
});
