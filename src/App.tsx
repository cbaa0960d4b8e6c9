import { useEffect, useRef } from 'react';
import { columnOf } from './profile/calltree.ts';
import { selectedTypeIndex } from './state/derived.ts';
import { rebuildTree } from './state/session.ts';
import { useDataStore, useViewStore } from './state/store.ts';
import { DropZone } from './components/DropZone.tsx';
import { EmptyState } from './components/EmptyState.tsx';
import { Notices } from './components/Notices.tsx';
import { OpenControls } from './components/OpenControls.tsx';
import { ProfilePanel } from './components/ProfilePanel.tsx';
import { ProgressBar } from './components/ProgressBar.tsx';
import { Toolbar } from './components/Toolbar.tsx';
import { useHighlight } from './components/useHighlight.ts';
import { useUrlSync } from './state/url-sync.ts';

export function App() {
  useUrlSync();
  const tree = useDataStore((s) => s.tree);
  const status = useDataStore((s) => s.status);
  const profiles = useDataStore((s) => s.profiles);
  const origin = useDataStore((s) => s.origin);
  const view = useViewStore((s) => s.view);
  const sampleType = useViewStore((s) => s.sampleType);
  const groupBy = useViewStore((s) => s.groupBy);

  const typeIndex = tree ? selectedTypeIndex(tree, sampleType, profiles) : 0;
  const column = tree ? columnOf(tree, 0, typeIndex) : 0;
  const highlight = useHighlight(tree, column);
  const rootTotal = tree ? tree.total[column][0] : 0;

  // Regroup (function <-> line) from the profiles already in the worker.
  const builtGroupBy = useRef(groupBy);
  useEffect(() => {
    if (builtGroupBy.current === groupBy) return;
    builtGroupBy.current = groupBy;
    if (profiles.length > 0) void rebuildTree([profiles.map((p) => p.id)], groupBy);
  }, [groupBy, profiles]);

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">
          <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width={22} height={22} />
          Flamelens
        </h1>
        <OpenControls />
        {origin && (
          <span className="origin" title={origin} data-testid="origin">
            {origin}
          </span>
        )}
      </header>
      <Toolbar tree={tree} typeIndex={typeIndex} highlight={highlight} rootTotal={rootTotal} />
      <Notices />
      <ProgressBar />
      <main className="app-main">
        {tree ? (
          <ProfilePanel
            tree={tree}
            showGraph={view !== 'table'}
            showTable={view !== 'sandwich'}
            orientation={view === 'icicle' ? 'icicle' : 'flame'}
          />
        ) : (
          <div className="flamegraph placeholder" data-testid="flamegraph" data-state={status === 'ready' ? 'empty' : status}>
            {status !== 'loading' && <EmptyState />}
          </div>
        )}
      </main>
      <DropZone />
    </div>
  );
}
