import { type NameValueList } from './api-call.type';

/** Decodes one query component; malformed escapes are kept as sent rather than dropped. */
function decodeComponent(raw: string): string {
  // most components need no decoding: skip the regex and the try/catch (log sensors parse ~1M/s)
  if (!raw.includes('%') && !raw.includes('+')) return raw;
  const spaced = raw.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** Decodes `a=1&b=&c` into pairs, keeping order and duplicates (an indexOf scan: no array per query). */
export function parseQueryString(query: string): NameValueList {
  if (query === '') return [];
  const pairs: NameValueList = [];
  let from = 0;
  while (from <= query.length) {
    let end = query.indexOf('&', from);
    if (end === -1) end = query.length;
    if (end > from) {
      const eq = query.indexOf('=', from);
      pairs.push(
        eq === -1 || eq > end
          ? [decodeComponent(query.slice(from, end)), '']
          : [decodeComponent(query.slice(from, eq)), decodeComponent(query.slice(eq + 1, end))],
      );
    }
    from = end + 1;
  }
  return pairs;
}

export interface SplitTarget {
  path: string;
  query: NameValueList;
  /** Host of an absolute-form target (`GET http://h/x HTTP/1.1`, what proxies receive). */
  host?: string;
  scheme?: 'http' | 'https';
}

/**
 * Splits a request-target (origin, absolute, asterisk or authority form, RFC 9112 §3.2) into the
 * path as sent and the decoded query. The fragment, which clients must not send, is dropped.
 */
export function splitRequestTarget(target: string): SplitTarget {
  let rest = target;
  let host: string | undefined;
  let scheme: 'http' | 'https' | undefined;
  const absolute = /^(https?):\/\/([^/?#]*)/i.exec(rest);
  if (absolute) {
    scheme = absolute[1].toLowerCase() as 'http' | 'https';
    host = absolute[2].replace(/^[^@]*@/, '');
    rest = rest.slice(absolute[0].length);
    if (!rest.startsWith('/')) rest = `/${rest}`;
  } else if (rest !== '*' && !rest.startsWith('/')) {
    // authority form (CONNECT host:port) has no path
    return { path: '', query: [] };
  }
  const hash = rest.indexOf('#');
  if (hash !== -1) rest = rest.slice(0, hash);
  const q = rest.indexOf('?');
  const path = q === -1 ? rest : rest.slice(0, q);
  const query = q === -1 ? [] : parseQueryString(rest.slice(q + 1));
  // origin form, by far the most common: no object spread on that path
  if (host === undefined) return { path, query };
  return { path, query, host, ...(scheme && { scheme }) };
}

/** Case-insensitive first header value. */
export function headerValue(headers: NameValueList, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [n, v] of headers) if (n.toLowerCase() === wanted) return v;
  return undefined;
}
