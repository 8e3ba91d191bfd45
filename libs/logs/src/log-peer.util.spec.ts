import fc from 'fast-check';

import { parseIp, parsePeer } from './log-peer.util';

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

describe(parseIp.name, () => {
  it.each([
    ['10.0.0.1', '10.0.0.1'],
    ['255.255.255.255', '255.255.255.255'],
    ['0.0.0.0', '0.0.0.0'],
    ['256.1.1.1', undefined],
    ['01.2.3.4', undefined],
    ['1.2.3', undefined],
    ['1.2.3.4.5', undefined],
    ['1..3.4', undefined],
    ['2001:DB8::1', '2001:db8::1'],
    ['[::1]', '::1'],
    ['::ffff:1.2.3.4', '::ffff:102:304'],
    ['10.0.0.1:80', undefined],
    ['example.com', undefined],
    ['', undefined],
  ])('should read %j as %j', (text, ip) => {
    expect(parseIp(text)).toBe(ip);
  });

  it('should agree with the dotted-quad rule on any text made of digits and dots', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9.]{0,17}$/), (text) => {
        expect(parseIp(text) !== undefined).toBe(IPV4.test(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe(parsePeer.name, () => {
  it.each([
    ['192.168.131.39:2817', { ip: '192.168.131.39', port: 2817 }],
    ['[2a02:cf40::4e36]:5000', { ip: '2a02:cf40::4e36', port: 5000 }],
    ['2a02:cf40::4e36', { ip: '2a02:cf40::4e36', port: 0 }],
    ['10.0.0.1', { ip: '10.0.0.1', port: 0 }],
    ['10.0.0.1:70000', undefined],
    ['unix:/run/app.sock', undefined],
    ['-', undefined],
    ['tcp://10.0.2.1:80', undefined],
  ])('should read %j', (text, peer) => {
    expect(parsePeer(text)).toEqual(peer);
  });
});
