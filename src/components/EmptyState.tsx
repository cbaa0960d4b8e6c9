import { openUrl } from '../state/session.ts';

/** What a first visit shows: how to open a profile, and one to try. */
export function EmptyState() {
  return (
    <div className="empty-state">
      <h2>Drop a pprof profile anywhere on this page</h2>
      <p>
        <code>.pb.gz</code>, <code>.pb</code> or <code>.pprof</code> from Go, Node, Java, Rust or C++ profilers. Files are decoded in
        your browser and never leave it.
      </p>
      <p>
        Several files from one process make a timeline. Or{' '}
        <button type="button" className="link" onClick={() => void openUrl(new URL('examples/go-regexp.cpu.pb.gz', document.baseURI).href)}>
          open an example CPU profile
        </button>
        .
      </p>
    </div>
  );
}
