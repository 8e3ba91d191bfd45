import { type LogExchange } from './log-exchange.type';
import { parsePeer } from './log-peer.util';
import { LogSkipCode, LogSkipException } from './log-skip.exception';
import { parseIsoTime } from './log-time.util';
import { tokenizeLogLine } from './log-tokens.util';

/**
 * The fields after `[START_TIME] "METHOD PATH PROTOCOL"` come in runs of unquoted and quoted values,
 * and the text layouts met in practice differ in their runs:
 *  - Envoy's default (envoyproxy.io, access_log usage, "Default format string"):
 *      CODE FLAGS RX TX DURATION UPSTREAM_TIME | "XFF" "UA" "REQUEST_ID" "AUTHORITY" "UPSTREAM_HOST"
 *  - Istio 1.9+ (pilot EnvoyTextLogFormat):
 *      CODE FLAGS DETAILS TERMINATION | "FAILURE" | RX TX DURATION UPSTREAM_TIME |
 *      "XFF" "UA" "ID" "AUTHORITY" "UPSTREAM_HOST" | CLUSTER UPSTREAM_LOCAL DOWNSTREAM_LOCAL DOWNSTREAM_REMOTE SNI ROUTE
 *  - Istio before 1.9: as 1.9+ with CODE FLAGS | "MIXER_STATUS"? "FAILURE" | ...
 * So: a first run of 6 or more is Envoy's default; a shorter one is Istio's, read by runs.
 */
interface EnvoyFields {
  code?: string;
  rx?: string;
  tx?: string;
  duration?: string;
  authority?: string;
  downstreamLocal?: string;
  downstreamRemote?: string;
}

function runsOf(values: string[], quoted: boolean[]): string[][] {
  const runs: string[][] = [];
  for (let i = 2; i < values.length; i++) {
    if (i === 2 || quoted[i] !== quoted[i - 1]) runs.push([]);
    runs[runs.length - 1].push(values[i]);
  }
  return runs;
}

function fieldsOf(values: string[], quoted: boolean[]): EnvoyFields | undefined {
  if (quoted[2]) return undefined;
  const runs = runsOf(values, quoted);
  const [first, second, third, fourth, fifth] = runs;
  if (first.length >= 6) {
    if (second === undefined || second.length < 4) return undefined;
    return { code: first[0], rx: first[2], tx: first[3], duration: first[4], authority: second[3] };
  }
  if (third === undefined || third.length < 3 || fourth === undefined || fourth.length < 4) return undefined;
  return {
    code: first[0],
    rx: third[0],
    tx: third[1],
    duration: third[2],
    authority: fourth[3],
    downstreamLocal: fifth?.[2],
    downstreamRemote: fifth?.[3],
  };
}

function count(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

/** One Envoy text access log line (Ambassador's `ACCESS ` prefix allowed). */
export function readEnvoyText(raw: string): LogExchange {
  const line = raw.startsWith('ACCESS ') ? raw.slice(7) : raw;
  const tokens = line.startsWith('[') ? tokenizeLogLine(line) : undefined;
  if (tokens === undefined || tokens.values.length < 3 || !tokens.quoted[1]) {
    throw new LogSkipException(LogSkipCode.NOT_THIS_FORMAT, 'the line is not an Envoy text access log line');
  }
  const { values, quoted } = tokens;
  const at = fieldsOf(values, quoted);
  if (at === undefined) {
    throw new LogSkipException(
      LogSkipCode.NOT_THIS_FORMAT,
      'the line is in no known Envoy or Istio text layout',
    );
  }
  const ts = parseIsoTime(values[0]);
  if (ts === undefined)
    throw new LogSkipException(
      LogSkipCode.BAD_TIME,
      `start time "${values[0].slice(0, 40)}" is not ISO 8601`,
    );
  const [method = '-', target = '-', protocol = '-'] = values[1].split(' ');
  // TCP proxy lines log "- - -"; an HTTP request Envoy could not parse keeps its protocol
  if (method === '-' && target === '-' && protocol === '-') {
    throw new LogSkipException(LogSkipCode.NOT_HTTP, 'a TCP proxy connection, not an HTTP request');
  }
  if (method === '-' || target === '-')
    throw new LogSkipException(LogSkipCode.NO_REQUEST, 'Envoy logged no request line');
  const status = count(at.code) ?? 0;
  const duration = count(at.duration);
  const requestSize = count(at.rx);
  const responseSize = count(at.tx);
  const src = parsePeer(at.downstreamRemote);
  const dst = parsePeer(at.downstreamLocal);
  return {
    ts,
    method,
    target,
    ...(at.authority !== undefined && at.authority !== '-' && at.authority !== '' && { host: at.authority }),
    ...(src && { src }),
    ...(dst && { dst }),
    status,
    ...(duration !== undefined && { durationMs: duration }),
    // BYTES_RECEIVED and BYTES_SENT count body bytes for HTTP (Envoy command operators)
    ...(requestSize !== undefined && { requestBodySize: requestSize }),
    ...(responseSize !== undefined && { responseBodySize: responseSize }),
  };
}
