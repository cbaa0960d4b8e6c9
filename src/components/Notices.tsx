import { useDataStore } from '../state/store.ts';

/** Errors and notices, each dismissible. Errors are role="alert" so they are announced. */
export function Notices() {
  const notices = useDataStore((s) => s.notices);
  const dismiss = useDataStore((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.message}</span>
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
