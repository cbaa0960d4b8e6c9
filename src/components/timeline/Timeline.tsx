/**
 * The timeline / time-range picker: a time series of a profile type's total over the
 * range, with a hover readout, brushing with the pointer or the keyboard, and the chosen
 * windows drawn as bands (one selection, or the diff view's baseline and comparison).
 *
 * Geometry lives in scales.ts and keyboard.ts (pure, unit tested); this file wires the
 * pieces to React state and pointer/keyboard events.
 */
import { useCallback, useId, useMemo, useRef } from 'react';
import { chartMargins, plotSize } from './layout.ts';
import { describeWindows } from './describe.ts';
import { keyboardStepMs } from './keyboard.ts';
import {
  brushToWindow,
  buildScales,
  CLICK_TOLERANCE_PX,
  collectSlots,
  gestureToWindow,
  nearestPoint,
  timeTicks,
  valueTicks,
} from './scales.ts';
import { TimelineAxes } from './TimelineAxes.tsx';
import { TimelineReadout } from './TimelineReadout.tsx';
import { MAX_DOTS, seriesClass, TimelineDots, TimelineSeriesPaths } from './TimelineSeriesPaths.tsx';
import { TimelineWindows } from './TimelineWindows.tsx';
import type { TimelineProps, TimeWindow } from './types.ts';
import { useBrushGesture } from './useBrushGesture.ts';
import { useElementSize } from './useElementSize.ts';
import { useKeyboardWindow } from './useKeyboardWindow.ts';
import './Timeline.css';

export type TimelineState = 'empty' | 'loading' | 'ready' | 'error';

