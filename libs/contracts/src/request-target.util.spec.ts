import { headerValue, parseQueryString, splitRequestTarget } from './request-target.util';

describe(splitRequestTarget.name, () => {
  it.each([
    ['/users/42?fields=name', { path: '/users/42', query: [['fields', 'name']] }],
    [
      '/a%20b/c?x=1&x=2&y',
      {
        path: '/a%20b/c',
        query: [
          ['x', '1'],
          ['x', '2'],
          ['y', ''],
        ],
      },
    ],
    ['/search?q=caf%C3%A9+au+lait', { path: '/search', query: [['q', 'café au lait']] }],
    ['/bad?x=%E0%A4%A', { path: '/bad', query: [['x', '%E0%A4%A']] }],
    ['/p#frag', { path: '/p', query: [] }],
    ['*', { path: '*', query: [] }],
    ['example.com:443', { path: '', query: [] }],
    [
      'http://user@api.example.com:8080/v1/x?a=b',
      { path: '/v1/x', query: [['a', 'b']], host: 'api.example.com:8080', scheme: 'http' },
    ],
    ['HTTPS://h', { path: '/', query: [], host: 'h', scheme: 'https' }],
  ])('should split %s', (target, expected) => {
    expect(splitRequestTarget(target)).toEqual(expected);
  });
});

describe(parseQueryString.name, () => {
  it('should skip empty pieces and keep duplicates in order', () => {
    expect(parseQueryString('a=1&&a=2&')).toEqual([
      ['a', '1'],
      ['a', '2'],
    ]);
  });
});

describe(headerValue.name, () => {
  it('should find the first value whatever the case', () => {
    expect(
      headerValue(
        [
          ['Host', 'a'],
          ['host', 'b'],
        ],
        'HOST',
      ),
    ).toBe('a');
    expect(headerValue([], 'host')).toBeUndefined();
  });
});
