/**
 * Password hash formats, each with the part of the value that names the algorithm (kept in masked
 * examples; salt and digest never are).
 */
const FORMATS: ReadonlyArray<{ shape: RegExp; prefix: RegExp }> = [
  // bcrypt ($2a$, $2b$, $2y$...) with a 22-char salt and 31-char digest
  { shape: /^\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}$/, prefix: /^\$2[abxy]?\$/ },
  // argon2i/d/id in PHC string format
  {
    shape: /^\$argon2(?:id|i|d)\$(?:v=\d+\$)?m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/,
    prefix: /^\$argon2(?:id|i|d)\$/,
  },
  // scrypt: PHC, libsodium ($7$) and yescrypt ($y$)
  { shape: /^\$(?:scrypt\$|7\$|y\$)[./A-Za-z0-9$=,+-]{20,}$/, prefix: /^\$(?:scrypt|7|y)\$/ },
  // SHA-crypt ($5$ SHA-256, $6$ SHA-512), optional rounds
  { shape: /^\$[56]\$(?:rounds=\d+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}$/, prefix: /^\$[56]\$/ },
  // MD5-crypt and Apache's apr1
  { shape: /^\$(?:1|apr1)\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}$/, prefix: /^\$(?:1|apr1)\$/ },
  // phpass (WordPress $P$, phpBB $H$) and Drupal 7 ($S$)
  { shape: /^\$[PHS]\$[./A-Za-z0-9]{31,52}$/, prefix: /^\$[PHS]\$/ },
  // Django: algorithm$iterations$salt$hash, argon2$..., bcrypt$$2b$...
  {
    shape:
      /^(?:pbkdf2_sha(?:1|256)\$\d+\$[^$\s]+\$[A-Za-z0-9+/]+=*|argon2\$argon2(?:id|i|d)\$\S+|bcrypt(?:_sha256)?\$\$2[abxy]\$\S+|scrypt\$\S+\$\S+)$/,
    prefix: /^(?:pbkdf2_sha(?:1|256)|argon2|bcrypt(?:_sha256)?|scrypt)\$/,
  },
  // Werkzeug: pbkdf2:sha256:600000$salt$hex, scrypt:32768:8:1$salt$hex
  {
    shape: /^(?:pbkdf2:sha(?:1|256|512)(?::\d+)?|scrypt:\d+:\d+:\d+)\$[^$\s]+\$[0-9a-f]{32,}$/,
    prefix: /^[a-z0-9]+:/,
  },
  // LDAP userPassword schemes
  {
    shape: /^\{(?:SSHA|SHA|SSHA256|SSHA512|SHA256|SHA512|MD5|SMD5|CRYPT|PBKDF2[^}]*)\}[A-Za-z0-9+/=.$]{8,}$/i,
    prefix: /^\{[^}]+\}/,
  },
];

/** The algorithm prefix of a password hash (`$2b$`, `$argon2id$`, `pbkdf2_sha256$`), or null. */
export function passwordHashPrefix(value: string): string | null {
  if (value.length < 20 || value.length > 512) return null;
  for (const format of FORMATS) if (format.shape.test(value)) return format.prefix.exec(value)?.[0] ?? null;
  return null;
}

const HEX_DIGEST = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/i;
const BASE64_DIGEST = /^[A-Za-z0-9+/]{20,}={0,2}$/;

/** An unlabelled digest (hex of a SHA/MD5 length, or base64): a hash only under a hash-like name. */
export function isDigestLike(value: string): boolean {
  return HEX_DIGEST.test(value) || (value.length <= 256 && BASE64_DIGEST.test(value));
}

/** `md5`, `sha1`... from the length of a hex digest, for masked examples. */
export function hexDigestName(value: string): string {
  if (!/^[0-9a-f]+$/i.test(value)) return 'base64';
  const names: Record<number, string> = {
    32: 'md5',
    40: 'sha1',
    56: 'sha224',
    64: 'sha256',
    96: 'sha384',
    128: 'sha512',
  };
  return names[value.length] ?? 'hex';
}
