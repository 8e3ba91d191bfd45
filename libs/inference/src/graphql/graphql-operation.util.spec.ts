import { operationOfDocument } from './graphql-operation.util';

describe(operationOfDocument.name, () => {
  it.each([
    ['query GetUser($id: ID!) { user(id: $id) { name } }', undefined, { type: 'query', name: 'GetUser' }],
    [
      'mutation AddStar { addStar(input: {}) { clientMutationId } }',
      undefined,
      { type: 'mutation', name: 'AddStar' },
    ],
    [
      'subscription OnComment { commentAdded { id } }',
      undefined,
      { type: 'subscription', name: 'OnComment' },
    ],
    ['{ viewer { login } }', undefined, { type: 'query', name: 'anonymous' }],
    ['query { viewer { login } }', undefined, { type: 'query', name: 'anonymous' }],
    ['# comment\nquery Q1 { a }', undefined, { type: 'query', name: 'Q1' }],
    ['query A { a } mutation B { b }', 'B', { type: 'mutation', name: 'B' }],
    [
      'fragment F on User { id } query WithFragment { viewer { ...F } }',
      undefined,
      { type: 'query', name: 'WithFragment' },
    ],
    ['not graphql', undefined, undefined],
  ])('should read %j', (document, name, expected) => {
    expect(operationOfDocument(document, name)).toEqual(expected);
  });
});
