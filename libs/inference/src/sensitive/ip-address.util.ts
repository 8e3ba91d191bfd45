import isIP from 'validator/lib/isIP';

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV6 = /^[0-9A-Fa-f:.]+$/;

/**
 * An IPv4 or IPv6 host address. CIDR ranges, wildcards and the unspecified addresses (`0.0.0.0`,
 * `::`, which name no host) are not.
 */
export function isIpAddress(value: string): boolean {
  if (value.length < 3 || value.length > 45) return false;
  if (IPV4.test(value)) return value !== '0.0.0.0' && isIP(value, 4);
  if (!value.includes(':') || !IPV6.test(value)) return false;
  let colons = 0;
  for (let i = 0; i < value.length; i += 1) if (value[i] === ':') colons += 1;
  return colons >= 2 && !/^[0:]+$/.test(value) && isIP(value, 6);
}
