import { generateApiKey, hashApiKeySecret, parseApiKey, verifyApiKeySecret } from './api-key-secret.util';

describe('api key secrets', () => {
  it('should generate keys that parse back into their id and secret', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const k = generateApiKey();
      expect(k.key).toMatch(/^aps_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
      expect(parseApiKey(k.key)).toEqual({ id: k.id, secret: k.secret });
      seen.add(k.id);
    }
    expect(seen.size).toBe(50);
  });

  it.each([
    '',
    'aps_',
    'aps_3f9a1c2b7d4e',
    'aps_3F9A1C2B7D4E_0s5yLSmgj7nVP9GeYqRqz06sn4xGVV2y2pjtYjzPRuY',
    'aps_3f9a1c2b7d4e_0s5yLSmgj7nVP9GeYqRqz06sn4xGVV2y2pjtYjzPRu',
    'aps_3f9a1c2b7d4e_0s5yLSmgj7nVP9GeYqRqz06sn4xGVV2y2pjtYjzPRuY ',
    "aps_3f9a1c2b7d4e_' OR 1=1 --xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    'Bearer aps_3f9a1c2b7d4e_0s5yLSmgj7nVP9GeYqRqz06sn4xGVV2y2pjtYjzPRuY',
  ])('should not parse %j', (token) => {
    expect(parseApiKey(token)).toBeUndefined();
  });

  it('should store a salted hash that verifies the secret and nothing else', async () => {
    const { secret } = generateApiKey();
    const [a, b] = [await hashApiKeySecret(secret), await hashApiKeySecret(secret)];
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b); // salted
    expect(a).not.toContain(secret);
    await expect(verifyApiKeySecret(secret, a)).resolves.toBe(true);
    await expect(verifyApiKeySecret(secret, b)).resolves.toBe(true);
    await expect(verifyApiKeySecret(`${secret.slice(0, -1)}A`, a)).resolves.toBe(secret.endsWith('A'));
  });

  it.each([
    ['not scrypt', 'bcrypt$x'],
    ['too few parts', 'scrypt$16384$8$1$salt'],
    ['absurd cost', 'scrypt$1073741824$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g'],
    ['cost not a power of two', 'scrypt$1000$8$1$c2FsdHNhbHRzYWx0$aGFzaA'],
    ['short hash', 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0$aGFzaA'],
  ])('should refuse a stored value with %s without throwing', async (_name, stored) => {
    await expect(verifyApiKeySecret('secret', stored)).resolves.toBe(false);
  });
});
