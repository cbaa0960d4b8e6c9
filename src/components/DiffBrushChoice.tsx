import { useUiStore } from '../state/store.ts';

/** In the diff view: which window the next drag on the timeline sets. */
export function DiffBrushChoice() {
  const diffBrush = useUiStore((s) => s.diffBrush);
  const setDiffBrush = useUiStore((s) => s.setDiffBrush);
  return (
    <div className="segmented brush-choice" role="group" aria-label="Next selection sets">
      <button type="button" aria-pressed={diffBrush === 'baseline'} onClick={() => setDiffBrush('baseline')}>
        Pick baseline
      </button>
      <button type="button" aria-pressed={diffBrush === 'comparison'} onClick={() => setDiffBrush('comparison')}>
        Pick comparison
      </button>
    </div>
  );
}
