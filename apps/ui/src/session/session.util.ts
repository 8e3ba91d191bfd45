/**
 * The reader's API key, typed once per tab. It lives in sessionStorage (gone when the tab closes,
 * never sent anywhere but the Authorization header of same-origin API calls), never in a URL, a
 * cookie or localStorage. The key name is the one the API reference page (/api/docs) uses, so
 * signing in here also opens the docs.
 */
export const SESSION_KEY = 'apiscope.apiKey';

export type SessionEnd = 'logout' | 'refused';

type Listener = () => void;
const listeners = new Set<Listener>();
let endReason: SessionEnd | null = null;

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // storage disabled (privacy settings): the reader signs in again on every load
    return null;
  }
}

let memoryKey: string | null = null;

export function readApiKey(): string | null {
  return storage()?.getItem(SESSION_KEY) ?? memoryKey;
}

export function signIn(key: string): void {
  memoryKey = key;
  storage()?.setItem(SESSION_KEY, key);
  endReason = null;
  notify();
}

/** Drops the key: on logout, or when the API refused it (401: expired, revoked, wrong). */
export function signOut(reason: SessionEnd): void {
  memoryKey = null;
  storage()?.removeItem(SESSION_KEY);
  endReason = reason;
  notify();
}

export function lastSessionEnd(): SessionEnd | null {
  return endReason;
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of [...listeners]) listener();
}
