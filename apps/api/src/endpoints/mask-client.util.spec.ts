import { maskClient } from './mask-client.util';

describe(maskClient.name, () => {
  it.each([
    ['10.1.2.3', '10.1.x.x'],
    ['192.168.100.254', '192.168.x.x'],
    ['::ffff:172.16.5.4', '172.16.x.x'],
    ['2001:db8:85a3::8a2e:370:7334', '2001:db8:x:x:x:x:x:x'],
    ['fe80::1', 'fe80:0:x:x:x:x:x:x'],
    ['::1', '0:0:x:x:x:x:x:x'],
    ['', 'unknown'],
    ['not-an-ip', 'unknown'],
  ])('should mask %j as %j', (ip, masked) => {
    expect(maskClient(ip)).toBe(masked);
  });
});
