import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Response } from '../../../shared/ipc/contract';

const SHORTCUTS: [string, string][] = [
  ['Ctrl+N / Ctrl+O / Ctrl+S / Ctrl+Shift+S', 'New, Open, Save, Save As'],
  ['Ctrl+Z / Ctrl+Shift+Z or Ctrl+Y', 'Undo / Redo'],
  ['Ctrl+P', 'Print preview'],
  ['Click, Shift+click or Ctrl+click, drag on the floor', 'Select, add to the selection, box-select'],
  ['Click again on the selected object', 'Select what lies under it (a rack below an overhead busway)'],
  ['Drag a selected object', 'Move the selection (one undo step), snapped to the grid'],
  ['Arrow keys', 'Nudge the selection one grid step, or pan'],
  ['R / Shift+R', 'Rotate the selection 90° clockwise / counter-clockwise'],
  ['Delete', 'Delete the selection'],
  ['Ctrl+A / Ctrl+C / Ctrl+V / Ctrl+D', 'Select all, copy, paste, duplicate'],
  ['F, +, −, wheel, Space+drag', 'Zoom to fit, zoom, pan'],
  ['Escape', 'Clear the selection; in the print preview, back to the planner'],
  ['?', 'This sheet'],
];

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" onKeyDown={(e) => e.key === 'Escape' && onClose()} data-testid="shortcuts">
      <div className="modal">
        <h2>Keyboard shortcuts</h2>
        <table className="plan-table">
          <tbody>
            {SHORTCUTS.map(([k, v]) => (
              <tr key={k}><td><kbd>{k}</kbd></td><td>{v}</td></tr>
            ))}
          </tbody>
        </table>
        <div className="modal-actions"><button onClick={onClose} autoFocus>Close</button></div>
      </div>
    </div>
  );
}

export function AboutBox({ onClose }: { onClose: () => void }) {
  const [info, setInfo] = useState<Response<'app.info'> | null>(null);
  useEffect(() => {
    api.invoke('app.info', {}).then(setInfo, () => undefined);
  }, []);
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-label="About Fleet Planner" data-testid="about">
      <div className="modal">
        <h2>{info?.name ?? 'Fleet Planner'} {info?.version}</h2>
        <p>Plans the retrofit of Bitcoin-mining sites into AI/GPU hosting, offline.</p>
        <p className="muted">{info ? Object.entries(info.versions).filter(([k]) => ['electron', 'chrome', 'node', 'v8'].includes(k)).map(([k, v]) => `${k} ${v}`).join(' · ') : ''}</p>
        <div className="modal-actions"><button onClick={onClose} autoFocus>Close</button></div>
      </div>
    </div>
  );
}
