import { useCallback } from 'react';

import { type ServiceSummary } from './api.type';
import { readAllPages } from './read-all-pages.util';
import { type Loadable, useLoader } from './use-api.hook';

/** Up to 10,000 services (20 pages); past that the views say the list is cut. */
const MAX_PAGES = 20;

export interface ServiceList {
  services: ServiceSummary[];
  truncated: boolean;
}

let cached: ServiceList | undefined;

export function dropServicesCache(): void {
  cached = undefined;
}

/** Every service (GET /api/v1/services, page by page), shown from the last read while it refreshes. */
export function useServices(): Loadable<ServiceList> & { reload: () => void } {
  const load = useCallback(async (signal: AbortSignal) => {
    const { items, truncated } = await readAllPages<ServiceSummary>(
      '/api/v1/services',
      {},
      {
        signal,
        maxPages: MAX_PAGES,
      },
    );
    cached = { services: items, truncated };
    return cached;
  }, []);
  return useLoader<ServiceList>('services', load, cached);
}
