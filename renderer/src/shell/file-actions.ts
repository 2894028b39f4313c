/**
 * File actions shared by the toolbar, the keyboard shortcuts and (in Electron) the
 * native menu. In the browser build the renderer supplies paths itself because the
 * backend has no native dialog to show there.
 */
import { api } from '../api/client';
import { useFleet } from '../state/store';
import { describeLimitCount } from '../../../shared/constraints';

async function run<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    useFleet.getState().say('error', (error as Error).message);
    return null;
  }
}

function confirmDiscard(): boolean {
  const doc = useFleet.getState().document;
  return !doc?.dirty || window.confirm(`"${doc.title}" has unsaved changes. Discard them?`);
}

export async function newDocument(sample?: string): Promise<void> {
  if (!confirmDiscard()) return;
  const snapshot = await run(() => api.invoke('document.new', sample ? { sample } : {}));
  if (snapshot) useFleet.getState().adopt(snapshot);
}

export async function openDocument(path?: string): Promise<void> {
  if (!confirmDiscard()) return;
  const snapshot = await run(() => api.invoke('document.open', path ? { path } : {}));
  if (snapshot) useFleet.getState().adopt(snapshot);
}

/** Opens a recoverable session; the open document's unsaved work is set aside by the backend, not lost. */
export async function recoverSession(id: string): Promise<void> {
  const snapshot = await run(() => api.invoke('document.recover', { id }));
  if (snapshot) useFleet.getState().adopt(snapshot);
}

export async function discardRecovery(id: string, title: string): Promise<void> {
  if (!window.confirm(`Discard the unsaved changes to "${title}"? They cannot be recovered afterwards.`)) return;
  await run(() => api.invoke('document.discardRecovery', { id }));
}

type SaveResult = Awaited<ReturnType<typeof api.invoke<'document.save'>>>;

function saved(result: SaveResult | null): boolean {
  if (!result || 'cancelled' in result) return false;
  const broken = result.limits ? describeLimitCount(result.limits) : null;
  useFleet.getState().say('info', `Saved ${result.path ?? result.title}${broken ? `, with ${broken} still open` : ''}`);
  return true;
}

export async function saveDocument(): Promise<boolean> {
  return saved(await run(() => api.invoke('document.save', {})));
}

export async function saveDocumentAs(path?: string): Promise<boolean> {
  return saved(await run(() => api.invoke('document.saveAs', path ? { path } : {})));
}

/** The documents folder of the browser build, where its Save As writes, and the files already in it. */
export async function documentsFolder(): Promise<{ dir: string; files: { name: string }[] } | null> {
  return (await run(() => api.invoke('files.list', {}))) ?? null;
}
