import { useCallback } from 'react';

import { type ApiFinding } from './api.type';
import { readAllPages } from './read-all-pages.util';
import { type Loadable, useLoader } from './use-api.hook';

export interface SevereFindings {
  critical: number;
  high: number;
  /** true when a count stopped at the page cap (shown as "1,000+") */
  truncated: boolean;
}

/** Pages of 500 read per severity: the overview's count stops there and says so. */
const MAX_PAGES = 2;

/** How many critical and high findings there are (GET /api/v1/findings?severity=, counted page by page). */
export function useSevereFindings(): Loadable<SevereFindings> & { reload: () => void } {
  const load = useCallback(async (signal: AbortSignal) => {
    const [critical, high] = await Promise.all(
      (['critical', 'high'] as const).map((severity) =>
        readAllPages<ApiFinding>('/api/v1/findings', { severity }, { signal, maxPages: MAX_PAGES }),
      ),
    );
    return {
      critical: critical.items.length,
      high: high.items.length,
      truncated: critical.truncated || high.truncated,
    };
  }, []);
  return useLoader<SevereFindings>('severe findings', load);
}
