import { type ApiOptions } from '@apiscope/api';

import { UsageException } from './usage.exception';

const LIMITS = {
  APISCOPE_RATE_LIMIT_PER_KEY: 'rateLimitPerKey',
  APISCOPE_RATE_LIMIT_PER_IP: 'rateLimitPerIp',
  APISCOPE_FAILED_AUTH_PER_IP: 'failedAuthPerIp',
  APISCOPE_MAX_CONCURRENT_QUERIES: 'maxConcurrentExpensive',
} as const;

/** API limits from the environment (per minute, positive integers); unset ones keep their defaults. */
export function apiLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<ApiOptions> {
  const out: Partial<Record<(typeof LIMITS)[keyof typeof LIMITS], number>> = {};
  for (const [name, option] of Object.entries(LIMITS) as Array<
    [keyof typeof LIMITS, (typeof LIMITS)[keyof typeof LIMITS]]
  >) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (!/^\d{1,9}$/.test(value) || Number(value) < 1)
      throw new UsageException(`${name} must be a positive whole number, got "${value}"`);
    out[option] = Number(value);
  }
  return out;
}
