import { useState } from 'react';

import { dayFormat, fullFormat, niceTicks, tickLabel, hourFormat } from './chart-scale.util';
import { useWidth } from './use-width.hook';

export interface TimePoint {
  /** epoch ms */
  t: number;
  v: number;
}

const PAD = { top: 12, right: 12, bottom: 26, left: 40 };

function timeTicks(from: number, to: number, count: number): number[] {
  if (to <= from) return [from];
  return Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1));
}

/**
 * A line over time with its area filled; the pointer shows the value under it. The series is drawn
 * as steps when `step` is set (cumulative counts: a count holds until the next change).
 */
export function TimeChart({
  points,
  height = 200,
  label,
  valueLabel,
  step = false,
}: {
  points: readonly TimePoint[];
  height?: number;
  label: string;
  valueLabel: string;
  step?: boolean;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);
  if (points.length === 0) return null;
  const from = points[0].t;
  const to = points[points.length - 1].t;
  const ticks = niceTicks(Math.max(...points.map((p) => p.v)));
  const top = ticks[ticks.length - 1];
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const x = (t: number) => PAD.left + (to === from ? plotW / 2 : ((t - from) / (to - from)) * plotW);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const line = points
    .map((p, i) => {
      const prev = points[i - 1];
      const stepTo = step && prev ? `L${x(p.t)},${y(prev.v)}` : '';
      return `${i === 0 ? 'M' : `${stepTo}L`}${x(p.t)},${y(p.v)}`;
    })
    .join('');
  const area = `${line}L${x(to)},${y(0)}L${x(from)},${y(0)}Z`;
  const spanDays = (to - from) / 86_400_000;
  const xFormat = spanDays >= 2 ? dayFormat : hourFormat;
  const hovered = hover === null ? null : points[hover];

  const onMove = (clientX: number, left: number) => {
    const t = from + ((clientX - left - PAD.left) / plotW) * (to - from);
    let best = 0;
    for (let i = 1; i < points.length; i++)
      if (Math.abs(points[i].t - t) < Math.abs(points[best].t - t)) best = i;
    setHover(best);
  };

  return (
    <div ref={ref} style={{ position: 'relative' }}>
      <svg
        className="chart"
        width={width}
        height={height}
        role="img"
        aria-label={label}
        onMouseMove={(e) => onMove(e.clientX, e.currentTarget.getBoundingClientRect().left)}
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
        {timeTicks(from, to, width > 520 ? 5 : 3).map((t, i, all) => (
          <text
            key={t}
            x={x(t)}
            y={height - 6}
            textAnchor={i === 0 ? 'start' : i === all.length - 1 ? 'end' : 'middle'}
          >
            {xFormat.format(t)}
          </text>
        ))}
        <path d={area} fill="var(--chart-1-soft)" />
        <path d={line} fill="none" stroke="var(--chart-1)" strokeWidth={2} strokeLinejoin="round" />
        {hovered && (
          <g>
            <line
              x1={x(hovered.t)}
              x2={x(hovered.t)}
              y1={PAD.top}
              y2={PAD.top + plotH}
              stroke="var(--border-strong)"
            />
            <circle
              cx={x(hovered.t)}
              cy={y(hovered.v)}
              r={4}
              fill="var(--chart-1)"
              stroke="var(--bg-elevated)"
              strokeWidth={2}
            />
          </g>
        )}
      </svg>
      {hovered && (
        <div
          className="notice"
          style={{
            position: 'absolute',
            top: 0,
            left: Math.min(Math.max(0, x(hovered.t) - 80), width - 170),
            pointerEvents: 'none',
            background: 'var(--bg-elevated)',
            boxShadow: 'var(--shadow)',
            padding: '6px 10px',
          }}
        >
          <strong className="num">{hovered.v.toLocaleString('en-US')}</strong> {valueLabel}
          <div className="faint">{fullFormat.format(hovered.t)}</div>
        </div>
      )}
    </div>
  );
}
