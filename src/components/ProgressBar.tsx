import { useDataStore } from '../state/store.ts';

const STAGE_LABEL = { inflate: 'Decompressing', decode: 'Decoding', tree: 'Building the call tree' } as const;

/** Progress of the load in flight: stage, file n of m, percent. */
export function ProgressBar() {
  const loading = useDataStore((s) => s.main.status === 'loading' || s.diff.status === 'loading');
  const progress = useDataStore((s) => s.progress);
  const origin = useDataStore((s) => s.origin);
  if (!loading) return null;
  const fraction = progress ? (progress.file + progress.fraction) / progress.files : 0;
  const label = progress
    ? `${STAGE_LABEL[progress.stage]}${progress.files > 1 ? ` file ${progress.file + 1} of ${progress.files}` : ''}… ${Math.round(progress.fraction * 100)}%`
    : `Loading ${origin}…`;
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)}>
      <div className="progress-bar" style={{ width: `${Math.max(2, fraction * 100)}%` }} />
      <span className="progress-label">{label}</span>
    </div>
  );
}
