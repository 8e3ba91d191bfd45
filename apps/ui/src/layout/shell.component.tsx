import { type FormEvent, type ReactNode, useEffect, useRef, useState, useSyncExternalStore } from 'react';

import { BrandMark, Icon, type IconName } from '../design/icon.component';
import { Link } from '../router/link.component';
import { buildHref, navigate } from '../router/router.util';
import { useLocation } from '../router/use-location.hook';
import { signOut } from '../session/session.util';
import { currentTheme, setTheme, subscribeTheme } from '../theme/theme.util';

interface NavItem {
  href: string;
  label: string;
  icon: IconName;
  /** paths under this one light it up too */
  prefix?: string;
}

const NAV: Array<{ section?: string; items: NavItem[] }> = [
  { items: [{ href: '/', label: 'Overview', icon: 'overview' }] },
  {
    section: 'Catalog',
    items: [
      { href: '/services', label: 'Services', icon: 'services' },
      { href: '/endpoints', label: 'Endpoints', icon: 'endpoints', prefix: '/endpoints/' },
    ],
  },
  {
    section: 'Security',
    items: [
      { href: '/findings', label: 'Findings', icon: 'findings' },
      { href: '/specs', label: 'Specs', icon: 'specs' },
    ],
  },
];

/** The app drops what it read with the key once the key is gone (app.component.tsx). */
function logout(): void {
  signOut('logout');
}

function ThemeToggle() {
  const theme = useSyncExternalStore(subscribeTheme, currentTheme, currentTheme);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="btn btn-ghost btn-icon"
      onClick={() => setTheme(next)}
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
      data-testid="theme-toggle"
    >
      <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
    </button>
  );
}

/** Path search in the top bar: `/` focuses it from anywhere; Enter opens the endpoint table filtered. */
function PathSearch() {
  const location = useLocation();
  const [value, setValue] = useState(location.path === '/endpoints' ? (location.search.get('q') ?? '') : '');
  const input = useRef<HTMLInputElement>(null);
  const onEndpoints = location.path === '/endpoints';
  const urlText = onEndpoints ? (location.search.get('q') ?? '') : '';
  // the endpoint table's own filter and this box show the same text
  useEffect(() => {
    if (onEndpoints) setValue(urlText);
  }, [onEndpoints, urlText]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || target?.closest('input, textarea, select, [contenteditable]')) return;
      event.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const search = new URLSearchParams(location.path === '/endpoints' ? location.search : undefined);
    search.delete('cursor');
    if (value.trim()) search.set('q', value.trim());
    else search.delete('q');
    navigate(buildHref('/endpoints', Object.fromEntries(search)));
  };
  return (
    <form role="search" className="search" onSubmit={submit} style={{ width: 300 }}>
      <Icon name="search" />
      <input
        ref={input}
        className="input"
        type="search"
        placeholder="Search paths…"
        aria-label="Search endpoint paths"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <span className="kbd" style={{ position: 'absolute', right: 8 }} aria-hidden="true">
        /
      </span>
    </form>
  );
}

export function Shell({ crumbs, children }: { crumbs: ReactNode[]; children: ReactNode }) {
  const { path } = useLocation();
  const isCurrent = (item: NavItem) =>
    item.href === path || (item.prefix !== undefined && path.startsWith(item.prefix));
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <Link href="/" className="brand">
          <BrandMark />
          apiscope
        </Link>
        {NAV.map((group, i) => (
          <div key={group.section ?? i} className="stack" style={{ gap: 2 }}>
            {group.section && <div className="nav-section">{group.section}</div>}
            {group.items.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                className="nav-link"
                aria-current={isCurrent(item) ? 'page' : undefined}
              >
                <Icon name={item.icon} />
                {item.label}
              </Link>
            ))}
          </div>
        ))}
        <div className="sidebar-foot">
          <a className="nav-link" href="/api/docs" target="_blank" rel="noopener">
            <Icon name="book" />
            API reference
          </a>
          <button
            type="button"
            className="nav-link btn-ghost"
            style={{ border: 0, font: 'inherit', cursor: 'pointer' }}
            onClick={logout}
          >
            <Icon name="logout" />
            Sign out
          </button>
        </div>
      </nav>
      <div className="main">
        <header className="topbar">
          <div className="breadcrumbs" aria-label="Breadcrumbs">
            {crumbs.map((crumb, i) => (
              <span key={i} className="row" style={{ gap: 8, flexWrap: 'nowrap', minWidth: 0 }}>
                {i > 0 && <span className="sep">/</span>}
                {crumb}
              </span>
            ))}
          </div>
          <div className="topbar-actions">
            <PathSearch />
            <ThemeToggle />
          </div>
        </header>
        <main className="page" id="main">
          {children}
        </main>
      </div>
    </div>
  );
}
