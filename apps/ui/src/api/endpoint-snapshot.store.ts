import { ApiError } from './api-error.exception';
import { type Endpoint } from './api.type';
import { readAllPages } from './read-all-pages.util';

/**
 * Every endpoint, read through the public list route page by page (`GET /api/v1/endpoints`, 500 a
 * page, following nextCursor), for the views that summarise the whole inventory: Overview and
 * Findings. The API has no summary or findings route yet, so these views derive counts, top risks
 * and findings from this list (see domain/findings.util.ts). Bounded: past MAX_ENDPOINTS the read
 * stops and the views say so. Kept for a minute per key, so moving between the two views is instant.
 */
export const SNAPSHOT_PAGE = 500;
export const MAX_ENDPOINTS = 20_000;
const FRESH_MS = 60_000;

export interface EndpointSnapshot {
  endpoints: Endpoint[];
  /** true when MAX_ENDPOINTS stopped the reading before the last page */
  truncated: boolean;
  takenAt: number;
}

export interface SnapshotState {
  status: 'idle' | 'loading' | 'ok' | 'error';
  /** endpoints read so far (progress while loading) */
  loaded: number;
  snapshot?: EndpointSnapshot;
  error?: ApiError;
}

type Listener = () => void;
const listeners = new Set<Listener>();
let state: SnapshotState = { status: 'idle', loaded: 0 };
let owner: string | null = null;
let run = 0;

function set(next: SnapshotState): void {
  state = next;
  for (const listener of [...listeners]) listener();
}

export function snapshotState(): SnapshotState {
  return state;
}

export function subscribeSnapshot(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Forgets the snapshot (logout: it holds inventory data). */
export function dropEndpointSnapshot(): void {
  run += 1;
  owner = null;
  set({ status: 'idle', loaded: 0 });
}

/** Starts a read unless a fresh snapshot for this key exists or one is under way; `force` re-reads. */
export function ensureEndpointSnapshot(key: string, force = false): void {
  const mine = owner === key;
  if (!force && mine && state.status === 'loading') return;
  if (!force && mine && state.snapshot && Date.now() - state.snapshot.takenAt < FRESH_MS) return;
  owner = key;
  const id = (run += 1);
  set({ status: 'loading', loaded: 0, ...(mine && state.snapshot && { snapshot: state.snapshot }) });
  void readAll(key, (loaded) => id === run && set({ ...state, loaded })).then(
    (snapshot) => id === run && set({ status: 'ok', loaded: snapshot.endpoints.length, snapshot }),
    (error: unknown) =>
      id === run &&
      set({
        ...state,
        status: 'error',
        error: error instanceof ApiError ? error : new ApiError(0, String(error)),
      }),
  );
}

async function readAll(key: string, onPage: (loaded: number) => void): Promise<EndpointSnapshot> {
  const { items, truncated } = await readAllPages<Endpoint>(
    '/api/v1/endpoints',
    {},
    { key, onPage, maxPages: MAX_ENDPOINTS / SNAPSHOT_PAGE },
  );
  return { endpoints: items, truncated, takenAt: Date.now() };
}
