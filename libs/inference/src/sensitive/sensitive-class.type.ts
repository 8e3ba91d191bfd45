/**
 * Sensitive data classes. The names are a public contract: they appear in the inventory JSON
 * (`sensitive[].class`), in `GET /api/v1/findings` and in CI filters.
 */
export const SENSITIVE_CLASSES = [
  'email',
  'phone',
  'credit_card',
  'ssn',
  'iban',
  'jwt',
  'secret',
  'password',
  'password_hash',
  'otp_secret',
  'ip_address',
  'date_of_birth',
] as const;

export type SensitiveClass = (typeof SENSITIVE_CLASSES)[number];

/** Where in an exchange a value was seen. `name` is a JSON path for bodies, the parameter name otherwise. */
export const SENSITIVE_LOCATIONS = [
  'request.body',
  'request.query',
  'request.header',
  'request.cookie',
  'response.body',
  'response.header',
  'response.cookie',
] as const;

export type SensitiveLocation = (typeof SENSITIVE_LOCATIONS)[number];

/** One class seen under one name in one call. Never holds a raw value: `example` is masked. */
export interface SensitiveObservation {
  location: SensitiveLocation;
  name: string;
  class: SensitiveClass;
  /** Values of this class under this name in this call (an array of 20 emails counts 20). */
  occurrences: number;
  /** The first value, masked by `maskSensitiveValue`. */
  example: string;
}
