/**
 * The sensitive data classes of the inventory contract (`sensitive[].class`), offered by the
 * catalog's data class filter. A class the API reports that is not listed here still shows as a badge.
 */
export const DATA_CLASSES = [
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
