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
