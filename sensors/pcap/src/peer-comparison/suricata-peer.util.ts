import { isIP } from 'node:net';

import { type ApiCall, headerValue } from '@apiscope/contracts';

import { type PeerResult } from './peer-result.type';

interface SuricataCheck {
  count: number;
  match: Record<string, unknown>;
}

/** Keys of Suricata's eve `http` events that an ApiCall has no field for. */
const NOT_IN_CONTRACT = new Set(['http.protocol', 'http.status_string', 'vlan[0]']);

/** `fe80:0000::1` and `fe80::1` alike. */
function sameIp(a: string | undefined, b: unknown): boolean {
  if (a === undefined || typeof b !== 'string') return false;
  if (isIP(a) !== 6 || isIP(b) !== 6) return a === b;
  const expand = (ip: string) => {
    const [head, tail = ''] = ip.split('::');
    const h = head === '' ? [] : head.split(':');
    const t = tail === '' ? [] : tail.split(':');
    const groups = ip.includes('::')
      ? [...h, ...new Array<string>(8 - h.length - t.length).fill('0'), ...t]
      : h;
    return groups.map((g) => parseInt(g, 16)).join(':');
  };
  return expand(a) === expand(b);
}

/** Suricata's `hostname`: the Host without its port (`[::1]:8080` -> `[::1]`). */
const hostname = (host: string | undefined) => (host ?? '').replace(/:\d+$/, '');

const headerAt = (headers: Array<[string, string]> | undefined, key: string): unknown => {
  const m = /^\[(\d+)\]\.(name|value)$/.exec(key);
  if (headers === undefined || m === null) return undefined;
  const pair = headers[Number(m[1])];
  return pair === undefined ? undefined : m[2] === 'name' ? pair[0] : pair[1];
};

function field(call: ApiCall, key: string): unknown {
  const depth = Number(call.id.slice(call.id.lastIndexOf('-') + 1));
  switch (key) {
    case 'event_type':
      return 'http';
    case 'proto':
      return 'TCP';
    case 'src_port':
      return call.src?.port;
    case 'dest_port':
      return call.dst?.port;
    case 'tx_id':
      return depth - 1;
    case 'http.hostname':
      return hostname(call.request.host);
    case 'http.url':
      return call.request.target;
    case 'http.http_method':
      return call.request.method;
    case 'http.status':
      return call.response?.status;
    case 'http.length':
      return call.response?.body?.size ?? 0;
    case 'http.http_user_agent':
      return headerValue(call.request.headers, 'user-agent');
    case 'http.http_content_type':
      return headerValue(call.response?.headers ?? [], 'content-type')
        ?.split(';')[0]
        .trim();
    case 'http.redirect':
      return headerValue(call.response?.headers ?? [], 'location');
    case 'http.request_headers.__len':
      return call.request.headers.length;
    case 'http.response_headers.__len':
      return call.response?.headers.length;
    default:
      if (key.startsWith('http.request_headers')) return headerAt(call.request.headers, key.slice(20));
      if (key.startsWith('http.response_headers')) return headerAt(call.response?.headers, key.slice(21));
      return undefined;
  }
}

function matches(call: ApiCall, key: string, expected: unknown): boolean {
  if (NOT_IN_CONTRACT.has(key)) return true;
  if (key === 'src_ip') return sameIp(call.src?.ip, expected);
  if (key === 'dest_ip') return sameIp(call.dst?.ip, expected);
  return field(call, key) === expected;
}

/**
 * suricata-verify's eve `http` checks: each says how many events must match all its fields. A
 * check passes when exactly `count` of our events match every field an ApiCall carries; fields it
 * cannot carry (HTTP version, VLAN id, a non-numeric status string) are left out, and such checks
 * are also counted as not (fully) comparable.
 */
export function compareSuricata(
  captureId: string,
  calls: readonly ApiCall[],
  checks: readonly SuricataCheck[],
): PeerResult {
  const result: PeerResult = { total: 0, matched: 0, fullyMatched: 0, mismatches: [], notComparable: 0 };
  checks.forEach((check, index) => {
    result.total += 1;
    const partial = Object.keys(check.match).some((k) => NOT_IN_CONTRACT.has(k));
    if (partial) result.notComparable += 1;
    const count = calls.filter((c) => Object.entries(check.match).every(([k, v]) => matches(c, k, v))).length;
    if (count === check.count) {
      result.matched += 1;
      if (!partial) result.fullyMatched += 1;
    } else
      result.mismatches.push({
        id: `suricata:${captureId}#${index}`,
        detail: `${count} events match ${JSON.stringify(check.match)}, expected ${check.count}`,
      });
  });
  return result;
}
