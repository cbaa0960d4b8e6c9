/**
 * The chosen windows as shaded bands: the plain selection in the accent color, the diff
 * view's baseline and comparison in blue and red, each labelled. A keyboard draft is an
 * outline only: where the window will go once Enter applies it.
 */
import type { TimelineScales } from './scales.ts';
import type { TimelineWindow, TimeWindow, WindowKind } from './types.ts';

interface Props {
  scales: TimelineScales;
  windows: TimelineWindow[];
  draft: TimeWindow | null;
  draftKind: WindowKind;
  /** name the bands: in the diff view it matters which one is which */
  labelled: boolean;
}

/** Never thinner than 2 px: a window of one short profile must still be visible. */
function bandBox(scales: TimelineScales, window: TimeWindow): { x: number; width: number } {
  const x0 = Math.max(0, Math.min(scales.width, scales.x(window.from)));
  const x1 = Math.max(0, Math.min(scales.width, scales.x(window.until)));
  const width = Math.max(2, x1 - x0);
  return { x: Math.min(x0, scales.width - width), width };
}

export function TimelineWindows({ scales, windows, draft, draftKind, labelled }: Props) {
  const height = scales.height;
  return (
    <g className="timeline-windows">
      {windows.map((window, i) => {
        const { x, width } = bandBox(scales, window);
        return (
          <g
            key={`${window.kind}-${i}`}
            className={`timeline-window timeline-window-${window.kind}`}
            data-testid="timeline-window"
            data-kind={window.kind}
            data-from={window.from}
            data-until={window.until}
          >
            <rect className="timeline-window-fill" x={x} y={0} width={width} height={height} />
            <line className="timeline-window-edge" x1={x + 0.5} x2={x + 0.5} y1={0} y2={height} />
            <line className="timeline-window-edge" x1={x + width - 0.5} x2={x + width - 0.5} y1={0} y2={height} />
            {labelled && window.kind !== 'selection' && (
              <text className="timeline-window-label" x={x + 4} y={11}>
                {window.kind}
              </text>
            )}
          </g>
        );
      })}
      {draft && (
        <rect
          className={`timeline-draft timeline-window-${draftKind}`}
          data-testid="timeline-draft-window"
          data-from={draft.from}
          data-until={draft.until}
          {...bandBox(scales, draft)}
          y={0.5}
          height={Math.max(0, height - 1)}
        />
      )}
    </g>
  );
}
