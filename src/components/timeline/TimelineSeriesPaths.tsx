/** The series as area + line paths, and as dots when there are few enough points to tell apart. */
import { memo, useMemo } from 'react';
import { seriesPaths } from './paths.ts';
import { pixelOfTime, pixelOfValue } from './scales.ts';
import type { TimelineScales } from './scales.ts';
import type { TimelineSeries } from './types.ts';

/** Beyond this many points per series, dots would merge into a line and only add DOM. */
export const MAX_DOTS = 60;
/** Colors come from CSS (.timeline-series-N) and repeat after this many series. */
export const SERIES_COLORS = 4;

export const seriesClass = (index: number) => `timeline-series-${index % SERIES_COLORS}`;

interface Props {
  scales: TimelineScales;
  series: TimelineSeries[];
}

export const TimelineSeriesPaths = memo(function TimelineSeriesPaths({ scales, series }: Props) {
  const paths = useMemo(() => series.map((s) => seriesPaths(scales, s.points)), [scales, series]);
  return (
    <g className="timeline-series" aria-hidden="true">
      {paths.map((p, i) => (
        <g key={i} className={seriesClass(i)}>
          <path className="timeline-area" d={p.area} />
          <path className="timeline-line" d={p.line} />
        </g>
      ))}
    </g>
  );
});

interface DotsProps extends Props {
  /** "seriesIndex:pointIndex" of the hovered point */
  hovered: string | null;
}

/** Dots sit above the brush area, so clicking one starts the same gesture as the area. */
export function TimelineDots({ scales, series, hovered }: DotsProps) {
  return (
    <g className="timeline-dots">
      {series.map((s, seriesIndex) =>
        s.points.length > MAX_DOTS
          ? null
          : s.points.map((point, index) => {
              const x = pixelOfTime(scales, point.time);
              if (x < -1 || x > scales.width + 1) return null;
              const isHovered = hovered === `${seriesIndex}:${index}`;
              return (
                <circle
                  key={`${seriesIndex}:${index}`}
                  className={`timeline-point ${seriesClass(seriesIndex)}${isHovered ? ' hovered' : ''}`}
                  data-testid="timeline-point"
                  data-time={point.time}
                  data-value={point.value}
                  cx={x}
                  cy={pixelOfValue(scales, point.value)}
                  r={isHovered ? 4.5 : 3}
                />
              );
            }),
      )}
    </g>
  );
}
