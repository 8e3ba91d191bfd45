/**
 * Splits a field name into lowercase words: `passwordResetToken`, `password_reset_token`,
 * `X-Password-Reset-Token` and `PASSWORD_RESET_TOKEN` all give `password reset token`. Digits stay with
 * their word (`2fa`, `ip4`) because names like `2fa_secret` depend on it.
 */
export function fieldNameWords(name: string): string[] {
  const spaced = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
  return spaced.split(/[^a-z0-9]+/).filter((w) => w !== '');
}
