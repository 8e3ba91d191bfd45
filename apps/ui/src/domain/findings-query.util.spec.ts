import { describe, expect, it } from 'vitest';

import { categoryTitle, findingsApiUrl, findingsHref, parseFindingsQuery } from './findings-query.util';

const parse = (query: string) => parseFindingsQuery(new URLSearchParams(query));

describe('parseFindingsQuery', () => {
  it.each([
    // URL query -> the URL the page writes back, and the API request it makes
    ['', '/findings', '/api/v1/findings?limit=100'],
    ['severity=critical', '/findings?severity=critical', '/api/v1/findings?severity=critical&limit=100'],
    [
      'category=API9%3A2023&class=email&service=api.shop.example&cursor=abc',
      '/findings?category=API9%3A2023&class=email&service=api.shop.example&cursor=abc',
      '/api/v1/findings?service=api.shop.example&category=API9%3A2023&class=email&limit=100&cursor=abc',
    ],
    // hostile or stale values are dropped, not passed on
    ['severity=urgent&category=API9&class=Email%27--', '/findings', '/api/v1/findings?limit=100'],
    ['service=%20%20', '/findings', '/api/v1/findings?limit=100'],
  ])('should read %j as %s and ask %s', (query, href, api) => {
    expect(findingsHref(parse(query))).toBe(href);
    expect(findingsApiUrl(parse(query))).toBe(api);
  });
});

describe('categoryTitle', () => {
  it.each([
    ['API1:2023', 'Broken Object Level Authorization'],
    ['API10:2023', 'Unsafe Consumption of APIs'],
    ['API11:2031', 'API11:2031'],
  ])('should name %s %j', (category, title) => {
    expect(categoryTitle(category)).toBe(title);
  });
});
