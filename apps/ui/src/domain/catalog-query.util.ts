import { apiUrl } from '../api/api-client.util';
import {
  AUTH_STATUSES,
  type AuthStatus,
  type Endpoint,
  ENDPOINT_FLAGS,
  type EndpointFlag,
} from '../api/api.type';
import { buildHref } from '../router/router.util';

/**
 * The endpoint table's state, all of it in the URL (`/endpoints?service=…&flag=unauthenticated`) so
 * a view can be shared and survives a reload. The API filters, sorts and pages everything (service,
 * method, flag, auth, data class, text in the path, sort, cursor): the table shows the API's page as is.
 */
export const SORT_KEYS = ['path', 'calls', 'lastSeen'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZES = [50, 100, 200, 500] as const;
export const DEFAULT_PAGE_SIZE = 100;
export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

export interface CatalogQuery {
  service?: string;
  method?: string;
  flag?: EndpointFlag;
  auth?: AuthStatus;
  /** sensitive data class (`class=` of the API) */
  dataClass?: string;
  /** text in the path template */
  q?: string;
  sort: SortKey;
  desc: boolean;
  limit: number;
  cursor?: string;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

const text = (value: string | null, max = 256): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
};

export function parseCatalogQuery(search: URLSearchParams): CatalogQuery {
  const sortParam = search.get('sort') ?? '';
  const desc = sortParam.startsWith('-');
  const sort = oneOf(SORT_KEYS, desc ? sortParam.slice(1) : sortParam) ?? 'path';
  const limit = Number(search.get('limit'));
  const method = text(search.get('method'), 16)?.toUpperCase();
  return {
    service: text(search.get('service'), 1024),
    method: method && /^[A-Z]+$/.test(method) ? method : undefined,
    flag: oneOf(ENDPOINT_FLAGS, search.get('flag')),
    auth: oneOf(AUTH_STATUSES, search.get('auth')),
    dataClass: text(search.get('class'), 64),
    q: text(search.get('q')),
    sort,
    desc: sort === 'path' ? false : desc,
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_PAGE_SIZE,
    cursor: text(search.get('cursor'), 8192),
  };
}

/** The URL of this view; changing a filter drops the cursor (a new filter starts at page one). */
export function catalogHref(q: CatalogQuery): string {
  return buildHref('/endpoints', {
    service: q.service,
    method: q.method,
    flag: q.flag,
    auth: q.auth,
    class: q.dataClass,
    q: q.q,
    sort: q.sort === 'path' ? undefined : `${q.desc ? '-' : ''}${q.sort}`,
    limit: q.limit === DEFAULT_PAGE_SIZE ? undefined : q.limit,
    cursor: q.cursor,
  });
}

/** The API request for the page this view shows. */
export function catalogApiUrl(q: CatalogQuery): string {
  return apiUrl('/api/v1/endpoints', {
    service: q.service,
    method: q.method,
    flag: q.flag,
    auth: q.auth,
    class: q.dataClass,
    pathContains: q.q,
    sort: q.sort === 'path' ? undefined : `${q.desc ? '-' : ''}${q.sort}`,
    limit: q.limit,
    cursor: q.cursor,
  });
}

/** The endpoint's page: by the API's opaque id, the same in every list and across restarts. */
export function endpointHref(e: Pick<Endpoint, 'id'>): string {
  return `/endpoints/${encodeURIComponent(e.id)}`;
}
