import { redactCredentials } from './redact-credentials.util';

describe(redactCredentials.name, () => {
  it.each([
    ['["authorization","Bearer eyJhbGciOi.J9.x"]', '["authorization","***"]'],
    ['["Cookie","sid=s3cr3t; theme=dark"]', '["Cookie","***"]'],
    ['["x-api-key", "k-123456"]', '["x-api-key", "***"]'],
    ['{"authorization":"Basic dTpw"}', '{"authorization":"***"}'],
    ['["set-cookie","a=\\"quoted\\"; HttpOnly"]', '["set-cookie","***"]'],
    // cut off mid-value by the 1 KiB excerpt bound
    ['["authorization","Bearer eyJhbGciOiJIUzI1Ni', '["authorization","***'],
    ['reason text with Bearer abcdef123456 inside', 'reason text with Bearer *** inside'],
  ])('should mask %s', (input, expected) => {
    expect(redactCredentials(input)).toBe(expected);
  });

  it('should leave other headers and values alone', () => {
    const text = '["host","api.example.com"],["accept","application/json"],["x-request-id","abc"]';
    expect(redactCredentials(text)).toBe(text);
  });
});
