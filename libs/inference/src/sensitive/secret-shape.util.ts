/**
 * Credentials recognisable by their shape alone (issuers prefix them so that scanners can find them).
 * Publishable keys (`pk_live_`), identifiers (`AROA`, `ACxxxx` account SIDs) and public keys are absent
 * on purpose.
 */
const SHAPES: readonly RegExp[] = [
  /^(?:AKIA|ASIA)[A-Z0-9]{16}$/, // AWS access key id
  /^(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{10,}$/, // Stripe secret / restricted key
  /^whsec_[0-9A-Za-z+/=]{20,}$/, // Stripe webhook signing secret
  /^gh[pousr]_[0-9A-Za-z]{36,255}$/, // GitHub tokens
  /^github_pat_[0-9A-Za-z_]{22,255}$/, // GitHub fine-grained PAT
  /^xox[abpors]-[0-9A-Za-z-]{10,}$/, // Slack tokens
  /^xapp-\d-[0-9A-Z]+-\d+-[0-9a-z]+$/, // Slack app-level token
  /^https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[0-9A-Za-z/_-]{20,}$/, // Slack webhook
  /^AIza[0-9A-Za-z_-]{35}$/, // Google API key
  /^GOCSPX-[0-9A-Za-z_-]{28}$/, // Google OAuth client secret
  /^ya29\.[0-9A-Za-z_-]{20,}$/, // Google OAuth access token
  /^1\/\/0[0-9A-Za-z_-]{20,}$/, // Google OAuth refresh token
  /^SG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43}$/, // SendGrid
  /^npm_[0-9A-Za-z]{36}$/, // npm
  /^glpat-[0-9A-Za-z_-]{20,}$/, // GitLab PAT
  /^shp(?:at|ss|ca|pa)_[0-9a-fA-F]{32}$/, // Shopify
  /^sk-(?:proj-|ant-[a-z0-9]+-)?[0-9A-Za-z_-]{32,}$/, // OpenAI / Anthropic
  /^key-[0-9a-f]{32}$/, // Mailgun
  /^[0-9a-f]{32}-us\d{1,2}$/, // Mailchimp
  /^sq0(?:atp|csp)-[0-9A-Za-z_-]{22,}$/, // Square
  /^dop_v1_[0-9a-f]{64}$/, // DigitalOcean
  /^hvs\.[0-9A-Za-z_-]{24,}$/, // HashiCorp Vault
  /^\d{8,10}:AA[0-9A-Za-z_-]{33}$/, // Telegram bot
  /(?:^|;)\s*AccountKey=[0-9A-Za-z+/=]{40,}/, // Azure storage connection string
  /^aps_[0-9a-f]{12}_[0-9A-Za-z_-]{43}$/, // apiscope's own API keys (seen when it watches itself)
];

// Cheap gate in front of the list: the prefixes the shapes start with (most values match none).
const SHAPE_PREFIX =
  /^(?:AKIA|ASIA|[sr]k_|whsec_|gh[pousr]_|github_pat_|xox|xapp-|https:\/\/hooks\.slack\.com\/|AIza|GOCSPX-|ya29\.|1\/\/0|SG\.|npm_|glpat-|shp|sk-|key-|[0-9a-f]{32}-us|sq0|dop_v1_|hvs\.|\d{8,10}:AA|aps_)/;

const PRIVATE_KEY_PEM = /^-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;

/** A PEM private key (PKCS#1, PKCS#8, EC, DSA, OpenSSH, encrypted, PGP); public keys and certs are not. */
export function isPrivateKeyPem(value: string): boolean {
  return value.startsWith('-----BEGIN ') && PRIVATE_KEY_PEM.test(value);
}

export function hasKnownSecretShape(value: string): boolean {
  if (value.length < 16 || value.length > 1024) return false;
  if (!SHAPE_PREFIX.test(value) && !value.includes('AccountKey=')) return false;
  return SHAPES.some((shape) => shape.test(value));
}

const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:([^\s/@]+)@[^\s/@]/i;

/** A URL carrying a password in its user-info part (`postgres://app:pw@db/app`). */
export function urlHasPassword(value: string): boolean {
  const m = URL_WITH_PASSWORD.exec(value);
  return m !== null && !/^(?:\*+|x+|<[^>]*>|\{\{[^}]*\}\}|password)$/i.test(m[1]);
}
