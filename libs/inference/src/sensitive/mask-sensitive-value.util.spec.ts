import fc from 'fast-check';

import { maskSensitiveValue } from './mask-sensitive-value.util';
import { passwordHashPrefix } from './password-hash.util';
import { SENSITIVE_CLASSES, type SensitiveClass } from './sensitive-class.type';

describe(maskSensitiveValue.name, () => {
  it.each<[SensitiveClass, string | number, string]>([
    ['email', 'jane.doe@example.com', 'j***@e***.com'],
    ['email', 'Jane Doe <jane.doe@mail.example.co.uk>', 'j***@m***.uk'],
    ['phone', '+14155552671', '+1***71'],
    ['phone', '+44 20 7946 0958', '+44***58'],
    ['phone', '(415) 992-9960', '***60'],
    ['phone', 14155552671, '***71'],
    ['credit_card', '4242424242424242', '************4242'],
    ['credit_card', '3782 822463 10005', '***********0005'],
    ['ssn', '078-05-1120', '***-**-****'],
    ['iban', 'DE89 3704 0044 0532 0130 00', 'DE***3000'],
    ['jwt', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln', 'eyJ***'],
    ['secret', 'sk_live_51HcQ9rKZ8vY2aBcDeFgHiJkLmNo', 'sk_l***'],
    ['secret', 'AKIAIOSFODNN7EXAMPLE', 'AKIA***'],
    ['secret', 'a1b2c3d4e5', 'a1***'],
    [
      'secret',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----',
      '-----BEGIN RSA PRIVATE KEY-----***',
    ],
    ['secret', 'postgres://app:pw@db/app', 'postgres://***'],
    ['password', 'hunter2', '********'],
    ['password_hash', '$2y$10$lk2.DKNZRLqXnYfaLh3/CefqI/6ZsgSx0dPzH/9hDPuH4qXkvPzBu', '$2y$***'],
    [
      'password_hash',
      '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG',
      '$argon2id$***',
    ],
    [
      'password_hash',
      'pbkdf2_sha256$600000$Ys1n3wXbC9zNpQ7r$L62G2+i6xuH1ZMo+wTcDJAojYW9ZAKFghyEKWiYJDI8=',
      'pbkdf2_sha256$***',
    ],
    ['password_hash', '5ebe2294ecd0e0f08eab7690d2a6ee69', 'md5:***'],
    ['password_hash', 'w/gopULZbfyhVRXWh/jsiILJzEq/eQ28xzB7eF4ibsK86ccl', 'base64:***'],
    ['otp_secret', 'JBSWY3DPEHPK3PXP', 'J***'],
    ['otp_secret', 'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP', 'otpauth://***'],
    ['ip_address', '203.0.113.42', '203.*.*.*'],
    ['ip_address', '2001:db8::1', '2001:***'],
    ['date_of_birth', '1990-07-04', '****-**-**'],
    ['date_of_birth', 'March 14, 1979', '***** **, ****'],
  ])('should mask a %s as an example that hides the value', (cls, raw, masked) => {
    expect(maskSensitiveValue(cls, raw)).toBe(masked);
  });

  it('should mask values too short to be partly shown entirely', () => {
    for (const cls of SENSITIVE_CLASSES) expect(maskSensitiveValue(cls, 'ab')).toBe('***');
  });

  it('should never show 8 consecutive characters of a value, whatever the class and value', () => {
    const raw = fc.oneof(
      fc.string({ minLength: 8, maxLength: 80 }),
      fc.emailAddress(),
      fc.stringMatching(/^\+?[0-9 ()-]{8,20}$/),
      fc.stringMatching(/^[A-Za-z0-9_$./+=-]{8,80}$/),
    );
    fc.assert(
      fc.property(fc.constantFrom(...SENSITIVE_CLASSES), raw, (cls, value) => {
        const trimmed = value.trim();
        // A hash's algorithm prefix (`pbkdf2_sha256$`) is shown on purpose: it is not the secret part.
        const prefix = cls === 'password_hash' ? (passwordHashPrefix(trimmed) ?? '') : '';
        const shown = maskSensitiveValue(cls, value).slice(prefix.length);
        for (let i = 0; i + 8 <= trimmed.length; i += 1) {
          const run = trimmed.slice(i, i + 8);
          // Runs of separators (`--/--.`) carry nothing; a run with letters or digits would.
          if ((run.match(/[A-Za-z0-9]/g) ?? []).length >= 4 && shown.includes(run)) return false;
        }
        return true;
      }),
      { numRuns: 3000, seed: 20240205 },
    );
  });
});
