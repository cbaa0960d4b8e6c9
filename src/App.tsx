import { useEffect } from 'react';
import { DiffPanel } from './components/diff/DiffPanel.tsx';
import { DropZone } from './components/DropZone.tsx';
import { EmptyState } from './components/EmptyState.tsx';
import { Notices } from './components/Notices.tsx';
import { OpenControls } from './components/OpenControls.tsx';
import { ProfilePanel } from './components/ProfilePanel.tsx';
import { ProgressBar } from './components/ProgressBar.tsx';
import { SandwichPanel } from './components/SandwichPanel.tsx';
import { SourceBar } from './components/SourceBar.tsx';
import { Toolbar } from './components/Toolbar.tsx';
import { useHighlight } from './components/useHighlight.ts';
import { useCurrentTree } from './state/use-current-tree.ts';
import { useFilesTrees } from './state/use-files-trees.ts';
import { useDataStore, useViewStore } from './state/store.ts';
import { useUrlSync } from './state/url-sync.ts';
import { totalOf } from './profile/tree-columns.ts';

export function App() {
  useUrlSync();
  useFilesTrees();
  const view = useViewStore((s) => s.view);
  const origin = useDataStore((s) => s.origin);
  const current = useCurrentTree();
  const highlight = useHighlight(current.tree, current.column);
  const rootTotal = current.tree ? totalOf(current.tree, current.column)[0] : 0;

  // The tab says what is open (document.title is text: a hostile file name stays a name).
  useEffect(() => {
    document.title = origin ? `${origin} · Flamelens` : 'Flamelens';
  }, [origin]);

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
      <SourceBar />
      <Toolbar tree={current.tree} typeIndex={current.typeIndex} highlight={highlight} rootTotal={rootTotal} />
      <Notices />
      <main className="app-main">
        <ProgressBar />
        {view === 'diff' ? (
          <DiffPanel />
        ) : view === 'sandwich' && current.tree ? (
          <SandwichPanel tree={current.tree} groups={current.slot.groups} status={current.slot.status} />
        ) : current.tree || (current.slot.status === 'loading' && (view === 'flame' || view === 'icicle')) ? (
          <ProfilePanel
            tree={current.tree}
            groups={current.slot.groups}
            status={current.slot.status}
            showGraph={view !== 'table'}
            orientation={view === 'icicle' ? 'icicle' : 'flame'}
          />
        ) : (
          <div className="flamegraph placeholder" data-testid="flamegraph" data-state={current.slot.status}>
            {current.slot.status !== 'loading' && <EmptyState />}
          </div>
        )}
      </main>
      <DropZone />
    </div>
  );
}
