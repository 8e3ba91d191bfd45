import { parseAuthority } from './har-url.parser';
import { type LogExchange } from './log-exchange.type';
import { unwrapLogEnvelope } from './log-envelope.util';
import { parsePeer } from './log-peer.util';
import { type LogTextReader } from './log-reader.type';
import { LogSkipCode, LogSkipException } from './log-skip.exception';
import { parseIsoTime } from './log-time.util';
import { tokenizeLogLine } from './log-tokens.util';
import { splitRequestLine } from './request-line.util';

/** Request types of ALB access log lines (docs: "Access log entries", field `type`). */
const HTTP_TYPES = new Set(['http', 'https', 'h2', 'grpcs', 'ws', 'wss']);

// Field positions, from the ALB user guide ("Access log entries"): type time elb client:port
// target:port request_processing_time target_processing_time response_processing_time
// elb_status_code target_status_code received_bytes sent_bytes "request" "user_agent" ssl_cipher
// ssl_protocol target_group_arn "trace_id" "domain_name" "chosen_cert_arn" matched_rule_priority
// request_creation_time "actions_executed" ... (later fields are appended by newer ALBs).
const F = { type: 0, time: 1, client: 3, timings: 5, status: 8, request: 12, created: 21 } as const;

function seconds(text: string): number | undefined {
  return /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : undefined;
}

/**
 * AWS Application Load Balancer access log lines. `received_bytes`/`sent_bytes` include headers, so
 * no body size is derived from them. Lines from NLB TLS logs and ALB connection logs, which may
 * share a bucket, are skipped as not HTTP.
 */
export class AlbReader implements LogTextReader {
  readonly kind = 'text';
  // an ALB serves a few hosts: the authority check (WHATWG URL, microseconds) runs once per host
  private lastAuthority = '';
  private lastHost: string | undefined;

  readLine(raw: string): LogExchange | undefined {
    if (raw.trim() === '') return undefined;
    const line = unwrapLogEnvelope(raw);
    const tokens = tokenizeLogLine(line);
    const type = tokens?.values[F.type] ?? '';
    if (tokens === undefined || !HTTP_TYPES.has(type)) {
      if (type === 'tls')
        throw new LogSkipException(LogSkipCode.NOT_HTTP, 'an NLB TLS log line, not an HTTP request');
      if (parseIsoTime(type) !== undefined) {
        throw new LogSkipException(LogSkipCode.NOT_HTTP, 'an ALB connection log line, not an HTTP request');
      }
      throw new LogSkipException(LogSkipCode.NOT_THIS_FORMAT, 'the line is not an ALB access log line');
    }
    const v = tokens.values;
    if (v.length <= F.request || !tokens.quoted[F.request]) {
      throw new LogSkipException(LogSkipCode.NOT_THIS_FORMAT, 'the ALB line is cut short');
    }
    const { method, target: url } = splitRequestLine(v[F.request]);
    if (method === '-')
      throw new LogSkipException(LogSkipCode.NO_REQUEST, 'the ALB could not parse the request line');
    const m = /^(https?):\/\/([^/?#\s]*)(.*)$/i.exec(url);
    if (!m) throw new LogSkipException(LogSkipCode.BAD_TARGET, 'the request URL is not an http(s) URL');
    const scheme = m[1].toLowerCase() as 'http' | 'https';
    const authority = `${scheme}://${m[2]}`;
    if (authority !== this.lastAuthority) {
      this.lastAuthority = authority;
      this.lastHost = parseAuthority(scheme, m[2])?.host;
    }
    const host = this.lastHost;
    const target = m[3] === '' ? '/' : m[3];
    const ts = parseIsoTime(v[F.created] ?? '') ?? parseIsoTime(v[F.time]);
    if (ts === undefined)
      throw new LogSkipException(LogSkipCode.BAD_TIME, 'the time fields are not ISO 8601');
    const timings = [v[F.timings], v[F.timings + 1], v[F.timings + 2]].map(seconds);
    // -1 marks a phase that did not happen (no target answered): then there is no total
    const total = timings.every((t) => t !== undefined) ? timings.reduce((a, b) => a + b, 0) : undefined;
    const src = parsePeer(v[F.client]);
    return {
      ts,
      method,
      target,
      scheme,
      ...(host !== undefined && { host }),
      ...(src && { src }),
      status: /^\d{3}$/.test(v[F.status]) ? Number(v[F.status]) : 0,
      ...(total !== undefined && { durationMs: Math.round(total * 1e6) / 1e3 }),
    };
  }
}
