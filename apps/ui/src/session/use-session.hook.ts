import { useSyncExternalStore } from 'react';

import { readApiKey, subscribeSession } from './session.util';

/** The current API key (null: signed out); re-renders on sign-in, logout and refusal. */
export function useApiKey(): string | null {
  return useSyncExternalStore(subscribeSession, readApiKey, () => null);
}
