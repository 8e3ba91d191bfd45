import { clientBucket } from './client-address.util';

describe(clientBucket.name, () => {
  it.each([
    ['10.0.0.5', '10.0.0.5'],
    ['::ffff:10.0.0.5', '10.0.0.5'],
    ['::1', '0:0:0:0::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:db8:0:0:ffff::2', '2001:db8:0:0::/64'],
    ['2001:0db8:0000:0001:0000:0000:0000:0001', '2001:db8:0:1::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    [undefined, 'unknown'],
    ['', 'unknown'],
  ])('should put %s in bucket %s', (address, bucket) => {
    expect(clientBucket(address)).toBe(bucket);
  });

  it('should put two addresses of one /64 together and of two /64s apart', () => {
    expect(clientBucket('2001:db8:1:2::a')).toBe(clientBucket('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(clientBucket('2001:db8:1:2::a')).not.toBe(clientBucket('2001:db8:1:3::a'));
  });
});
