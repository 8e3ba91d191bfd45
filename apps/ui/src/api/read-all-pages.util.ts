import { apiGet, apiUrl, type QueryValue } from './api-client.util';

export interface AllPages<T> {
  items: T[];
  /** true when `maxPages` stopped the reading before the last page */
  truncated: boolean;
}

export interface ReadOptions {
  signal?: AbortSignal;
  /** default 20 pages of 500 */
  maxPages?: number;
  /** items read so far, after each page */
  onPage?: (loaded: number) => void;
  /** the key to send (default: the session's) */
  key?: string;
}

/**
 * Follows a list route's nextCursor (500 a page, the API's largest) until the last page or
 * `maxPages`: for views that need a whole list (services for a menu, buckets for a chart, every
 * endpoint for the overview).
 */
export async function readAllPages<T>(
  path: string,
  query: Record<string, QueryValue>,
  options: ReadOptions = {},
): Promise<AllPages<T>> {
  const maxPages = options.maxPages ?? 20;
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const url = apiUrl(path, { ...query, limit: 500, cursor });
    const page: { items: T[]; nextCursor: string | null } =
      options.key === undefined
        ? await apiGet(url, options.signal)
        : await apiGet(url, options.signal, options.key);
    items.push(...page.items);
    options.onPage?.(items.length);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor !== null && pages < maxPages);
  return { items, truncated: cursor !== null };
}
