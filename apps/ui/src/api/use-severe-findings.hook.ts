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

/** Pages of 500 read per severity: the overview's count stops there and says so ("500+"). */
const MAX_PAGES = 1;

/** How many critical and high findings there are (GET /api/v1/findings?severity=, counted page by page). */
export function useSevereFindings(): Loadable<SevereFindings> & { reload: () => void } {
  const load = useCallback(async (signal: AbortSignal) => {
    // one after the other: the overview already asks the API for much at once
    const critical = await readAllPages<ApiFinding>(
      '/api/v1/findings',
      { severity: 'critical' },
      { signal, maxPages: MAX_PAGES },
    );
    const high = await readAllPages<ApiFinding>(
      '/api/v1/findings',
      { severity: 'high' },
      { signal, maxPages: MAX_PAGES },
    );
    return {
      critical: critical.items.length,
      high: high.items.length,
      truncated: critical.truncated || high.truncated,
    };
  }, []);
  return useLoader<SevereFindings>('severe findings', load);
}
