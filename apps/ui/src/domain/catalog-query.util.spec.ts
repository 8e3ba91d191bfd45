import { describe, expect, it } from 'vitest';

import { catalogApiUrl, catalogHref, parseCatalogQuery } from './catalog-query.util';

const parse = (query: string) => parseCatalogQuery(new URLSearchParams(query));

describe('parseCatalogQuery', () => {
  it.each([
    // URL query -> the URL the catalog writes back for it (normalised)
    ['', '/endpoints'],
    ['flag=unauthenticated', '/endpoints?flag=unauthenticated'],
    [
      'service=api.shop.example&method=get&auth=mixed&class=email&q=%2Fusers',
      '/endpoints?service=api.shop.example&method=GET&auth=mixed&class=email&q=%2Fusers',
    ],
    ['sort=-calls&limit=50', '/endpoints?sort=-calls&limit=50'],
    ['cursor=WyJhIl0', '/endpoints?cursor=WyJhIl0'],
    // hostile or stale values are dropped, not passed on
    ['flag=everything&auth=root&sort=-drop&limit=100000', '/endpoints'],
    ['sort=risk', '/endpoints'],
    ['method=GET%27%20OR%201%3D1', '/endpoints'],
    ['sort=-path', '/endpoints'],
    ['q=%20%20', '/endpoints'],
  ])('should read %j and write it back as %s', (query, href) => {
    expect(catalogHref(parse(query))).toBe(href);
  });

  it('should ask the API for every filter, the data class too, its sort and its page', () => {
    const url = catalogApiUrl(
      parse('service=a&method=post&flag=shadow&auth=unknown&class=email&q=admin&sort=-calls&cursor=abc'),
    );
    expect(url).toBe(
      '/api/v1/endpoints?service=a&method=POST&flag=shadow&auth=unknown&class=email&pathContains=admin&sort=-calls&limit=100&cursor=abc',
    );
    expect(catalogApiUrl(parse('sort=lastSeen&limit=50'))).toBe('/api/v1/endpoints?sort=lastSeen&limit=50');
  });
});
