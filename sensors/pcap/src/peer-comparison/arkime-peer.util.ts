import { type ApiCall, headerValue } from '@apiscope/contracts';

import { type PeerResult } from './peer-result.type';

interface ArkimeSession {
  src: string;
  dst: string;
  method?: string[] | null;
  host?: string[] | null;
  path?: string[] | null;
  uri?: string[] | null;
  statuscode?: number[] | null;
  useragent?: string[] | null;
}

const FIELDS = ['method', 'host', 'path', 'uri', 'statuscode', 'useragent'] as const;
type Field = (typeof FIELDS)[number];

/** Arkime indexes a Host with a port under both forms; the port is left out on both sides. */
const bareHost = (host: string) => host.replace(/:\d+$/, '');

function sessionSets(calls: readonly ApiCall[]): Record<Field, string[]> {
  const set = (values: Array<string | number | undefined>) =>
    [...new Set(values.filter((v) => v !== undefined).map(String))].sort();
  return {
    method: set(calls.map((c) => c.request.method)),
    host: set(calls.map((c) => (c.request.host === undefined ? undefined : bareHost(c.request.host)))),
    path: set(calls.map((c) => c.request.path)),
    uri: set(calls.map((c) => `${c.request.host ?? ''}${c.request.target}`)),
    statuscode: set(calls.map((c) => c.response?.status)),
    useragent: set(calls.map((c) => headerValue(c.request.headers, 'user-agent'))),
  };
}

function expectedSet(session: ArkimeSession, field: Field): string[] | undefined {
  const values = session[field];
  if (values === undefined || values === null) return undefined;
  return [...new Set(values.map((v) => (field === 'host' ? bareHost(String(v)) : String(v))))].sort();
}

/**
 * Arkime's per-session sets (method, host, path, uri, status codes, user agents) against the sets
 * of our events on the same connection (same 4-tuple; a reused 4-tuple is a separate connection).
 * A session matches when method, host, path and status sets are equal; uri and user agent are
 * compared for the full figure.
 */
export function compareArkime(
  captureId: string,
  calls: readonly ApiCall[],
  sessions: readonly ArkimeSession[],
): PeerResult {
  const result: PeerResult = { total: 0, matched: 0, fullyMatched: 0, mismatches: [], notComparable: 0 };
  const connections = new Map<string, ApiCall[]>();
  for (const call of calls) {
    const flow = call.id.slice(0, call.id.lastIndexOf('-'));
    connections.set(flow, [...(connections.get(flow) ?? []), call]);
  }
  const available = [...connections.values()];
  for (const session of sessions) {
    result.total += 1;
    const id = `arkime:${captureId}#${session.src}->${session.dst}`;
    const candidates = available.filter(
      (group) =>
        `${group[0].src?.ip}:${group[0].src?.port}` === session.src &&
        `${group[0].dst?.ip}:${group[0].dst?.port}` === session.dst,
    );
    const scored = candidates.map((group) => {
      const ours = sessionSets(group);
      const differ = FIELDS.filter((f) => {
        const want = expectedSet(session, f);
        return want !== undefined && JSON.stringify(want) !== JSON.stringify(ours[f]);
      });
      return { group, ours, differ };
    });
    scored.sort((a, b) => a.differ.length - b.differ.length);
    const best = scored[0];
    if (best === undefined) {
      result.mismatches.push({ id, detail: 'no event on this connection' });
      continue;
    }
    available.splice(available.indexOf(best.group), 1);
    const key = best.differ.filter((f) => f !== 'uri' && f !== 'useragent');
    const describe = (fields: readonly Field[]) =>
      fields
        .map((f) => `${f}: ${JSON.stringify(expectedSet(session, f))} vs ${JSON.stringify(best.ours[f])}`)
        .join('; ');
    if (key.length > 0) {
      result.mismatches.push({ id, detail: describe(best.differ) });
      continue;
    }
    result.matched += 1;
    if (best.differ.length === 0) result.fullyMatched += 1;
    else result.mismatches.push({ id: `${id} fields`, detail: describe(best.differ) });
  }
  return result;
}
