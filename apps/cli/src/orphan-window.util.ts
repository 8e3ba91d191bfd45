import { UsageException } from './usage.exception';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

export const ORPHAN_WINDOW_HELP =
  'orphan window: a documented operation without a call in this long (30s, 90m, 12h, 30d, 2w) is an orphan; default: since the spec was imported, at least 30d';

/** `--orphan-window 30d` -> milliseconds; a usage error for anything else. */
export function parseOrphanWindow(value: string): number {
  const m = /^(\d{1,5})([smhdw])$/.exec(value.trim());
  if (!m || Number(m[1]) === 0)
    throw new UsageException(
      `--orphan-window must be a positive duration like 12h, 30d or 2w, got "${value}"`,
    );
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}
