import { useBackendTrees } from '../state/use-backend-trees.ts';
import { useDataStore } from '../state/store.ts';
import { BackendBar } from './BackendBar.tsx';
import { FilesTimeline } from './FilesTimeline.tsx';

/** Where data comes from: the backend query bar, and the opened files' timeline. */
export function SourceBar() {
  useBackendTrees();
  const filesActive = useDataStore((s) => s.activeSource === 'files');
  return (
    <div className="source-bar">
      <BackendBar />
      {filesActive && <FilesTimeline />}
    </div>
  );
}
