import type { Response } from '../../../shared/ipc/contract';
import { formatLocalTime } from '../../../shared/units';

export type Recovery = Response<'document.recoveries'>['items'][number];

/**
 * Unsaved work of sessions that ended without saving, and of documents set aside by
 * recovering another: every one is listed, with when it was last edited and what it
 * changed, to recover or discard.
 */
export function RecoveryDialog({ items, onRecover, onDiscard, onClose }: { items: Recovery[]; onRecover: (item: Recovery) => void; onDiscard: (item: Recovery) => void; onClose: () => void }) {
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-label="Recover unsaved work" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal">
        <h2>Recover unsaved work</h2>
        <p className="muted">Recovering one keeps the open document's unsaved changes here, to recover in their turn.</p>
        {items.length === 0 && <p>Nothing left to recover.</p>}
        <ul className="recovery-list file-list" data-testid="recoveries">
          {items.map((item) => (
            <li key={item.id} data-testid={`recovery-${item.title}`}>
              <div>
                <strong>{item.title}</strong> <span className="muted">last edited {formatLocalTime(item.updatedAt)}</span>
                <div className="muted" data-testid="recovery-changes">{item.changes}</div>
                {item.path && <div className="muted">{item.path}</div>}
              </div>
              <div className="recovery-actions">
                <button onClick={() => onRecover(item)} data-testid="recovery-recover">Recover</button>
                <button onClick={() => onDiscard(item)} data-testid="recovery-discard">Discard</button>
              </div>
            </li>
          ))}
        </ul>
        <div className="modal-actions">
          <button onClick={onClose} autoFocus>Close</button>
        </div>
      </div>
    </div>
  );
}
