/**
 * View controls: view switch, sample type, grouping, search with its match summary, and
 * the permalink button.
 */
import { useEffect, useRef, useState } from 'react';
import type { CallTree } from '../profile/calltree.ts';
import { formatPercent, formatValue } from '../profile/units.ts';
import type { Highlight } from './useHighlight.ts';
import { useUiStore, useViewStore } from '../state/store.ts';
import type { ViewKind } from '../state/view-state.ts';
import type { GroupBy } from '../profile/frames.ts';

const VIEWS: { kind: ViewKind; label: string }[] = [
  { kind: 'flame', label: 'Flame graph' },
  { kind: 'icicle', label: 'Icicle' },
  { kind: 'table', label: 'Table' },
  { kind: 'sandwich', label: 'Sandwich' },
  { kind: 'diff', label: 'Diff' },
];

interface Props {
  tree: CallTree | null;
  typeIndex: number;
  highlight: Highlight;
  rootTotal: number;
}

export function Toolbar({ tree, typeIndex, highlight, rootTotal }: Props) {
  const view = useViewStore((s) => s.view);
  const search = useViewStore((s) => s.search);
  const groupBy = useViewStore((s) => s.groupBy);
  const set = useViewStore((s) => s.set);
  const picked = useUiStore((s) => s.highlightedFunction);
  const setPicked = useUiStore((s) => s.setHighlightedFunction);
  const searchRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  // `/` focuses the search from anywhere but a text field, as in most code viewers.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      window.prompt('Copy this link', window.location.href);
    }
  };

  const unit = tree?.sampleTypes[typeIndex]?.unit ?? '';
  const active = highlight.frames !== null;

  return (
    <div className="toolbar" role="toolbar" aria-label="View controls">
      <div className="segmented" role="group" aria-label="View">
        {VIEWS.map(({ kind, label }) => (
          <button key={kind} type="button" aria-pressed={view === kind} onClick={() => set({ view: kind })}>
            {label}
          </button>
        ))}
      </div>
      <label className="field">
        <span>Sample type</span>
        <select
          data-testid="sample-type"
          value={tree?.sampleTypes[typeIndex]?.type ?? ''}
          disabled={!tree}
          onChange={(event) => set({ sampleType: event.target.value })}
        >
          {tree?.sampleTypes.map((t) => (
            <option key={`${t.type}/${t.unit}`} value={t.type}>
              {t.type} ({t.unit})
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Group by</span>
        <select value={groupBy} onChange={(event) => set({ groupBy: event.target.value as GroupBy, focus: [] })}>
          <option value="function">function</option>
          <option value="line">line</option>
        </select>
      </label>
      <div className="search">
        <input
          ref={searchRef}
          type="search"
          data-testid="search"
          placeholder="Search functions (regex)   /"
          aria-label="Search functions by regular expression"
          aria-invalid={highlight.error !== null}
          value={search}
          spellCheck={false}
          onChange={(event) => {
            if (picked !== null) setPicked(null);
            set({ search: event.target.value });
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') set({ search: '' });
          }}
        />
        <span className="search-summary" role="status" data-testid="search-summary">
          {highlight.error
            ? highlight.error
            : active && tree
              ? `${picked !== null ? picked : `${highlight.matchedFrameCount} functions`} · ${formatValue(highlight.matchedTotal, unit)} (${formatPercent(highlight.matchedTotal, rootTotal)})`
              : ''}
        </span>
        {picked !== null && (
          <button type="button" className="link" onClick={() => setPicked(null)}>
            Clear highlight
          </button>
        )}
      </div>
      <button type="button" className="copy-link" onClick={copyLink} data-testid="copy-link">
        {copied ? 'Link copied' : 'Copy link'}
      </button>
    </div>
  );
}
