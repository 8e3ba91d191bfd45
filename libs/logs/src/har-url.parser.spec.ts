import { HarEntrySkipException } from './har-entry-skip.exception';
import { parseAuthority, parseHarUrl } from './har-url.parser';

describe(parseHarUrl.name, () => {
  it.each([
    [
      'https://api.example.com/v1/users?id=1',
      { scheme: 'https', host: 'api.example.com', port: 443, target: '/v1/users?id=1' },
    ],
    [
      'HTTPS://API.Example.COM:443/A?b=1#frag',
      { scheme: 'https', host: 'api.example.com', port: 443, target: '/A?b=1' },
    ],
    ['http://h:8080', { scheme: 'http', host: 'h:8080', port: 8080, target: '/' }],
    ['http://h:80/x', { scheme: 'http', host: 'h', port: 80, target: '/x' }],
    ['http://h?x=1', { scheme: 'http', host: 'h', port: 80, target: '/?x=1' }],
    ['http://user:pw@h/x', { scheme: 'http', host: 'h', port: 80, target: '/x' }],
    ['http://[::1]:8443/x', { scheme: 'http', host: '[::1]:8443', port: 8443, target: '/x' }],
    ['https://h:/x', { scheme: 'https', host: 'h', port: 443, target: '/x' }],
  ])('should read %s', (url, expected) => {
    expect(parseHarUrl(url)).toMatchObject(expected);
  });

  it('should keep the path and query as written, not as WHATWG URL would rewrite them', () => {
    const url = "https://h/a%20b/./{x}/../it's?q=a%2Bb&r=it's";
    const whatwg = new URL(url);
    expect(whatwg.pathname + whatwg.search).toBe("/a%20b/it's?q=a%2Bb&r=it%27s");
    expect(parseHarUrl(url)).toEqual({
      scheme: 'https',
      host: 'h',
      port: 443,
      target: "/a%20b/./{x}/../it's?q=a%2Bb&r=it's",
      path: "/a%20b/./{x}/../it's",
      query: [
        ['q', 'a+b'],
        ['r', "it's"],
      ],
    });
  });

  it.each([
    [42, 'request.url is missing'],
    ['', 'request.url is missing'],
    ['example.com/x', 'request.url "example.com/x" is not an absolute URL'],
    ['ws://h/', 'request.url scheme "ws" is not http or https'],
    ['blob:https://h/uuid', 'request.url scheme "blob" is not http or https'],
    ['http://[::1/', 'request.url "http://[::1/" has an invalid host or port'],
    ['http://[::1]x/', 'request.url "http://[::1]x/" has an invalid host or port'],
    ['http://h:8o/', 'request.url "http://h:8o/" has an invalid host or port'],
  ])('should refuse %j', (url, reason) => {
    expect(() => parseHarUrl(url)).toThrow(new HarEntrySkipException(reason));
  });
});

describe(parseAuthority.name, () => {
  it('should read an HTTP/2 :authority the way it reads a URL authority', () => {
    expect(parseAuthority('https', 'Example.com:443')).toEqual({ host: 'example.com', port: 443 });
    expect(parseAuthority('https', 'example.com:8443')).toEqual({ host: 'example.com:8443', port: 8443 });
    expect(parseAuthority('http', '')).toBeUndefined();
  });
});
