import { readFileSync } from 'node:fs';

import { ENDPOINT_FLAGS, type EndpointFlag } from '@apiscope/inventory';

import { UsageException } from './usage.exception';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new UsageException(`--port must be a number from 0 to 65535, got "${value}"`);
  return port;
}

/** Commander collector for repeatable options (`--har a --har b`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function parseFlags(value: string): EndpointFlag[] {
  const flags = value
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  for (const flag of flags) {
    if (!(ENDPOINT_FLAGS as readonly string[]).includes(flag)) {
      throw new UsageException(`--fail-on: unknown flag "${flag}" (known: ${ENDPOINT_FLAGS.join(', ')})`);
    }
  }
  return flags as EndpointFlag[];
}

/** `--cors-origin`: one exact browser origin (scheme://host[:port]); `*` is refused on purpose. */
export function parseCorsOrigin(value: string, previous: string[] = []): string[] {
  const origin = value.trim().replace(/\/$/, '');
  if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(origin))
    throw new UsageException(
      `--cors-origin must be an origin like https://catalog.example.com (scheme, host, optional port; no "*", no path), got "${value}"`,
    );
  return [...previous, origin.toLowerCase()];
}

/** `--tls-cert` and `--tls-key` come together; both files are read now, so a typo fails at start. */
export function readTlsFiles(
  cert: string | undefined,
  key: string | undefined,
): { cert: string; key: string } | undefined {
  if (cert === undefined && key === undefined) return undefined;
  if (cert === undefined || key === undefined)
    throw new UsageException('--tls-cert and --tls-key go together');
  const read = (file: string, option: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch (cause) {
      throw new UsageException(
        `cannot read ${option} ${file}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`,
      );
    }
  };
  const tls = { cert: read(cert, '--tls-cert'), key: read(key, '--tls-key') };
  if (!tls.cert.includes('-----BEGIN CERTIFICATE-----'))
    throw new UsageException(`--tls-cert ${cert} is not a PEM certificate`);
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(tls.key))
    throw new UsageException(`--tls-key ${key} is not a PEM private key`);
  return tls;
}
