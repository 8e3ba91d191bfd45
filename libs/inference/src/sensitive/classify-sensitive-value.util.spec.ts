import { classifySensitiveValue } from './classify-sensitive-value.util';
import { type SensitiveClass } from './sensitive-class.type';

type Row = [value: unknown, name: string | null, expected: SensitiveClass | null, parent?: string];

const classify = (value: unknown, name: string | null, parent?: string) =>
  classifySensitiveValue(value, { name, parent: parent ?? null });

describe(classifySensitiveValue.name, () => {
  describe('email', () => {
    it.each<Row>([
      ['jennyrosen@example.com', 'email', 'email'],
      ['octocat@github.com', null, 'email'],
      ['node-team-npm+wombot@google.com', 'email', 'email'],
      ['21031067+Codertocat@users.noreply.github.com', 'author', 'email'],
      ['Jane Doe <jane.doe@example.co.uk>', 'from', 'email'],
      ['mailto:support@example.com', 'contact', 'email'],
      ['j***@e***.com', 'email', null],
      ['git@github.com:octocat/Hello-World.git', 'ssh_url', null],
      ['rabbit@BLN01SM0001', 'node', null],
      ['/var/log/rabbitmq/rabbit@BLN01SM0001.log', 'log_file', null],
      ['logo@2x.png', 'icon', null],
      ['lodash@4.17.21', '_id', null],
      ['true', 'email', null],
      [true, 'email_verified', null],
    ])('should classify %p under %p as %p', (...[value, name, expected, parent]: Row) => {
      expect(classify(value, name, parent)).toBe(expected);
    });
  });

  describe('phone', () => {
    it.each<Row>([
      ['+14155552671', null, 'phone'],
      ['+15558675310', 'to', 'phone'], // a 555 docs number: possible, not "valid"
      ['+44 20 7946 0958', null, 'phone'],
      ['+33 1 42 68 53 00', 'home_tel', 'phone'],
      ['(415) 992-9960', 'national_format', 'phone'],
      ['07700 900123', 'mobile', 'phone'],
      ['555-555-5555', 'phone', 'phone'],
      ['512-555-0142', 'phone_number', 'phone'],
      ['+199999999999999', 'phone_number', 'phone'],
      ['4089027463', 'national_number', 'phone', 'phone_number'],
      [14155552671, 'phone', 'phone'],
      ['4155552671', null, null], // a bare digit run is an id until a name says otherwise
      ['5125550142', 'reference', null],
      [15551234567, 'quantity', null],
      ['+1299', 'price', null],
      ['+05:30', 'tz', null],
      ['mobile', 'phone_type', null],
      ['0000000', 'phone', null],
      [false, 'phone_verified', null],
    ])('should classify %p under %p as %p', (...[value, name, expected, parent]: Row) => {
      expect(classify(value, name, parent)).toBe(expected);
    });
  });

  describe('credit_card', () => {
    it.each<Row>([
      ['4242424242424242', null, 'credit_card'],
      ['4111 1111 1111 1111', 'card_number', 'credit_card'],
      ['5555-5555-5555-4444', 'pan', 'credit_card'],
      ['378282246310005', null, 'credit_card'],
      ['6011111111111117', 'cc', 'credit_card'],
      ['4242424242424242', 'number', 'credit_card', 'card'],
      [4242424242424242, 'card_number', 'credit_card'],
      ['4532015112830367', 'card_number', null], // fails Luhn
      ['4111111111111112', null, null],
      ['1234567812345678', null, null], // no network issues it
      ['4532015112830366', 'order_id', null], // Luhn-valid, but an id
      ['356938035643809', 'imei', null],
      ['4242', 'last4', null],
      ['************4242', 'masked_pan', null],
      [4242424242424242, 'invoice_no', null],
    ])('should classify %p under %p as %p', (...[value, name, expected, parent]: Row) => {
      expect(classify(value, name, parent)).toBe(expected);
    });
  });

  describe('ssn and iban', () => {
    it.each<Row>([
      ['078-05-1120', 'ssn', 'ssn'],
      ['219-09-9999', null, 'ssn'],
      ['123456789', 'social_security_number', 'ssn'],
      ['123456789', 'routing', null],
      ['666-12-3456', 'ssn', null], // never issued
      ['912-34-5678', 'ssn', null], // ITIN range
      ['123-45-6789', 'sku', null],
      ['6789', 'ssn_last4', null],
      ['DE89370400440532013000', null, 'iban'],
      ['DE89 3704 0044 0532 0130 00', 'iban', 'iban'],
      ['GB82WEST12345698765432', 'account', 'iban'],
      ['FR1420041010050500013M02606', null, 'iban'],
      ['DE89370400440532013001', 'iban', null], // bad check digits
      ['RF18539007547034', 'bank_reference', null],
    ])('should classify %p under %p as %p', (...[value, name, expected, parent]: Row) => {
      expect(classify(value, name, parent)).toBe(expected);
    });
  });

  describe('jwt and secrets', () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.8CL9_wokLtKnW7AsokgVvudKE4k90a9A-mzFa_Ob_OM';
    it.each<Row>([
      [jwt, 'id_token', 'jwt'],
      [jwt, null, 'jwt'],
      [`Bearer ${jwt}`, 'authorization', 'jwt'],
      ['eyJyZXR1cm5UbyI6Ii9kYXNoYm9hcmQifQ', 'state', null], // base64 JSON, one segment
      ['eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln', 'token', 'secret'], // claims are not JSON: not a JWT
      ['AKIAIOSFODNN7EXAMPLE', 'AccessKeyId', 'secret'],
      ['sk_live_51HcQ9rKZ8vY2aBcDeFgHiJkLmNoPqRsTuVwXyZ', 'value', 'secret'],
      ['pk_live_51HcQ9rKZ8vY2aBcDeFgHiJkLmNoPqRsTuVwXyZ', 'stripe_publishable_key', null],
      ['ghp_R2d2C3poX9kLmN0pQrStUvWxYz1234567890', 'note', 'secret'],
      ['aps_3f9c1e7a5b2d_q9Zt4uWv8xYa1bCd2eFg3hIj4kLm5nOp6qRs7tUv8wX', 'key', 'secret'], // apiscope's own
      ['aps_3f9c1e7a5b2d_', 'keyPrefix', null], // the public lookup prefix of one
      ['xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy', null, 'secret'],
      ['https://hooks.slack.com/services/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', 'url', 'secret'],
      [
        '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----',
        null,
        'secret',
      ],
      ['-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYI\n-----END PUBLIC KEY-----', 'private_key', null],
      ['postgres://app:Xy7%21pq9Lm2@db.internal:5432/app', 'database_url', 'secret'],
      ['https://app.example.com/reset?token=5f0c2a9e8b7d4c1f3e6a9b2d5c8f1e4a', 'link', 'secret'],
      ['7d0f5e3c9a1b4f6e8d2c0a9b7e5f3d1c', 'password_reset_token', 'secret'],
      ['a3f9c1e7-5b2d-4e8f-9a6c-0d1e2f3a4b5c', 'email_verification_token', 'secret'],
      ['c9f1e4a7b0d3c6f9e2a5b8d1c4f7e0a3', 'client_secret', 'secret'],
      ['a1b2-c3d4-e5f6', 'recovery_codes', 'secret'],
      ['1gsho83nt3bkmykh5aynw6kzgy', 'token', 'secret'],
      ['f47ac10b-58cc-4372-a567-0e02b2c3d479', 'request_id', null],
      ['kT9c2Lm4Qw8Zr1Xv6Bn3Hy5Jp0Ds7Fg', 'csrf_token', null],
      ['kT9c2Lm4Qw8Zr1Xv6Bn3Hy5Jp0Ds7Fg', 'X-CSRFToken', null],
      ['CfDJ8Nrc3mqXyZ1Kq9vT2xR7mWp4sLz8nYc3bHf6jDg1aEu5', '__RequestVerificationToken', null],
      ['nWq5bE1PZt2Jx6vQ3mK8yR0sL4dF7gH9', 'authenticity_token', null],
      ['arn:aws:secretsmanager:us-east-1:123456789012:secret:MySecret-a1b2c3', 'secret_arn', null],
      ['CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA0NjAxNBIAGgAiAA', 'next_page_token', null],
      ['bearer', 'token_type', null],
      ['<YOUR_API_KEY>', 'api_key', null],
      ['REDACTED', 'access_token', null],
      ['sk_live_****', 'api_key', null],
      ['no-match', 'x-slack-shared-secret-outcome', null],
      ['6dcb09b5b57875f334f61aebed695e2e4193db5e', 'sha', null],
    ])('should classify %p under %p as %p', (...[value, name, expected, parent]: Row) => {
      expect(classify(value, name, parent)).toBe(expected);
    });
  });

  describe('passwords, hashes and 2FA seeds', () => {
    it.each<Row>([
      ['hunter2', 'password', 'password'],
      ['Tr0ub4dor&3', 'new_password_confirmation', 'password'],
      ['tototo', 'passwd', 'password'],
      ['********', 'password', null],
      ['2024-02-11T08:00:00Z', 'password_changed_at', null],
      ['strong', 'password_strength', null],
      ['$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW', 'password', 'password_hash'],
      ['$2y$10$lk2.DKNZRLqXnYfaLh3/CefqI/6ZsgSx0dPzH/9hDPuH4qXkvPzBu', null, 'password_hash'],
      [
        '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQxMjM0$RdescudvJCsgt3ub+b+dWRWJTmaaJObGsoFkeUuJrr0',
        'pw',
        'password_hash',
      ],
      [
        '$6$Xk3vQ9pL2mN8$nvg4L8hZVZc6HxnFjA3DJD6bi.L0fPYL2nFkZIZjcR6AprrT9Wug3IPYOpyVpXGlMK3rWpJQr6/DuiRU8fOna0',
        null,
        'password_hash',
      ],
      [
        'pbkdf2_sha256$600000$Ys1n3wXbC9zNpQ7r$L62G2+i6xuH1ZMo+wTcDJAojYW9ZAKFghyEKWiYJDI8=',
        null,
        'password_hash',
      ],
      ['{SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=', 'userPassword', 'password_hash'],
      ['5ebe2294ecd0e0f08eab7690d2a6ee69', 'password_hash', 'password_hash'],
      ['5ebe2294ecd0e0f08eab7690d2a6ee69', 'checksum_md5', null],
      ['sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'image_digest', null],
      ['JBSWY3DPEHPK3PXP', 'otp_secret', 'otp_secret'],
      ['jbsw y3dp ehpk 3pxp', 'mfa_secret', 'otp_secret'],
      ['NRQWY5DBNVSXIZLNN5ZGKZLMNFZWK3TT', '2fa_secret', 'otp_secret'],
      ['MIVXANJLACOXUVKDEDP7TU7TIW3UV5YL', 'secret', 'otp_secret', 'totp'],
      ['MIVXANJLACOXUVKDEDP7TU7TIW3UV5YL', 'secret', 'otp_secret'],
      [
        'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example',
        'uri',
        'otp_secret',
      ],
      ['123456', 'otp', null],
      [true, 'two_factor_enabled', null],
      ['ABCDEFGHIJKLMNOP', 'reference', null],
    ])('should classify %p under %p as %p', (...[value, name, expected, parent]: Row) => {
      expect(classify(value, name, parent)).toBe(expected);
    });
  });

  describe('ip_address and date_of_birth', () => {
    it.each<Row>([
      ['203.0.113.42', 'last_login_ip', 'ip_address'],
      ['2001:db8:85a3::8a2e:370:7334', null, 'ip_address'],
      ['10.244.1.5', 'podIP', 'ip_address'],
      ['1.2.3.4', 'version', null],
      ['10.0.0.1', 'app_version', null],
      ['3.3.5.3', 'lower', null],
      ['0.0.0.0', 'listen', null],
      ['::', 'listen_v6', null],
      ['10.0.0.0/16', 'cidr_block', null],
      ['192.168.*.*', 'allowed', null],
      ['12:30:45', 'time', null],
      ['1990-07-04', 'birthday', 'date_of_birth'],
      ['1984-02-29', 'date_of_birth', 'date_of_birth'],
      ['04/17/1988', 'birthDate', 'date_of_birth'],
      ['1990-07-04T00:00:00.000Z', 'dob', 'date_of_birth'],
      ['March 14, 1979', 'born_on', 'date_of_birth'],
      ['03/14', 'BIRTHDAY', 'date_of_birth'],
      ['1987-06-15', 'start_date', null],
      [1990, 'birth_year', null],
      [true, 'birthday_reminders', null],
      ['Berlin', 'place_of_birth', null],
    ])('should classify %p under %p as %p', (...[value, name, expected, parent]: Row) => {
      expect(classify(value, name, parent)).toBe(expected);
    });
  });

  it('should never classify booleans, nulls, objects or empty strings', () => {
    for (const value of [true, false, null, undefined, {}, [], '', '  '])
      for (const name of ['password', 'email', 'ssn', 'token', 'card_number'])
        expect(classify(value, name)).toBeNull();
  });

  it('should skip values longer than a document field unless they are a PEM private key', () => {
    const long = `sk_live_${'a'.repeat(9000)}`;
    expect(classify(long, 'api_key')).toBeNull();
    const pem = `-----BEGIN RSA PRIVATE KEY-----\n${'QUJD'.repeat(2500)}\n-----END RSA PRIVATE KEY-----`;
    expect(classify(pem, 'key')).toBe('secret');
  });
});
