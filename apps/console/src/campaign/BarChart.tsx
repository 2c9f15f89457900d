import { useId } from 'react';

export interface Bar {
  label: string;
  value: number;
  /** what the bar's end shows, e.g. `75.0%` or `12` */
  text: string;
}

const ROW = 30;
const LABEL_W = 220;
const VALUE_W = 90;
const WIDTH = 640;

/**
 * A horizontal bar chart as inline SVG: geometry in attributes and colours in CSS classes, so
 * the console's CSP (no inline styles) holds and it prints as vectors. Screen readers get the
 * title and a sentence per bar; the same figures are in the table beside it.
 */
export function BarChart({ title, bars, max }: { title: string; bars: readonly Bar[]; max?: number }) {
  const id = useId();
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 0);
  const track = WIDTH - LABEL_W - VALUE_W;
  const height = Math.max(bars.length, 1) * ROW + 8;
  return (
    <figure className="chart">
      <figcaption id={`${id}-t`}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        className="chart-svg"
      >
        <title>{title}</title>
        <desc id={`${id}-d`}>{bars.map((b) => `${b.label}：${b.text}`).join('；') || '无数据'}</desc>
        {bars.length === 0 ? (
          <text x={8} y={22} className="chart-label">
            本期间无数据
          </text>
        ) : null}
        {bars.map((b, i) => {
          const y = i * ROW + 4;
          const w = top > 0 ? Math.max(b.value > 0 ? 2 : 0, (track * b.value) / top) : 0;
          return (
            <g key={b.label}>
              <text x={LABEL_W - 8} y={y + 17} textAnchor="end" className="chart-label">
                {b.label.length > 14 ? `${b.label.slice(0, 13)}…` : b.label}
              </text>
              <rect x={LABEL_W} y={y + 4} width={track} height={ROW - 10} className="chart-track" />
              <rect x={LABEL_W} y={y + 4} width={w} height={ROW - 10} className="chart-bar" />
              <text x={LABEL_W + track + 8} y={y + 17} className="chart-value">
                {b.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
