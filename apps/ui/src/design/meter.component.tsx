import { type ReactNode } from 'react';

export interface Segment {
  label: string;
  value: number;
  color: string;
}

/** Parts of a whole as one bar with a legend (auth status mix, status code classes). */
export function Meter({ segments, label }: { segments: readonly Segment[]; label: string }) {
  const total = segments.reduce((n, s) => n + s.value, 0);
  return (
    <div className="stack" style={{ gap: 8 }}>
      <div
        className="meter"
        role="img"
        aria-label={`${label}: ${segments.map((s) => `${s.label} ${s.value}`).join(', ')}`}
      >
        {total > 0 &&
          segments
            .filter((s) => s.value > 0)
            .map((s) => (
              <span
                key={s.label}
                style={{ width: `${(s.value / total) * 100}%`, background: s.color }}
                title={`${s.label}: ${s.value}`}
              />
            ))}
      </div>
      <div className="legend">
        {segments.map((s) => (
          <span key={s.label}>
            <i style={{ background: s.color }} />
            {s.label} <strong className="num">{s.value.toLocaleString('en-US')}</strong>
          </span>
        ))}
      </div>
    </div>
  );
}

/** Ranked horizontal bars (calls by service): label, value, and a bar relative to the largest. */
export function HBarList({
  items,
  format = (v) => v.toLocaleString('en-US'),
}: {
  items: ReadonlyArray<{ key: string; label: ReactNode; value: number; color?: string }>;
  format?: (v: number) => string;
}) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <div className="hbar-list">
      {items.map((item) => (
        <div className="hbar" key={item.key}>
          <span style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {item.label}
          </span>
          <span className="num muted">{format(item.value)}</span>
          <div className="hbar-track">
            <div
              className="hbar-fill"
              style={{ width: `${(item.value / max) * 100}%`, ...(item.color && { background: item.color }) }}
            />
          </div>
        </div>
      ))}
    </div>
  );
}
