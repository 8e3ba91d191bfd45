import { type HttpScheme, type NameValueList, splitRequestTarget } from '@apiscope/contracts';

import { HarEntrySkipException } from './har-entry-skip.exception';
import { quoteValue } from './har-field.util';

export interface HarAuthority {
  /** `host[:port]` as a Host header carries it: lower-case, default port left out. */
  host: string;
  /** The explicit port, or the scheme's default: where the TCP connection went. */
  port: number;
}

export interface HarUrl extends HarAuthority {
  scheme: HttpScheme;
  /** Path and query exactly as the URL spells them: the origin-form request-target on the wire. */
  target: string;
  path: string;
  query: NameValueList;
}

const DEFAULT_PORT: Record<HttpScheme, number> = { http: 80, https: 443 };

function isHttpScheme(scheme: string): scheme is HttpScheme {
  return scheme === 'http' || scheme === 'https';
}

/** WHATWG URL only judges the host (rejects spaces, bad IPv6); its normalised form is not kept. */
function isValidHostname(scheme: HttpScheme, hostname: string): boolean {
  try {
    new URL(`${scheme}://${hostname}/`);
    return true;
  } catch {
    return false;
  }
}

/** Reads `[user@]host[:port]` (a URL authority or an HTTP/2 `:authority`); undefined when malformed. */
export function parseAuthority(scheme: HttpScheme, authority: string): HarAuthority | undefined {
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  let hostname: string;
  let portText = '';
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close === -1) return undefined;
    hostname = hostPort.slice(0, close + 1);
    const after = hostPort.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return undefined;
    portText = after.slice(1);
  } else {
    const colon = hostPort.lastIndexOf(':');
    hostname = colon === -1 ? hostPort : hostPort.slice(0, colon);
    portText = colon === -1 ? '' : hostPort.slice(colon + 1);
  }
  if (hostname === '' || !isValidHostname(scheme, hostname)) return undefined;
  if (!/^\d{0,5}$/.test(portText)) return undefined;
  const port = portText === '' ? DEFAULT_PORT[scheme] : Number(portText);
  if (port > 65535) return undefined;
  const lower = hostname.toLowerCase();
  return { host: port === DEFAULT_PORT[scheme] ? lower : `${lower}:${port}`, port };
}

/**
 * Splits a HAR `request.url` by hand rather than through WHATWG URL, which rewrites the path and
 * query (resolves `/./` and `/../`, encodes `'` in the query and `"` or `{` in the path) and would
 * make `target` differ from what the client sent.
 * Only http and https are HTTP exchanges; ws, data, blob, chrome-extension and the like are skipped.
 */
export function parseHarUrl(url: unknown): HarUrl {
  if (typeof url !== 'string' || url === '') throw new HarEntrySkipException('request.url is missing');
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
  if (!schemeMatch) throw new HarEntrySkipException(`request.url ${quoteValue(url)} is not an absolute URL`);
  const scheme = schemeMatch[1].toLowerCase();
  if (!isHttpScheme(scheme)) {
    throw new HarEntrySkipException(`request.url scheme ${quoteValue(scheme)} is not http or https`);
  }
  const afterScheme = url.slice(schemeMatch[0].length);
  if (!afterScheme.startsWith('//'))
    throw new HarEntrySkipException(`request.url ${quoteValue(url)} has no host`);
  const rest = afterScheme.slice(2);
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const parsed = parseAuthority(scheme, authority);
  if (!parsed) throw new HarEntrySkipException(`request.url ${quoteValue(url)} has an invalid host or port`);
  // The fragment never goes on the wire; an empty path is sent as "/" (RFC 9112 §3.2.1).
  let target = authorityEnd === -1 ? '' : rest.slice(authorityEnd);
  const hash = target.indexOf('#');
  if (hash !== -1) target = target.slice(0, hash);
  if (!target.startsWith('/')) target = `/${target}`;
  const { path, query } = splitRequestTarget(target);
  return { scheme, ...parsed, target, path, query };
}
