import { type ReactNode } from 'react';

import { type ApiError } from '../api/api-error.exception';
import { Icon, type IconName } from './icon.component';

export function EmptyState({
  title,
  children,
  icon = 'inbox',
  action,
  compact = false,
}: {
  title: string;
  children?: ReactNode;
  icon?: IconName;
  action?: ReactNode;
  compact?: boolean;
}) {
  return (
    <div className={compact ? 'state state-compact' : 'state'} role="status">
      <div className="state-icon">
        <Icon name={icon} />
      </div>
      <h3>{title}</h3>
      {children && <p>{children}</p>}
      {action}
    </div>
  );
}

/** An API failure: what the API said, and a retry (429 says when). */
export function ErrorState({
  error,
  onRetry,
  compact = false,
}: {
  error: ApiError;
  onRetry?: () => void;
  compact?: boolean;
}) {
  const title =
    error.status === 0
      ? 'The API could not be reached'
      : error.status === 429
        ? 'Too many requests'
        : error.status === 403
          ? 'This key may not read this'
          : `The API answered ${error.status}`;
  return (
    <div className={`state state-error${compact ? ' state-compact' : ''}`} role="alert">
      <div className="state-icon">
        <Icon name="alert" />
      </div>
      <h3>{title}</h3>
      <p>
        {error.message}
        {error.retryAfter !== undefined && ` Try again in ${error.retryAfter} s.`}
      </p>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          <Icon name="refresh" /> Retry
        </button>
      )}
    </div>
  );
}

/** Placeholder rows while the first data loads (the layout does not jump when it arrives). */
export function LoadingRows({ rows = 6, label = 'Loading' }: { rows?: number; label?: string }) {
  return (
    <div className="stack" style={{ padding: 16 }} role="status" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        <span key={i} className="skeleton" style={{ width: `${92 - ((i * 17) % 35)}%` }} />
      ))}
    </div>
  );
}

export function ProgressBar({ value }: { value: number | undefined }) {
  return (
    <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={value}>
      <span style={{ width: `${Math.round((value ?? 30) * 100) / 100}%` }} />
    </div>
  );
}
