import { useState } from 'react';

import { type VolumeBucket } from '../domain/call-volume.util';
import { dayFormat, fullFormat, hourFormat, niceTicks, tickLabel } from './chart-scale.util';
import { useWidth } from './use-width.hook';

const PAD = { top: 12, right: 8, bottom: 26, left: 40 };

const PARTS = [
  { key: 'ok', label: '2xx/3xx', color: 'var(--chart-2xx)' },
  { key: 'clientErrors', label: '4xx', color: 'var(--chart-4xx)' },
  { key: 'serverErrors', label: '5xx', color: 'var(--chart-5xx)' },
  { key: 'unanswered', label: 'no response', color: 'var(--chart-other)' },
] as const;

/** Calls per time bucket as stacked bars: answered, 4xx, 5xx, unanswered; the pointer shows a bucket's figures. */
export function VolumeChart({
  buckets,
  daily,
  label,
  height = 220,
}: {
  buckets: readonly VolumeBucket[];
  daily: boolean;
  label: string;
  height?: number;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);
  const ticks = niceTicks(Math.max(0, ...buckets.map((b) => b.calls)));
  const top = ticks[ticks.length - 1];
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const slot = buckets.length > 0 ? plotW / buckets.length : plotW;
  const barW = Math.max(1, slot * 0.72);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const labelEvery = Math.max(1, Math.ceil(buckets.length / Math.max(2, Math.floor(plotW / 70))));
  const format = daily ? dayFormat : hourFormat;
  const hovered = hover === null ? undefined : buckets[hover];
  return (
    <div className="stack" style={{ gap: 8 }}>
      <div ref={ref} style={{ position: 'relative' }}>
        <svg
          className="chart"
          width={width}
          height={height}
          role="img"
          aria-label={label}
          onMouseLeave={() => setHover(null)}
        >
          {ticks.map((t) => (
            <g key={t}>
              <line className="grid-line" x1={PAD.left} x2={width - PAD.right} y1={y(t)} y2={y(t)} />
              <text x={PAD.left - 8} y={y(t) + 4} textAnchor="end">
                {tickLabel(t)}
              </text>
            </g>
          ))}
          {buckets.map((b, i) => {
            const x = PAD.left + i * slot + (slot - barW) / 2;
            let base = 0;
            return (
              <g key={b.t} onMouseEnter={() => setHover(i)}>
                <rect x={PAD.left + i * slot} y={PAD.top} width={slot} height={plotH} fill="transparent" />
                {PARTS.map((part) => {
                  const value = b[part.key];
                  if (value <= 0) return null;
                  const y0 = y(base);
                  base += value;
                  const y1 = y(base);
                  return (
                    <rect
                      key={part.key}
                      x={x}
                      y={y1}
                      width={barW}
                      height={Math.max(1, y0 - y1)}
                      fill={part.color}
                      opacity={hover === null || hover === i ? 1 : 0.55}
                    />
                  );
                })}
                {i % labelEvery === 0 && (
                  <text x={x + barW / 2} y={height - 8} textAnchor="middle">
                    {format.format(b.t)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
        {hovered && hover !== null && (
          <div
            className="notice"
            style={{
              position: 'absolute',
              top: 0,
              left: Math.min(Math.max(0, PAD.left + hover * slot - 70), width - 190),
              pointerEvents: 'none',
              background: 'var(--bg-elevated)',
              boxShadow: 'var(--shadow)',
              padding: '6px 10px',
              minWidth: 170,
            }}
          >
            <div className="faint">{fullFormat.format(hovered.t)}</div>
            <strong className="num">{hovered.calls.toLocaleString('en-US')}</strong> calls
            {hovered.clientErrors + hovered.serverErrors + hovered.unanswered > 0 &&
              ` · ${hovered.clientErrors} 4xx · ${hovered.serverErrors} 5xx${hovered.unanswered ? ` · ${hovered.unanswered} unanswered` : ''}`}
          </div>
        )}
      </div>
      <div className="legend">
        {PARTS.map((p) => (
          <span key={p.key}>
            <i style={{ background: p.color }} />
            {p.label}
          </span>
        ))}
      </div>
    </div>
  );
}
