import { type NetworkPeer } from '@apiscope/contracts';

/** Dotted-quad IPv4 (no leading zeros, each part 0-255), scanned by hand: it runs on every line. */
function isIpv4(text: string): boolean {
  let parts = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i === text.length ? 0x2e : text.charCodeAt(i);
    if (c === 0x2e) {
      if (digits === 0 || value > 255 || ++parts > 4) return false;
      value = 0;
      digits = 0;
    } else if (c >= 0x30 && c <= 0x39) {
      if (digits > 0 && value === 0) return false;
      value = value * 10 + (c - 0x30);
      if (++digits > 3) return false;
    } else return false;
  }
  return parts === 4;
}

/**
 * Port 0 stands for "not logged": most access logs keep the client address without its port, and
 * the contract requires one. No TCP peer uses port 0, so it cannot be mistaken for a real port.
 */
export const PORT_NOT_LOGGED = 0;

/** The address in RFC 5952 form when `text` is an IPv4 or IPv6 address (brackets allowed), else undefined. */
export function parseIp(text: string): string | undefined {
  if (isIpv4(text)) return text;
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  // WHATWG URL validates IPv6 without `node:net` (banned in util libs) and canonicalises it; it is
  // slow when it throws, so only text that can be IPv6 (two colons at least) gets there
  const colon = bare.indexOf(':');
  if (
    bare.length > 45 ||
    colon === -1 ||
    bare.indexOf(':', colon + 1) === -1 ||
    !/^[0-9A-Fa-f:.]+$/.test(bare)
  ) {
    return undefined;
  }
  try {
    return new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
}

/** A logged address: `1.2.3.4`, `1.2.3.4:80`, `[::1]:80`, `::1`; undefined for `-`, `unix:`, names. */
export function parsePeer(text: string | undefined): NetworkPeer | undefined {
  if (text === undefined || text === '' || text === '-') return undefined;
  const colon = text.lastIndexOf(':');
  // `1.2.3.4:80` (one colon) is the common case: no whole-text IPv6 attempt for it
  const whole =
    colon !== -1 && text.indexOf(':') === colon && !text.startsWith('[') ? undefined : parseIp(text);
  if (whole !== undefined) return { ip: whole, port: PORT_NOT_LOGGED };
  if (colon <= 0) return undefined;
  const portText = text.slice(colon + 1);
  if (!/^\d{1,5}$/.test(portText)) return undefined;
  const port = Number(portText);
  const ip = port <= 65535 ? parseIp(text.slice(0, colon)) : undefined;
  return ip === undefined ? undefined : { ip, port };
}
