/** Grid, ticks and labels. Drawn in plot coordinates (the parent translates by the margins). */
import type { Tick } from './scales.ts';

interface Props {
  xTicks: Tick[];
  yTicks: Tick[];
  width: number;
  height: number;
}

/** Labels near the edges are anchored inwards so they are never cut off. */
function anchorFor(position: number, width: number): 'start' | 'middle' | 'end' {
  if (position < 24) return 'start';
  if (position > width - 24) return 'end';
  return 'middle';
}

export function TimelineAxes({ xTicks, yTicks, width, height }: Props) {
  return (
    <g className="timeline-axes" aria-hidden="true">
      <g className="timeline-grid">
        {yTicks.map((tick) => (
          <line key={tick.value} x1={0} x2={width} y1={Math.round(tick.position) + 0.5} y2={Math.round(tick.position) + 0.5} />
        ))}
      </g>
      <g className="timeline-y-labels">
        {yTicks.map((tick) => (
          <text key={tick.value} x={-8} y={tick.position} dy="0.32em" textAnchor="end">
            {tick.label}
          </text>
        ))}
      </g>
      <line className="timeline-x-axis" x1={0} x2={width} y1={height + 0.5} y2={height + 0.5} />
      <g className="timeline-x-labels">
        {xTicks.map((tick) => (
          <g key={tick.value} transform={`translate(${Math.round(tick.position) + 0.5},${height})`}>
            <line y2={4} />
            <text y={15} textAnchor={anchorFor(tick.position, width)}>
              {tick.label}
            </text>
          </g>
        ))}
      </g>
    </g>
  );
}
