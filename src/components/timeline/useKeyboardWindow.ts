/**
 * Keyboard editing of the brushed window. Arrows edit a draft (drawn dashed) and Enter
 * applies it through onBrush, so stepping across a long range does not fire a query per
 * key press. Escape cancels a pointer drag in progress, else drops the draft.
 */
import { useCallback, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { initialWindow, moveWindow, resizeWindow } from './keyboard.ts';
import type { Slot } from './scales.ts';
import type { TimeWindow, WindowKind } from './types.ts';

interface Options {
  slots: Slot[];
  range: TimeWindow;
  /** how far a key press moves where there are no points */
  stepMs: number;
  /** the applied window of the kind being edited, if any */
  current: TimeWindow | null;
  brushKind: WindowKind;
  onBrush(window: TimeWindow, kind: WindowKind): void;
  /** cancels a pointer drag; false when none was in progress */
  cancelDrag(): boolean;
}

interface Draft {
  /** the applied window the draft started from: a new one from outside discards the draft */
  base: TimeWindow | null;
  kind: WindowKind;
  window: TimeWindow;
}

const sameWindow = (a: TimeWindow | null, b: TimeWindow | null) =>
  a === b || (a !== null && b !== null && a.from === b.from && a.until === b.until);

export function useKeyboardWindow(options: Options) {
  const { slots, range, stepMs, current, brushKind, onBrush, cancelDrag } = options;
  const [stored, setStored] = useState<Draft | null>(null);
  const draft = stored && stored.kind === brushKind && sameWindow(stored.base, current) ? stored.window : null;

  const onKeyDown = useCallback(
    (event: ReactKeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const edit = (next: TimeWindow) => setStored({ base: current, kind: brushKind, window: next });
      switch (event.key) {
        case 'ArrowLeft':
        case 'ArrowRight': {
          event.preventDefault();
          const start = draft ?? current;
          // The first press with nothing selected picks the latest point rather than moving.
          if (!start) return edit(initialWindow(slots, range, stepMs));
          const direction = event.key === 'ArrowRight' ? 1 : -1;
          return edit(
            event.shiftKey
              ? resizeWindow(start, slots, direction, range, stepMs)
              : moveWindow(start, slots, direction, range, stepMs),
          );
        }
        case 'Enter': {
          const chosen = draft ?? current;
          if (!chosen) return;
          event.preventDefault();
          setStored(null);
          onBrush({ from: chosen.from, until: chosen.until }, brushKind);
          return;
        }
        case 'Escape':
          if (cancelDrag() || draft) {
            event.preventDefault();
            setStored(null);
          }
          return;
      }
    },
    [brushKind, cancelDrag, current, draft, onBrush, range, slots, stepMs],
  );

  return { draft, onKeyDown };
}
