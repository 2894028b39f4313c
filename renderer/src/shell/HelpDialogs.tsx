import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Response } from '../../../shared/ipc/contract';
import { commandSpec, shortcutLabel, USER_COMMAND_NAMES } from '../../../shared/user-commands';

/** Mouse gestures: not commands, so not in the registry. */
const GESTURES: [string, string][] = [
  ['Click, Shift+click or Ctrl+click, drag on the floor', 'Select, add to the selection, box-select (rightwards: what lies inside; leftwards: what it touches)'],
  ['Click again on the selected object', 'Select what lies under it (a rack below an overhead busway)'],
  ['Drag a selected object', 'Move the selection (one undo step), snapped to the grid'],
  ['Wheel, Space+drag', 'Zoom, pan'],
];

/** One row per thing a key does: commands that share a description (the four nudges) share a row. */
export function shortcutRows(mac = false): [string, string][] {
  const rows = new Map<string, string[]>();
  for (const name of USER_COMMAND_NAMES) {
    const spec = commandSpec(name);
    if (!spec.keys) continue;
    const what = spec.help ?? spec.label.replace(/…$/, '');
    rows.set(what, [...(rows.get(what) ?? []), ...spec.keys.map((k) => shortcutLabel(k, mac))]);
  }
  return [...rows].map(([what, keys]) => [keys.join(' / '), what]);
}

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" onKeyDown={(e) => e.key === 'Escape' && onClose()} data-testid="shortcuts">
      <div className="modal">
        <h2>Keyboard shortcuts</h2>
        <table className="plan-table">
          <tbody>
            {[...shortcutRows(), ...GESTURES].map(([k, v]) => (
              <tr key={v}><td><kbd>{k}</kbd></td><td>{v}</td></tr>
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
