import { type LogExchange } from './log-exchange.type';
import { parsePeer } from './log-peer.util';
import { LogSkipCode, LogSkipException } from './log-skip.exception';
import { parseIsoTime } from './log-time.util';
import { tokenizeLogLine } from './log-tokens.util';

/**
 * Positions of the fields after `[START_TIME] "METHOD PATH PROTOCOL"` in the text layouts met in
 * practice, told apart by how many unquoted fields follow the request:
 *  - Envoy's default (envoyproxy.io, access_log usage, "Default format string"): 6
 *      CODE FLAGS RX TX DURATION UPSTREAM_TIME "XFF" "UA" "REQUEST_ID" "AUTHORITY" "UPSTREAM_HOST"
 *  - Istio 1.9+ (pilot EnvoyTextLogFormat): 4
 *      CODE FLAGS DETAILS TERMINATION "FAILURE" RX TX DURATION UPSTREAM_TIME "XFF" "UA" "ID" "AUTHORITY"
 *      "UPSTREAM_HOST" CLUSTER UPSTREAM_LOCAL DOWNSTREAM_LOCAL DOWNSTREAM_REMOTE SNI ROUTE
 *  - Istio 1.3 to 1.8: 2, then "MIXER_STATUS" "FAILURE" RX TX DURATION ... as Istio 1.9+
 */
interface Positions {
  code: number;
  rx: number;
  tx: number;
  duration: number;
  authority: number;
  downstreamLocal?: number;
  downstreamRemote?: number;
}

const LAYOUTS: Readonly<Record<number, Positions>> = {
  6: { code: 2, rx: 4, tx: 5, duration: 6, authority: 11 },
  4: { code: 2, rx: 7, tx: 8, duration: 9, authority: 14, downstreamLocal: 18, downstreamRemote: 19 },
  2: { code: 2, rx: 6, tx: 7, duration: 8, authority: 13, downstreamLocal: 17, downstreamRemote: 18 },
};

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
  let bare = 0;
  while (2 + bare < values.length && !quoted[2 + bare]) bare++;
  const at = LAYOUTS[bare];
  if (at === undefined || values.length <= at.authority) {
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
  const [method = '-', target = '-'] = values[1].split(' ');
  if (method === '-' && target === '-') {
    throw new LogSkipException(LogSkipCode.NOT_HTTP, 'a TCP proxy connection, not an HTTP request');
  }
  if (method === '-' || target === '-')
    throw new LogSkipException(LogSkipCode.NO_REQUEST, 'Envoy logged no request line');
  const status = count(values[at.code]) ?? 0;
  const duration = count(values[at.duration]);
  const authority = values[at.authority];
  const src = at.downstreamRemote === undefined ? undefined : parsePeer(values[at.downstreamRemote]);
  const dst = at.downstreamLocal === undefined ? undefined : parsePeer(values[at.downstreamLocal]);
  return {
    ts,
    method,
    target,
    ...(authority !== '-' && authority !== '' && { host: authority }),
    ...(src && { src }),
    ...(dst && { dst }),
    status,
    ...(duration !== undefined && { durationMs: duration }),
    // BYTES_RECEIVED and BYTES_SENT count body bytes for HTTP (Envoy command operators)
    ...(count(values[at.rx]) !== undefined && { requestBodySize: count(values[at.rx]) }),
    ...(count(values[at.tx]) !== undefined && { responseBodySize: count(values[at.tx]) }),
  };
}
