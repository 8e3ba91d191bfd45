import { useEffect, useSyncExternalStore } from 'react';

import { useApiKey } from '../session/use-session.hook';
import {
  ensureEndpointSnapshot,
  type SnapshotState,
  snapshotState,
  subscribeSnapshot,
} from './endpoint-snapshot.store';

/** The whole-inventory snapshot (see endpoint-snapshot.store.ts), loaded on first use. */
export function useEndpointSnapshot(): SnapshotState & { reload: () => void } {
  const key = useApiKey();
  const state = useSyncExternalStore(subscribeSnapshot, snapshotState, snapshotState);
  useEffect(() => {
    if (key !== null) ensureEndpointSnapshot(key);
  }, [key]);
  return { ...state, reload: () => key !== null && ensureEndpointSnapshot(key, true) };
}
