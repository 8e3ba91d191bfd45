// RFC 5322 allows `/` in the local part; no mailbox uses it and paths (`/var/log/rabbit@host.log`) do.
const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.([A-Za-z]{2,24})$/;

// `logo@2x.png` and friends: asset names with a density suffix look like addresses.
const FILE_EXTENSIONS = new Set(
  `png jpg jpeg gif svg webp avif ico bmp tif tiff js mjs css json html htm txt pdf zip gz tgz mov
   mp4 mp3 woff woff2 ttf log`.split(/\s+/),
);

/** The address inside `Name <address>` or `mailto:address`, else the value itself. */
export function bareEmailAddress(value: string): string {
  const angle = /<([^<>\s]+)>$/.exec(value);
  if (angle !== null) return angle[1];
  return value.toLowerCase().startsWith('mailto:') ? value.slice(7) : value;
}

/** An email address, also as `Display Name <address>` or `mailto:address`; masked forms are not. */
export function isEmailAddress(value: string): boolean {
  if (value.length < 6 || value.length > 320 || value.indexOf('@') !== value.lastIndexOf('@')) return false;
  const m = ADDRESS.exec(bareEmailAddress(value));
  return m !== null && !FILE_EXTENSIONS.has(m[1].toLowerCase());
}
