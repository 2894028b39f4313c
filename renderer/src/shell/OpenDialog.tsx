import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Response } from '../../../shared/ipc/contract';

/** The browser build's file picker over the documents folder (Electron uses the native dialog). */
export function OpenDialog({ onPick, onClose }: { onPick: (path: string) => void; onClose: () => void }) {
  const [listing, setListing] = useState<Response<'files.list'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.invoke('files.list', {}).then(setListing, (e: Error) => setError(e.message));
  }, []);
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-label="Open a fleet" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal">
        <h2>Open a fleet</h2>
        {error && <p className="error">{error}</p>}
        {listing && <p className="muted">{listing.dir}</p>}
        {listing && listing.files.length === 0 && <p>No .fleet files in this folder yet.</p>}
        <ul className="file-list">
          {listing?.files.map((f) => (
            <li key={f.path}>
              <button data-testid={`open-file-${f.name}`} onClick={() => onPick(f.path)} autoFocus>
                <span>{f.name}</span>
                <span className="muted">{new Date(f.modified).toLocaleString()}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="modal-actions">
          <button onClick={onClose}>Cancel</button>
        </div>
      </div>
    </div>
  );
}
