import { type ApiCall, headerValue } from '@apiscope/contracts';

const DEFAULT_PORT = { http: '80', https: '443' } as const;

/** `API.example.com:443` (https) -> `api.example.com`; `[::1]:8080` stays as it is. */
export function normaliseHost(host: string, scheme: 'http' | 'https'): string {
  const lower = host.trim().toLowerCase().replace(/\.$/, '');
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(lower);
  if (!m) return lower;
  const [, name, port] = m;
  return port === undefined || port === DEFAULT_PORT[scheme] ? name : `${name}:${port}`;
}

/**
 * The service a call belongs to: the Host (authority) without its default port, else the
 * destination `ip:port`, else `unknown`. Kafka partitions on this value, so it must be stable.
 */
export function serviceNameOf(call: ApiCall): string {
  const host = call.request.host ?? headerValue(call.request.headers, 'host');
  if (host !== undefined && host.trim() !== '') return normaliseHost(host, call.request.scheme);
  if (call.dst)
    return call.dst.ip.includes(':')
      ? `[${call.dst.ip}]:${call.dst.port}`
      : `${call.dst.ip}:${call.dst.port}`;
  return 'unknown';
}
