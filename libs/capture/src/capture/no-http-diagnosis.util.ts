import { LinkType } from '../packet/link-type.constant';
import { PayloadClass } from '../tcp/payload-class.util';
import { type CaptureStats } from './capture-stats.type';

const KNOWN_LINKS = new Set<number>(Object.values(LinkType));

const percent = (part: number, whole: number) => `${Math.round((100 * part) / Math.max(whole, 1))}%`;

/**
 * One line that says why a run produced no event, from the figures alone: an unreadable input,
 * a link type we do not decode, no TCP, TLS or HTTP/2 instead of HTTP/1.x, one-sided traffic.
 * Undefined when events were produced.
 */
export function diagnoseNoHttp(stats: CaptureStats): string | undefined {
  if (stats.calls > 0) return undefined;
  const read = stats.read;
  if (read.error !== undefined) return `no HTTP: the input could not be read (${read.error})`;
  if (stats.bytes === 0) return 'no HTTP: the input was empty';
  if (read.frames === 0) return `no HTTP: no packets in the input (${read.truncatedBytes} bytes left unread)`;
  const unknown = read.linkTypes.filter((l) => !KNOWN_LINKS.has(l));
  const frames = read.frames;
  const tcp = stats.decode['tcp'] ?? 0;
  if (unknown.length > 0 && tcp === 0)
    return `no HTTP: link type ${unknown.join(', ')} is not supported (see tcpdump.org/linktypes.html)`;
  if (tcp === 0) {
    const top = Object.entries(stats.decode).sort((a, b) => b[1] - a[1])[0];
    return `no HTTP: none of the ${frames} packets is TCP (most are: ${top[0]}, ${percent(top[1], frames)})`;
  }
  const bytes = stats.payload.bytes;
  const total = bytes.reduce((a, b) => a + b, 0);
  if (total === 0)
    return `no HTTP: ${stats.tcp.flows} TCP connections carried no payload (handshakes and ACKs only)`;
  if (bytes[PayloadClass.HTTP2] > 0 && bytes[PayloadClass.HTTP2] >= bytes[PayloadClass.TLS])
    return `no HTTP/1.x: ${percent(bytes[PayloadClass.HTTP2], total)} of TCP payload is cleartext HTTP/2 (prior-knowledge preface seen), which this sensor does not parse`;
  if (bytes[PayloadClass.TLS] >= total / 2) {
    const on443 = stats.payload.tlsPort443Flows;
    return `no HTTP: ${percent(bytes[PayloadClass.TLS], total)} of TCP payload bytes are TLS${on443 > 0 ? ` (${on443} connections on port 443)` : ''}; capture before TLS termination (behind the load balancer or on the service host)`;
  }
  if (stats.http.orphanResponses > 0)
    return `no HTTP: ${stats.http.orphanResponses} responses were seen but none of their requests (a one-sided capture?)`;
  if (stats.http.requests > 0)
    return `no HTTP: ${stats.http.requests} requests were seen but none could be reported (${Object.keys(stats.dropped).join('; ')})`;
  return `no HTTP: ${stats.tcp.flows} TCP connections carried ${total} payload bytes, none of them HTTP/1.x`;
}
