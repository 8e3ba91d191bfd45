import { type SensitiveClass } from '@apiscope/inference';

/** Credentials and the material that stands in for them. */
export const CREDENTIAL_CLASSES: ReadonlySet<SensitiveClass> = new Set([
  'password',
  'password_hash',
  'otp_secret',
  'secret',
  'jwt',
]);

/** Data that regulations (PCI DSS, US privacy law) single out. */
export const REGULATED_CLASSES: ReadonlySet<SensitiveClass> = new Set(['credit_card', 'ssn', 'iban']);

/** Tokens whose only purpose is to prove control of an account: whoever holds one takes it over. */
export const TAKEOVER_TOKEN_NAME =
  /reset|recover|verif|confirm|invit|magic|unlock|remember|backup|activation|one.?time|2fa|mfa|otp|device.?code/i;

/** Below this many calls, "no rate limit ever observed" says too little to be a finding. */
export const MIN_CALLS_FOR_RATE_LIMIT_FINDING = 20;

/** Distinct sensitive classes in one response from which it is excessive exposure. */
export const EXCESSIVE_CLASSES_PER_RESPONSE = 3;
