import { type ApiCall } from '@apiscope/contracts';

import { normaliseHost, serviceNameOf } from './service-name.util';

const call = (request: Partial<ApiCall['request']>, dst?: ApiCall['dst']): ApiCall => ({
  v: 1,
  id: 'x',
  ts: 0,
  sensor: { id: 's', kind: 'pcap' },
  ...(dst && { dst }),
  request: { method: 'GET', scheme: 'http', target: '/', path: '/', query: [], headers: [], ...request },
});

describe(serviceNameOf.name, () => {
  it.each([
    ['the host field without the default port', call({ host: 'API.Example.com:80' }), 'api.example.com'],
    ['a non-default port', call({ host: 'api.example.com:8080' }), 'api.example.com:8080'],
    ['https default port', call({ host: 'api.example.com:443', scheme: 'https' }), 'api.example.com'],
    ['443 on plain http', call({ host: 'api.example.com:443' }), 'api.example.com:443'],
    ['the Host header when host is absent', call({ headers: [['Host', 'shop.test']] }), 'shop.test'],
    ['the destination when there is no host', call({}, { ip: '10.0.1.9', port: 8080 }), '10.0.1.9:8080'],
    ['an IPv6 destination', call({}, { ip: '::1', port: 80 }), '[::1]:80'],
    ['unknown when nothing says', call({}), 'unknown'],
    ['a blank host as absent', call({ host: '  ' }, { ip: '10.0.0.1', port: 81 }), '10.0.0.1:81'],
  ])('should use %s', (_name, input, expected) => {
    expect(serviceNameOf(input)).toBe(expected);
  });
});

describe(normaliseHost.name, () => {
  it('should keep bracketed IPv6 hosts with their port', () => {
    expect(normaliseHost('[::1]:8080', 'http')).toBe('[::1]:8080');
    expect(normaliseHost('[::1]:80', 'http')).toBe('[::1]');
    expect(normaliseHost('example.com.', 'http')).toBe('example.com');
  });
});
