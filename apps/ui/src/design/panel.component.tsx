import { type ReactNode } from 'react';

import { Link } from '../router/link.component';

/** A titled surface: the unit every page is made of. */
export function Panel({
  title,
  hint,
  actions,
  flush = false,
  children,
  id,
}: {
  title?: ReactNode;
  hint?: ReactNode;
  actions?: ReactNode;
  flush?: boolean;
  children: ReactNode;
  id?: string;
}) {
  return (
    <section className="panel" aria-labelledby={id && title ? `${id}-title` : undefined} id={id}>
      {(title || actions) && (
        <header className="panel-head">
          <div className="row" style={{ gap: 10 }}>
            {title && <h2 id={id ? `${id}-title` : undefined}>{title}</h2>}
            {hint && <span className="hint">{hint}</span>}
          </div>
          {actions && <div className="row">{actions}</div>}
        </header>
      )}
      <div className={flush ? 'panel-flush' : 'panel-body'}>{children}</div>
    </section>
  );
}

/** One headline number. */
export function Stat({
  label,
  value,
  sub,
  tone,
  icon,
  href,
  compact = false,
}: {
  label: ReactNode;
  value: ReactNode;
  sub?: ReactNode;
  tone?: 'red' | 'orange' | 'purple';
  icon?: ReactNode;
  /** the view behind the number */
  href?: string;
  /** no padding of its own (inside a panel body) */
  compact?: boolean;
}) {
  const className = `stat${tone ? ` tone-${tone}` : ''}${compact ? ' stat-compact' : ''}`;
  const body = (
    <>
      <span className="stat-label">
        {icon}
        {label}
      </span>
      <span className="stat-value">{value}</span>
      {sub && <span className="stat-sub">{sub}</span>}
    </>
  );
  return href ? (
    <Link href={href} className={className} style={{ color: 'inherit' }}>
      {body}
    </Link>
  ) : (
    <div className={className}>{body}</div>
  );
}
