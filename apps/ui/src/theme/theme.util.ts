/**
 * Light or dark. The choice is a display preference (not a secret), so it may live in localStorage;
 * without one the system preference decides. Applied to <html data-theme> before the first render.
 */
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'apiscope.theme';
type Listener = () => void;
const listeners = new Set<Listener>();

function stored(): Theme | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

function systemTheme(): Theme {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function currentTheme(): Theme {
  return document.documentElement.dataset['theme'] === 'dark' ? 'dark' : 'light';
}

export function applyInitialTheme(): void {
  document.documentElement.dataset['theme'] = stored() ?? systemTheme();
}

export function setTheme(theme: Theme): void {
  document.documentElement.dataset['theme'] = theme;
  try {
    window.localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // not persisted: the choice holds for this page only
  }
  for (const listener of [...listeners]) listener();
}

export function subscribeTheme(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
