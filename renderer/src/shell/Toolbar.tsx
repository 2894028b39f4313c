import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useFleet } from '../state/store';
import { OpenDialog } from './OpenDialog';
import { RecoveryDialog, type Recovery } from './RecoveryDialog';
import { useCommands } from '../commands/commands';
import { commandTitle } from '../commands/CommandButton';
import { MenuBar } from '../commands/MenuBar';
import { discardRecovery, documentsFolder, newDocument, openDocument, recoverSession, saveDocument, saveDocumentAs } from './file-actions';
import { fleetFileName, saveAsProblem, suggestedFileName } from '../../../shared/io/file-names';

type Dialog = null | 'open' | 'save-as' | 'recover';

function openPrintPreview(): void {
  const { selectedHallId, selectedSiteId } = useFleet.getState();
  const subject = selectedHallId ? `hall=${encodeURIComponent(selectedHallId)}` : `site=${encodeURIComponent(selectedSiteId ?? '')}`;
  // No paper: the preview starts on the usual one for the fleet's units (A3, or Tabloid in US units).
  window.location.hash = `#/print?${subject}&orientation=landscape&scale=fit`;
}

export function Toolbar() {
  const document = useFleet((s) => s.document);
  const history = useFleet((s) => s.history);
  const undo = useFleet((s) => s.undo);
  const redo = useFleet((s) => s.redo);
  const theme = useFleet((s) => s.theme);
  const toggleTheme = useFleet((s) => s.toggleTheme);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [samples, setSamples] = useState<{ name: string; title: string }[]>([]);
  const [recent, setRecent] = useState<string[]>([]);
  // Refreshed whenever the open file changes (open, save as).
  const openPath = document?.path;
  useEffect(() => {
    api.invoke('document.recent', {}).then((r) => setRecent(r.paths), () => undefined);
  }, [openPath]);

  useEffect(() => {
    api.invoke('document.samples', {}).then((r) => setSamples(r.samples), () => undefined);
  }, []);

  // Refreshed whenever another document opens (a recovery sets the previous one aside).
  const [recoveries, setRecoveries] = useState<Recovery[]>([]);
  const [offered, setOffered] = useState(false);
  const openedRevision = document?.openedRevision;
  const refreshRecoveries = () => api.invoke('document.recoveries', {}).then((r) => setRecoveries(r.items), () => undefined);
  useEffect(() => {
    void refreshRecoveries();
  }, [openedRevision]);
  // Shown once at start when a crash left more than the work reopened.
  useEffect(() => {
    if (offered || recoveries.length === 0) return;
    setOffered(true);
    setDialog((current) => current ?? 'recover');
  }, [offered, recoveries]);

  const open = () => (api.isElectron() ? void openDocument() : setDialog('open'));
  const save = async () => {
    if (document?.path || api.isElectron()) {
      if (await saveDocument()) return;
      if (api.isElectron()) return;
    }
    setDialog('save-as');
  };
  const saveAs = () => (api.isElectron() ? void saveDocumentAs() : setDialog('save-as'));

  useCommands({
    new: () => void newDocument(),
    open,
    save: () => void save(),
    saveAs,
    print: openPrintPreview,
    exportPdf: openPrintPreview,
    undo: () => void undo(),
    redo: () => void redo(),
  });

  const lastUndo = history.undo[history.undo.length - 1];
  const lastRedo = history.redo[history.redo.length - 1];
  return (
    <header className="toolbar" role="toolbar" aria-label="Document">
      <span className="app-name">Fleet Planner</span>
      {!api.isElectron() && <MenuBar />}
      <select
        aria-label="New fleet"
        data-testid="new-menu"
        value=""
        onChange={(e) => void newDocument(e.target.value === 'blank' ? undefined : e.target.value)}
      >
        <option value="">New…</option>
        <option value="blank">Blank fleet</option>
        {samples.map((s) => (
          <option key={s.name} value={s.name}>
            Sample: {s.title}
          </option>
        ))}
      </select>
      <button onClick={open} title={commandTitle('open', 'Open')} data-testid="open">Open</button>
      <select aria-label="Open a recent fleet" data-testid="recent-menu" value="" onChange={(e) => e.target.value && void openDocument(e.target.value)} disabled={recent.length === 0}>
        <option value="">Recent…</option>
        {recent.map((p) => (
          <option key={p} value={p}>{p.split(/[\\/]/).pop()}</option>
        ))}
      </select>
      {recoveries.length > 0 && (
        <button onClick={() => setDialog('recover')} title="Unsaved work of sessions that ended without saving" data-testid="recover">Recover ({recoveries.length})</button>
      )}
      <button onClick={() => void save()} title={commandTitle('save')} data-testid="save">Save</button>
      <button onClick={saveAs} title={commandTitle('saveAs', 'Save As')} data-testid="save-as">Save As</button>
      <span className="separator" />
      <button onClick={() => void undo()} disabled={!lastUndo} title={commandTitle('undo', lastUndo ? `Undo ${lastUndo.label}` : 'Nothing to undo')} data-testid="undo">Undo</button>
      <button onClick={() => void redo()} disabled={!lastRedo} title={commandTitle('redo', lastRedo ? `Redo ${lastRedo.label}` : 'Nothing to redo')} data-testid="redo">Redo</button>
      <span className="separator" />
      <button onClick={openPrintPreview} title={commandTitle('print', 'Print preview of the selected hall, or of the site')} data-testid="print-preview">Print…</button>
      <span className="doc-title" data-testid="doc-title">
        {document ? `${document.title}${document.dirty ? ' •' : ''}` : ''}
      </span>
      <button onClick={toggleTheme} aria-label="Switch theme" data-testid="theme">{theme === 'dark' ? 'Light' : 'Dark'}</button>
      {dialog === 'open' && (
        <OpenDialog
          onClose={() => setDialog(null)}
          onPick={(path) => {
            setDialog(null);
            void openDocument(path);
          }}
        />
      )}
      {dialog === 'recover' && (
        <RecoveryDialog
          items={recoveries}
          onClose={() => setDialog(null)}
          onRecover={(item) => {
            setDialog(null);
            void recoverSession(item.id);
          }}
          onDiscard={(item) => void discardRecovery(item.id, item.title).then(refreshRecoveries)}
        />
      )}
      {dialog === 'save-as' && <SaveAsDialog initial={document?.title ?? 'fleet'} onClose={() => setDialog(null)} />}
    </header>
  );
}

function SaveAsDialog({ initial, onClose }: { initial: string; onClose: () => void }) {
  // A fleet's name may be longer than a file's: the name offered is one Save takes.
  const [name, setName] = useState(() => suggestedFileName(initial.replace(/\.fleet$/, ''), '.fleet').replace(/\.fleet$/, ''));
  const fileName = fleetFileName(name);
  const problem = saveAsProblem(fileName);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (problem) return;
    const folder = await documentsFolder();
    if (!folder) return;
    const file = `${folder.dir}/${fileName}`;
    // Never over another file without asking: it may hold someone's work.
    if (folder.files.some((f) => f.name === fileName) && !window.confirm(`${fileName} already exists. Replace it?`)) return;
    if (await saveDocumentAs(file)) onClose();
  };
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-label="Save as" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form className="modal" onSubmit={(e) => void submit(e)}>
        <h2>Save as</h2>
        <label>
          File name
          <input data-testid="save-as-name" autoFocus value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <p className={problem ? 'error' : 'muted'} data-testid="save-as-file">{problem ?? `Saves as ${fileName}`}</p>
        <div className="modal-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" disabled={problem !== null} title={problem ?? undefined} data-testid="save-as-confirm">Save</button>
        </div>
      </form>
    </div>
  );
}