export function Timeline(props: TimelineProps) {
  const { series, unit, stepMs, windows, brushKind, onBrush, loading = false, error = null } = props;
  const ariaLabel = props.ariaLabel ?? 'Timeline: drag to choose a time window';
  const rangeFrom = props.range.from;
  const rangeUntil = props.range.until;
  const range = useMemo(() => ({ from: rangeFrom, until: rangeUntil }), [rangeFrom, rangeUntil]);

  const chartRef = useRef<HTMLDivElement>(null);
  const areaRef = useRef<SVGRectElement>(null);
  const size = useElementSize(chartRef);
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const clipId = `timeline-clip-${id}`;
  const hintId = `timeline-hint-${id}`;

  const { margins, scales, xTicks, yTicks } = useMemo(() => {
    // The y axis comes first: its widest label sets the left margin, which sets the plot width.
    const plotHeight = plotSize(size.width, size.height, chartMargins([])).height;
    const yOnly = buildScales({ series, range, unit, stepMs, width: 0, height: plotHeight });
    const yTicks = valueTicks(yOnly);
    const margins = chartMargins(yTicks.map((tick) => tick.label));
    const plot = plotSize(size.width, size.height, margins);
    const scales = buildScales({ series, range, unit, stepMs, width: plot.width, height: plot.height });
    return { margins, scales, xTicks: timeTicks(scales), yTicks };
  }, [series, range, unit, stepMs, size.width, size.height]);

  const slots = useMemo(() => collectSlots(series, stepMs), [series, stepMs]);
  const keyStepMs = useMemo(() => keyboardStepMs(series, range, stepMs), [series, range, stepMs]);
  const editedWindow = windows.find((w) => w.kind === brushKind);
  const current: TimeWindow | null = useMemo(
    () => (editedWindow ? { from: editedWindow.from, until: editedWindow.until } : null),
    [editedWindow],
  );

  const onGesture = useCallback(
    (startX: number, endX: number) => {
      const window = gestureToWindow(scales, slots, startX, endX);
      if (window) onBrush(window, brushKind);
    },
    [brushKind, onBrush, scales, slots],
  );
  const gesture = useBrushGesture({ areaRef, onGesture });
  const { draft, onKeyDown } = useKeyboardWindow({
    slots,
    range,
    stepMs: keyStepMs,
    current,
    brushKind,
    onBrush,
    cancelDrag: gesture.cancel,
  });

  const { drag, hoverX } = gesture;
  const hovered = useMemo(() => (hoverX === null ? null : nearestPoint(scales, series, hoverX)), [hoverX, scales, series]);
  // While dragging, the readout shows the snapped window that releasing will select.
  const brushed =
    drag && Math.abs(drag.currentX - drag.startX) >= CLICK_TOLERANCE_PX
      ? brushToWindow(scales, slots, drag.startX, drag.currentX)
      : null;
  const manyPoints = series.some((s) => s.points.length > MAX_DOTS);
  const hasPoints = series.some((s) => s.points.length > 0);
  const state: TimelineState = error ? 'error' : loading ? 'loading' : hasPoints ? 'ready' : 'empty';
  const diffMode = brushKind !== 'selection' || windows.some((w) => w.kind !== 'selection');
  const spanMs = range.until - range.from;
  const valueText = describeWindows(windows, draft, brushKind, spanMs);
  const measured = size.width > 0 && size.height > 0;
  // Messages cover the plot only, so the axes stay readable behind them.
  const plotBox = { left: margins.left, top: margins.top, right: margins.right, bottom: margins.bottom };

  return (
    <div className="timeline" data-testid="timeline" data-state={state} data-brush-kind={brushKind}>
      <div
        ref={chartRef}
        className="timeline-chart"
        role="slider"
        tabIndex={0}
        aria-label={ariaLabel}
        aria-describedby={hintId}
        aria-valuemin={range.from}
        aria-valuemax={range.until}
        aria-valuenow={Math.min(Math.max((draft ?? current)?.from ?? range.from, range.from), range.until)}
        aria-valuetext={valueText}
        aria-busy={loading || undefined}
        onKeyDown={onKeyDown}
      >
        {measured && (
          <svg width={size.width} height={size.height} className="timeline-svg">
            <defs>
              <clipPath id={clipId}>
                <rect x={0} y={-1} width={scales.width} height={scales.height + 2} />
              </clipPath>
            </defs>
            <g transform={`translate(${margins.left},${margins.top})`}>
              <TimelineAxes xTicks={xTicks} yTicks={yTicks} width={scales.width} height={scales.height} />
              <g clipPath={`url(#${clipId})`}>
                <TimelineWindows
                  scales={scales}
                  windows={windows}
                  draft={draft}
                  draftKind={brushKind}
                  labelled={diffMode}
                />
                <TimelineSeriesPaths scales={scales} series={series} />
                {hovered && !drag && (
                  <g className="timeline-hover" aria-hidden="true">
                    <line x1={Math.round(hovered.x) + 0.5} x2={Math.round(hovered.x) + 0.5} y1={0} y2={scales.height} />
                    {manyPoints && <circle className={seriesClass(hovered.seriesIndex)} cx={hovered.x} cy={hovered.y} r={3.5} />}
                  </g>
                )}
                {drag && (
                  <rect
                    className={`timeline-brush timeline-window-${brushKind}`}
                    data-testid="timeline-brush"
                    x={Math.min(drag.startX, drag.currentX)}
                    y={0}
                    width={Math.abs(drag.currentX - drag.startX)}
                    height={scales.height}
                  />
                )}
              </g>
              <g className="timeline-interaction" {...gesture.handlers}>
                <rect
                  ref={areaRef}
                  className="timeline-brush-area"
                  data-testid="timeline-brush-area"
                  x={0}
                  y={0}
                  width={scales.width}
                  height={scales.height}
                />
                <TimelineDots
                  scales={scales}
                  series={series}
                  hovered={hovered && !drag ? `${hovered.seriesIndex}:${hovered.index}` : null}
                />
              </g>
            </g>
          </svg>
        )}
        {measured && (brushed || (hovered && !drag)) && (
          <TimelineReadout
            scales={scales}
            series={series}
            x={drag ? drag.currentX : (hovered?.x ?? 0)}
            hovered={hovered}
            brushed={brushed}
            offsetLeft={margins.left}
            offsetTop={margins.top}
          />
        )}
      </div>
      {state === 'loading' && (
        <div className="timeline-overlay timeline-loading" style={plotBox}>
          <span>Loading…</span>
        </div>
      )}
      {state === 'error' && (
        <div className="timeline-overlay" style={plotBox}>
          <div className="timeline-error" role="alert">
            {error}
          </div>
        </div>
      )}
      {state === 'empty' && (
        <div className="timeline-overlay" style={plotBox}>
          <span className="timeline-empty">No data in this time range</span>
        </div>
      )}
      <span id={hintId} className="sr-only">
        Drag or click to choose a window. Arrow keys move the {brushKind} window by one step, Shift with arrow keys
        grows or shrinks it, Enter applies it, Escape cancels.
      </span>
    </div>
  );
}
