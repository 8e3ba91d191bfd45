import { useCallback, useEffect, useRef, useState } from 'react';

import { apiGet } from './api-client.util';
import { ApiError } from './api-error.exception';

export type Loadable<T> =
  | { status: 'loading'; data: T | undefined; error: undefined }
  | { status: 'ok'; data: T; error: undefined }
  | { status: 'error'; data: T | undefined; error: ApiError };

/**
 * Answers already seen, by URL: going back to a page shows its last data at once while it refreshes.
 * Bounded, and dropped with the session (it holds inventory data).
 */
const cache = new Map<string, unknown>();
const CACHE_ENTRIES = 64;
/** Reads under way, by URL: two views asking for the same URL at once share one request. */
const inflight = new Map<string, Promise<unknown>>();

export function clearApiCache(): void {
  cache.clear();
  inflight.clear();
}

function remember(url: string, data: unknown): void {
  cache.delete(url);
  cache.set(url, data);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
}

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, String(error));
}

/**
 * Runs `load` whenever `key` changes (null: nothing to load) and keeps the last data while the next
 * load runs, so a table being re-filtered does not blink empty. Stale answers are dropped.
 */
export function useLoader<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  initial?: T,
): Loadable<T> & { reload: () => void } {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading', data: initial, error: undefined });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) return undefined;
    const controller = new AbortController();
    // this key's cached answer if any, else the previous key's data until the new one arrives
    setState((previous) => ({ status: 'loading', data: initial ?? previous.data, error: undefined }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ok', data, error: undefined });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState((previous) => ({ status: 'error', data: previous.data, error: toApiError(error) }));
      },
    );
    return () => controller.abort();
    // `initial` belongs to `key`: it changes only with it
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...state, reload };
}

/** GET one API URL (null: none yet), with the by-URL cache above. */
export function useApi<T>(url: string | null): Loadable<T> & { reload: () => void } {
  const load = useCallback(
    async (_signal: AbortSignal) => {
      if (url === null) throw new Error('no URL');
      // not aborted with one view: another may wait on it; a view gone ignores the answer (useLoader)
      let pending = inflight.get(url);
      if (!pending) {
        pending = apiGet<T>(url).then((data) => {
          remember(url, data);
          return data;
        });
        const settled = () => inflight.delete(url);
        void pending.then(settled, settled);
        inflight.set(url, pending);
      }
      return (await pending) as T;
    },
    [url],
  );
  return useLoader<T>(url, load, url === null ? undefined : (cache.get(url) as T | undefined));
}
