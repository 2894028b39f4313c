/**
 * The open document as the backend last confirmed it, plus edits applied at once with
 * the same pure function the backend uses. Edits go to the backend one at a time, so
 * each carries the revision it was made against; one the backend refuses takes the
 * backend's document back, so the screen shows what is stored.
 */
import type { StateCreator } from 'zustand';
import { applyCommand, type Change } from '../../../../shared/commands/apply';
import type { Command } from '../../../../shared/commands/schema';
import type { FleetDoc } from '../../../../shared/model/schema';
import { fromWireDoc } from '../../../../shared/ipc/placement-columns';
import type { Response } from '../../../../shared/ipc/contract';
import { api } from '../../api/client';
import type { FleetState } from '../store';

export interface DocumentState {
  doc: FleetDoc;
  path: string | null;
  title: string;
  dirty: boolean;
  revision: number;
  /** Which opening of a document this is (see the document channels): the undo history belongs to one. */
  openedRevision: number;
}

/** A snapshot as the backend sends it: the placements as columns. */
export type Snapshot = Response<'document.current'>;

/** An edit applied here: what undoes it, and what it changed from what. */
export interface LocalEdit {
  inverse: Command;
  before: FleetDoc;
  changes: Change[];
}

export interface DocumentSlice {
  status: 'loading' | 'ready' | 'failed';
  document: DocumentState | null;
  /** Opens what the backend has open, and follows its changes of path, title and saved state. */
  load(): Promise<void>;
  adopt(snapshot: Snapshot | { cancelled: true }): void;
  /** Applies an edit here at once, checks included; null when it does not fit (said why). */
  applyLocally(command: Command): LocalEdit | null;
  /** Sends an edit after those before it; false when the backend refused it. */
  sendEdit(command: Command): Promise<boolean>;
}

export const documentSlice: StateCreator<FleetState, [], [], DocumentSlice> = (set, get) => {
  let sending: Promise<unknown> = Promise.resolve();
  return {
    status: 'loading',
    document: null,

    async load() {
      try {
        get().adopt(await api.invoke('document.current', {}));
        api.on('document.changed', (info) => {
          const current = get().document;
          if (current) set({ document: { ...current, path: info.path, title: info.title, dirty: info.dirty } });
        });
        api.on('document.notice', ({ text }) => get().say('info', text));
      } catch (error) {
        set({ status: 'failed' });
        get().say('error', (error as Error).message);
      }
    },

    adopt(snapshot) {
      if ('cancelled' in snapshot) return;
      const { notice, doc: wire, ...info } = snapshot;
      const document: DocumentState = { ...info, doc: fromWireDoc(wire) };
      const sameDoc = get().document?.openedRevision === document.openedRevision;
      get().checkOnceDrawn(document.doc);
      if (!sameDoc) {
        get().forgetHistory();
        get().forgetOptimizerRun();
      }
      get().showOnOpen(document.doc, { keepSelection: sameDoc });
      set({ status: 'ready', document });
      // What was said about another document ("Plan applied…") does not hold for this one.
      if (notice) get().say('info', notice);
      else if (!sameDoc) get().dismissMessage();
    },

    applyLocally(command) {
      const current = get().document;
      if (!current) return null;
      try {
        const applied = applyCommand(current.doc, command);
        get().recheck(applied.doc, applied.changes);
        set({ document: { ...current, doc: applied.doc, dirty: true } });
        return { inverse: applied.inverse, before: current.doc, changes: applied.changes };
      } catch (error) {
        // Said of this edit, as the backend's refusals are: the next edit, an undo or a redo takes it away.
        get().say('error', (error as Error).message, { aboutEdit: true });
        return null;
      }
    },

    sendEdit(command) {
      const next = sending.then(async () => {
        const current = get().document;
        if (!current) return false;
        try {
          const result = await api.invoke('document.apply', { command, baseRevision: current.revision });
          const latest = get().document;
          if (latest) set({ document: { ...latest, revision: result.revision, dirty: result.dirty } });
          return true;
        } catch (error) {
          get().adopt(await api.invoke('document.current', {}));
          // Said of this edit: the next edit, an undo or a redo takes it away.
          get().say('error', (error as Error).message, { aboutEdit: true });
          return false;
        }
      });
      sending = next;
      return next;
    },
  };
};
