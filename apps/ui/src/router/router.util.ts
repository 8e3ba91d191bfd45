/**
 * A small history router: the catalog has six pages and needs no more than the URL, pushState and
 * popstate. Filter state lives in the query string so every view can be shared and reloaded.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

export interface RouteLocation {
  path: string;
  search: URLSearchParams;
  /** `path?search`, the value React compares between renders. */
  href: string;
}

let current = snapshot();

function snapshot(): RouteLocation {
  const { pathname, search } = window.location;
  return { path: pathname, search: new URLSearchParams(search), href: `${pathname}${search}` };
}

function update(): void {
  const next = snapshot();
  if (next.href === current.href) return;
  current = next;
  for (const listener of [...listeners]) listener();
}

window.addEventListener('popstate', update);

export function currentLocation(): RouteLocation {
  return current;
}

export function subscribeLocation(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Goes to an in-app URL; `replace` for changes that should not make a Back step (typing in a filter). */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (href === current.href) return;
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  update();
  if (!options.replace) window.scrollTo({ top: 0 });
}

/** `path?query` without empty parameters, in a stable order for equal URLs. */
export function buildHref(path: string, params: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
