import { useSyncExternalStore } from 'react';

import { currentLocation, type RouteLocation, subscribeLocation } from './router.util';

export function useLocation(): RouteLocation {
  return useSyncExternalStore(subscribeLocation, currentLocation, currentLocation);
}
