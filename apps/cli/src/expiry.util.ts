import { UsageException } from './usage.exception';

const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000, y: 365 * 86_400_000 } as const;

/** `--expires 30d` (h, d, w, y) or an ISO date-time -> ISO instant; a usage error for anything else. */
export function parseExpiry(value: string, now = Date.now()): string {
  const m = /^(\d{1,5})([hdwy])$/.exec(value.trim());
  if (m) {
    const amount = Number(m[1]);
    if (amount === 0) throw new UsageException('--expires must be a positive duration');
    return new Date(now + amount * UNIT_MS[m[2] as keyof typeof UNIT_MS]).toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value.trim())) {
    const at = Date.parse(value.trim());
    if (Number.isFinite(at)) return new Date(at).toISOString();
  }
  throw new UsageException(
    `--expires must be a duration like 12h, 30d, 2w, 1y or an ISO date (2027-01-31), got "${value}"`,
  );
}
