import { type NetworkPeer } from '@apiscope/contracts';

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** WHATWG URL validates IPv6 without `node:net` (banned in util libs) and gives the RFC 5952 form. */
function canonicalIpv6(candidate: string): string | undefined {
  if (!/^[0-9A-Fa-f:.]+$/.test(candidate) || !candidate.includes(':')) return undefined;
  try {
    return new URL(`http://[${candidate}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
}

/**
 * The server side of the exchange from HAR's `serverIPAddress` ("1.2.3.4", "[::1]", "" or absent)
 * and the port the URL implies. No `src`: a HAR file does not record the client's address.
 */
export function serverPeer(serverIPAddress: unknown, port: number): NetworkPeer | undefined {
  if (typeof serverIPAddress !== 'string') return undefined;
  const raw = serverIPAddress.trim();
  const bare = raw.startsWith('[') && raw.endsWith(']') ? raw.slice(1, -1) : raw;
  if (IPV4.test(bare)) return { ip: bare, port };
  const ipv6 = canonicalIpv6(bare);
  return ipv6 === undefined ? undefined : { ip: ipv6, port };
}
