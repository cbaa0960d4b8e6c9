import type { CallTree } from '../profile/calltree.ts';
import { ancestry } from '../profile/navigation.ts';

/** The path from the root to the zoomed node; each step zooms back out to it. */
export function Breadcrumb({ tree, focus, onFocus }: { tree: CallTree; focus: number; onFocus(node: number): void }) {
  const path = ancestry(tree, focus);
  return (
    <nav className="breadcrumb" aria-label="Zoom path" data-testid="breadcrumb">
      {path.map((node, i) => {
        const name = tree.frames.name[tree.frame[node]];
        const last = i === path.length - 1;
        return (
          <span key={node} className="crumb">
            {i > 0 && <span className="crumb-separator" aria-hidden="true">›</span>}
            <button type="button" disabled={last} aria-current={last ? 'location' : undefined} onClick={() => onFocus(node)} title={name}>
              {name}
            </button>
          </span>
        );
      })}
      {path.length > 1 && <span className="hint">Esc resets the zoom</span>}
    </nav>
  );
}
