// Small inline SVG charts for the phone: deliveries per day, week or month (delivered and failed stacked), and
// deliveries by hour of the day. No chart library: the courier's bundle stays small.
import { hourSpan } from '../hooks/performance-format';

export type Bar = { label: string; delivered: number; failed: number };

const W = 340;

export function DeliveriesChart({ bars, title }: { bars: Bar[]; title: string }) {
  const H = 120;
  const top = Math.max(1, ...bars.map((b) => b.delivered + b.failed));
  const slot = W / Math.max(1, bars.length);
  const barWidth = Math.max(4, slot * 0.62);
  const y = (v: number) => (v / top) * (H - 34);
  return (
    <figure className="perf-chart" data-testid="deliveries-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} className="perf-chart__svg">
        {bars.map((b, i) => {
          const x = i * slot + (slot - barWidth) / 2;
          const base = H - 18;
          return (
            <g key={`${b.label}:${i}`} data-delivered={b.delivered} data-failed={b.failed}>
              <title>{`${b.label}: ${b.delivered} delivered, ${b.failed} failed`}</title>
              <rect
                x={x}
                y={base - y(b.delivered)}
                width={barWidth}
                height={y(b.delivered)}
                rx={2}
                className="perf-bar"
              />
              <rect
                x={x}
                y={base - y(b.delivered) - y(b.failed)}
                width={barWidth}
                height={y(b.failed)}
                rx={2}
                className="perf-bar perf-bar--failed"
              />
              {b.delivered + b.failed > 0 && (
                <text x={x + barWidth / 2} y={base - y(b.delivered + b.failed) - 3} className="perf-chart__value">
                  {b.delivered}
                </text>
              )}
              {(bars.length <= 8 || i % 2 === bars.length % 2 || i === bars.length - 1) && (
                <text x={x + barWidth / 2} y={H - 4} className="perf-chart__label">
                  {b.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="perf-chart__legend">
        <span className="perf-key perf-key--delivered" /> delivered <span className="perf-key perf-key--failed" />{' '}
        failed
      </figcaption>
    </figure>
  );
}

export function HoursChart({ hours }: { hours: { hour: number; count: number }[] }) {
  const H = 84;
  const top = Math.max(1, ...hours.map((h) => h.count));
  const slot = W / 24;
  const peak = Math.max(...hours.map((h) => h.count));
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label="Deliveries by hour of the day"
      className="perf-chart__svg"
      data-testid="hours-chart"
    >
      {hours.map((h) => {
        const height = (h.count / top) * (H - 22);
        return (
          <g key={h.hour}>
            <title>{`${hourSpan(h.hour)}: ${h.count}`}</title>
            <rect
              x={h.hour * slot + 1}
              y={H - 16 - height}
              width={slot - 2}
              height={height}
              rx={1.5}
              className={h.count === peak && peak > 0 ? 'perf-bar perf-bar--peak' : 'perf-bar perf-bar--quiet'}
            />
            {h.hour % 6 === 0 && (
              <text x={h.hour * slot + slot / 2} y={H - 3} className="perf-chart__label">
                {String(h.hour).padStart(2, '0')}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
