import { type ApiCall } from '@apiscope/contracts';

import { type PeerResult } from './peer-result.type';

/** One http.log row (the fields used; masked or cut columns are absent). */
interface ZeekRow {
  'id.orig_h'?: string;
  'id.orig_p'?: number;
  'id.resp_h'?: string;
  'id.resp_p'?: number;
  trans_depth?: number;
  method?: string | null;
  host?: string | null;
  uri?: string | null;
  status_code?: number | null;
  request_body_len?: number | null;
  response_body_len?: number | null;
}

const status = (call: ApiCall) => call.response?.status ?? 0;

/**
 * Zeek http.log rows against our events. A row is matched on its connection (when the row has the
 * 4-tuple), method, URI (the request-target as sent) and status; Zeek's 0/null status (no status
 * line seen) matches an event without response. Rows without a method are responses Zeek saw
 * without a request: an ApiCall needs a request, so they are counted as not comparable.
 * Host and body lengths (decoded sizes in both) are then compared for the full-row figure.
 */
export function compareZeek(
  captureId: string,
  calls: readonly ApiCall[],
  rows: readonly ZeekRow[],
): PeerResult {
  const result: PeerResult = { total: 0, matched: 0, fullyMatched: 0, mismatches: [], notComparable: 0 };
  const used = new Set<ApiCall>();
  for (const row of rows) {
    if (
      row.method === null ||
      (row.method === undefined && row.uri === undefined && row.status_code === undefined)
    ) {
      result.notComparable += 1;
      continue;
    }
    result.total += 1;
    const id =
      `zeek:${captureId}#${row['id.orig_p'] ?? '-'}/${row.trans_depth ?? '-'} ${row.method ?? ''} ${row.uri ?? ''}`.trimEnd();
    const sameConnection = (c: ApiCall) =>
      row['id.orig_h'] === undefined ||
      (c.src?.ip === row['id.orig_h'] &&
        c.src.port === row['id.orig_p'] &&
        c.dst?.ip === row['id.resp_h'] &&
        c.dst?.port === row['id.resp_p']);
    const hit = calls.find(
      (c) =>
        !used.has(c) &&
        sameConnection(c) &&
        (row.method === undefined || c.request.method === row.method) &&
        (row.uri === undefined || c.request.target === row.uri) &&
        (row.status_code === undefined || status(c) === (row.status_code ?? 0)),
    );
    if (hit === undefined) {
      result.mismatches.push({
        id,
        detail: `no event with method/URI/status ${row.method} ${row.uri} ${row.status_code}`,
      });
      continue;
    }
    used.add(hit);
    result.matched += 1;
    const differ: string[] = [];
    if (row.host !== undefined && (hit.request.host ?? null) !== row.host)
      differ.push(`host ${row.host} vs ${hit.request.host}`);
    if (row.request_body_len != null && (hit.request.body?.size ?? 0) !== row.request_body_len)
      differ.push(`request_body_len ${row.request_body_len} vs ${hit.request.body?.size ?? 0}`);
    if (row.response_body_len != null && (hit.response?.body?.size ?? 0) !== row.response_body_len)
      differ.push(`response_body_len ${row.response_body_len} vs ${hit.response?.body?.size ?? 0}`);
    if (differ.length === 0) result.fullyMatched += 1;
    else result.mismatches.push({ id: `${id} fields`, detail: differ.join('; ') });
  }
  return result;
}
