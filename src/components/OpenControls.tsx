import { useState } from 'react';
import { openFiles, openUrl } from '../state/session.ts';

export const ACCEPTED_EXTENSIONS = '.pb.gz,.pb,.pprof,.gz,.prof';

/** Open a profile: a file picker (several files at once) or a URL to fetch. */
export function OpenControls() {
  const [url, setUrl] = useState('');
  return (
    <div className="open-controls">
      <label className="button primary">
        Open profiles…
        <input
          type="file"
          multiple
          accept={ACCEPTED_EXTENSIONS}
          className="sr-only"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = '';
            if (files.length > 0) void openFiles(files);
          }}
        />
      </label>
      <form
        className="url-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (url.trim()) void openUrl(url.trim());
        }}
      >
        <input type="url" placeholder="https://…/profile.pb.gz" aria-label="Profile URL" value={url} onChange={(e) => setUrl(e.target.value)} />
        <button type="submit" className="button">
          Open URL
        </button>
      </form>
    </div>
  );
}
