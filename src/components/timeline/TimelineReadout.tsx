/**
 * The hover readout: the time under the pointer and each series' value there. While
 * brushing, it shows the window that releasing the pointer will select instead.
 */
import { formatValue } from '../../profile/units.ts';
import { formatDisplayValue, nearestIndex, toDisplayValue } from './scales.ts';
import type { NearestPoint, TimelineScales } from './scales.ts';
import { seriesClass } from './TimelineSeriesPaths.tsx';
import { formatInstant, formatSpan, formatWindow } from './time-format.ts';
import type { TimelineSeries, TimeWindow } from './types.ts';

interface Props {
  scales: TimelineScales;
  series: TimelineSeries[];
  /** plot pixel the readout points at */
  x: number;
  hovered: NearestPoint | null;
  brushed: TimeWindow | null;
  /** the plot's offset inside the chart, to place the readout in chart pixels */
  offsetLeft: number;
  offsetTop: number;
}

export function TimelineReadout({ scales, series, x, hovered, brushed, offsetLeft, offsetTop }: Props) {
  const spanMs = scales.x.domain()[1].getTime() - scales.x.domain()[0].getTime();
  // Open towards the side with more room, so the card never covers the pointer or leaves the chart.
  const flip = x > scales.width * 0.6;
  const style = flip
    ? { right: `calc(100% - ${offsetLeft + x - 10}px)`, top: offsetTop + 4 }
    : { left: offsetLeft + x + 10, top: offsetTop + 4 };
  return (
    <div className="timeline-readout" data-testid="timeline-readout" style={style} aria-hidden="true">
      {brushed ? (
        <div className="timeline-readout-time">{formatWindow(brushed, spanMs, scales.utc)}</div>
      ) : hovered ? (
        <>
          <div className="timeline-readout-time">{formatInstant(hovered.point.time, spanMs, scales.utc)}</div>
          {series.map((s, i) => {
            const index = nearestIndex(s.points, hovered.point.time);
            if (index < 0 || s.points[index].time !== hovered.point.time) return null;
            const value = s.points[index].value;
            return (
              <div key={i} className="timeline-readout-row">
                <span className={`timeline-swatch ${seriesClass(i)}`} />
                {series.length > 1 && <span className="timeline-readout-label">{s.label}</span>}
                <strong>{formatDisplayValue(toDisplayValue(value, scales.unit, scales.stepMs), scales.unit, scales.rate)}</strong>
                {scales.rate && scales.stepMs !== undefined && (
                  <span className="timeline-readout-raw">
                    {formatValue(value, scales.unit)} in {formatSpan(scales.stepMs)}
                  </span>
                )}
              </div>
            );
          })}
        </>
      ) : null}
    </div>
  );
}
