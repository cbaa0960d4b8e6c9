import type { DiffSetup } from '../../profile/diff.ts';
import { formatDelta, formatValue } from '../../profile/units.ts';
import { diffFill, LEGEND } from '../../render/diff-colors.ts';
import { useUiStore, useViewStore } from '../../state/store.ts';
import type { ProfileSummary } from '../../worker/protocol.ts';
import { useTheme } from '../useTheme.ts';

function describe(group: ProfileSummary[]): string {
  return group.length === 1 ? group[0].name : `${group.length} profiles`;
}

/** Totals of both sides, the normalization mode, the palette, and the color legend. */
export function DiffHeader({ setup, unit, groups }: { setup: DiffSetup; unit: string; groups: ProfileSummary[][] }) {
  const mode = useViewStore((s) => s.diffMode);
  const set = useViewStore((s) => s.set);
  const palette = useUiStore((s) => s.diffPalette);
  const setPalette = useUiStore((s) => s.setDiffPalette);
  const theme = useTheme();
  const delta = setup.comparisonTotal - setup.baselineTotal;
  return (
    <div className="diff-header">
      <p className="diff-summary" data-testid="diff-summary">
        <span className="side baseline">Baseline: {describe(groups[0])}, {formatValue(setup.baselineTotal, unit)}</span>
        <span aria-hidden="true"> → </span>
        <span className="side comparison">Comparison: {describe(groups[1])}, {formatValue(setup.comparisonTotal, unit)}</span>
        <span className="diff-total"> ({formatDelta(delta, unit)} in total)</span>
      </p>
      <div className="segmented" role="group" aria-label="Normalization">
        <button type="button" aria-pressed={mode === 'relative'} onClick={() => set({ diffMode: 'relative' })} title="Scale the baseline to the comparison's total">
          Relative
        </button>
        <button type="button" aria-pressed={mode === 'absolute'} onClick={() => set({ diffMode: 'absolute' })} title="Compare the values as recorded">
          Absolute
        </button>
      </div>
      <label className="field">
        <input type="checkbox" checked={palette === 'orange-blue'} onChange={(e) => setPalette(e.target.checked ? 'orange-blue' : 'red-green')} />
        <span>Colorblind-safe colors</span>
      </label>
      <ul className="legend" aria-label="Legend">
        {LEGEND.map((item) => (
          <li key={item.status}>
            <span className="swatch" style={{ background: diffFill(item.status, item.change, { dark: theme.dark, palette }) }} />
            {item.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
