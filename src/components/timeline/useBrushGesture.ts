/**
 * Pointer brushing over the plot: pointerdown starts a drag (with pointer capture, so the
 * drag keeps going outside the chart), pointermove updates it, pointerup ends it and hands
 * the start and end pixels to `onGesture`. Also tracks the hover position for the readout.
 * Pixels are relative to the brush area (the plot), clamped to it.
 */
import { useCallback, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent, RefObject } from 'react';

export interface BrushDrag {
  startX: number;
  currentX: number;
}

interface Options {
  /** the brush area element, whose box defines plot pixels */
  areaRef: RefObject<SVGRectElement | null>;
  onGesture(startX: number, endX: number): void;
}

export interface BrushGesture {
  drag: BrushDrag | null;
  hoverX: number | null;
  /** ends a drag without selecting anything; false when there was none */
  cancel(): boolean;
  handlers: {
    onPointerDown(event: ReactPointerEvent<SVGGElement>): void;
    onPointerMove(event: ReactPointerEvent<SVGGElement>): void;
    onPointerUp(event: ReactPointerEvent<SVGGElement>): void;
    onPointerCancel(): void;
    onLostPointerCapture(): void;
    onPointerLeave(): void;
  };
}

interface ActiveDrag extends BrushDrag {
  pointerId: number;
  element: Element;
}

export function useBrushGesture({ areaRef, onGesture }: Options): BrushGesture {
  const [drag, setDrag] = useState<BrushDrag | null>(null);
  const [hoverX, setHoverX] = useState<number | null>(null);
  // The ref is the truth for event handlers, which can fire several times before React
  // re-renders (pointerup is followed at once by lostpointercapture); state is for drawing.
  const active = useRef<ActiveDrag | null>(null);

  const localX = useCallback(
    (clientX: number): number => {
      const box = areaRef.current?.getBoundingClientRect();
      if (!box) return 0;
      return Math.min(Math.max(clientX - box.left, 0), box.width);
    },
    [areaRef],
  );

  const cancel = useCallback((): boolean => {
    const current = active.current;
    if (!current) return false;
    active.current = null;
    if (current.element.hasPointerCapture(current.pointerId)) current.element.releasePointerCapture(current.pointerId);
    setDrag(null);
    return true;
  }, []);

  const onPointerDown = useCallback(
    (event: ReactPointerEvent<SVGGElement>) => {
      if (event.button !== 0 || active.current) return;
      // No preventDefault: the mousedown that follows focuses the chart natively (no focus
      // ring for mouse users); user-select: none in the CSS keeps text from being selected.
      const x = localX(event.clientX);
      event.currentTarget.setPointerCapture(event.pointerId);
      active.current = { pointerId: event.pointerId, element: event.currentTarget, startX: x, currentX: x };
      setDrag({ startX: x, currentX: x });
      setHoverX(x);
    },
    [localX],
  );

  const onPointerMove = useCallback(
    (event: ReactPointerEvent<SVGGElement>) => {
      const x = localX(event.clientX);
      setHoverX(x);
      const current = active.current;
      if (current && current.pointerId === event.pointerId) {
        current.currentX = x;
        setDrag({ startX: current.startX, currentX: x });
      }
    },
    [localX],
  );

  const onPointerUp = useCallback(
    (event: ReactPointerEvent<SVGGElement>) => {
      const current = active.current;
      if (!current || current.pointerId !== event.pointerId) return;
      const endX = localX(event.clientX);
      cancel();
      onGesture(current.startX, endX);
    },
    [cancel, localX, onGesture],
  );

  const onPointerLeave = useCallback(() => {
    if (!active.current) setHoverX(null);
  }, []);

  return {
    drag,
    hoverX,
    cancel,
    handlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp,
      onPointerCancel: cancel,
      onLostPointerCapture: cancel,
      onPointerLeave,
    },
  };
}
