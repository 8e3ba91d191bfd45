/**
 * A client address as the read API shows it: enough to tell networks apart (first two IPv4 octets,
 * first two IPv6 groups), not enough to single out a host. Anything else is shown as unknown rather
 * than echoed, since it is sensor input.
 */
export function maskClient(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/i.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.x.x`;
  if (/^[0-9a-f:]+$/i.test(ip) && ip.includes(':')) {
    // a leading `::` elides zero groups: they are the first ones
    const groups = ip.startsWith('::')
      ? ['0', '0']
      : ip
          .split(':')
          .slice(0, 2)
          .map((g) => g || '0');
    return `${groups.join(':')}:x:x:x:x:x:x`;
  }
  return 'unknown';
}
