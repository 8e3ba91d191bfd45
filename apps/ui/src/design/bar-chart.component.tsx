import { niceTicks, tickLabel } from './chart-scale.util';
import { useWidth } from './use-width.hook';

export interface Bar {
  label: string;
  value: number;
  /** a CSS colour, usually a var(--chart-*) */
  color: string;
}

const PAD = { top: 10, right: 8, bottom: 26, left: 40 };

/** Vertical bars with a value axis; each bar says its label and value on hover and to screen readers. */
export function BarChart({
  bars,
  height = 180,
  label,
  unit = '',
}: {
  bars: readonly Bar[];
  height?: number;
  label: string;
  unit?: string;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const max = Math.max(0, ...bars.map((b) => b.value));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1];
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const slot = bars.length > 0 ? plotW / bars.length : plotW;
  const barW = Math.min(56, slot * 0.62);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  return (
    <div ref={ref}>
      <svg className="chart" width={width} height={height} role="img" aria-label={label}>
        {ticks.map((t) => (
          <g key={t}>
            <line className="grid-line" x1={PAD.left} x2={width - PAD.right} y1={y(t)} y2={y(t)} />
            <text x={PAD.left - 8} y={y(t) + 4} textAnchor="end">
              {tickLabel(t)}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          const h = Math.max(b.value > 0 ? 2 : 0, (b.value / top) * plotH);
          return (
            <g key={b.label}>
              <rect
                className="bar"
                x={x}
                y={PAD.top + plotH - h}
                width={barW}
                height={h}
                rx={3}
                fill={b.color}
              >
                <title>{`${b.label}: ${b.value.toLocaleString('en-US')}${unit}`}</title>
              </rect>
              <text x={x + barW / 2} y={height - 8} textAnchor="middle">
                {b.label}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
