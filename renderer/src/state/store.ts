/**
 * The renderer's state: the open document as the backend last confirmed it (plus edits
 * applied optimistically with the same pure function the backend uses), the selection,
 * the undo history and the theme. Edits go to the backend one at a time so every one
 * carries the revision it was made against.
 */
import { create } from 'zustand';
import { applyCommand, type Change } from '../../../shared/commands/apply';
import type { Command } from '../../../shared/commands/schema';
import type { FleetDoc, Placement } from '../../../shared/model/schema';
import { LiveChecker, type CheckResult, type Violation } from '../../../shared/constraints';
import { api } from '../api/client';
import { whereChanged } from '../../../shared/commands/where-changed';
import { emptyHistory, record, type History } from './history';

export type Theme = 'light' | 'dark';

export interface DocumentState {
  doc: FleetDoc;
  path: string | null;
  title: string;
  dirty: boolean;
  revision: number;
  /** Which opening of a document this is (see the document channels): the undo history belongs to one. */
  openedRevision: number;
}

interface Snapshot extends DocumentState {
  notice?: string;
}

export interface FleetState {
  status: 'loading' | 'ready' | 'failed';
  document: DocumentState | null;
  selectedSiteId: string | null;
  selectedHallId: string | null;
  selection: ReadonlySet<string>;
  history: History;
  /** The live constraint check of `document.doc`. */
  checks: CheckResult;
  /** Placements to bring into view (a problem clicked in the list). */
  focus: { ids: string[]; at: number } | null;
  /** `aboutEdit`: it reports what the last edit did, so undoing or redoing takes it away. */
  message: { kind: 'error' | 'info'; text: string; aboutEdit?: boolean } | null;
  theme: Theme;
  load(): Promise<void>;
  adopt(snapshot: Snapshot | { cancelled: true }): void;
  apply(command: Command, label: string): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  selectSite(siteId: string): void;
  /** Nothing below the fleet: the inspector shows the fleet's settings. */
  selectFleet(): void;
  selectHall(hallId: string): void;
  setSelection(ids: Iterable<string>): void;
  /** The violations an edit would add, without making it. */
  preview(command: Command): Violation[];
  focusOn(violation: Violation): void;
  say(kind: 'error' | 'info', text: string, opts?: { aboutEdit?: boolean }): void;
  dismissMessage(): void;
  toggleTheme(): void;
}

const THEME_KEY = 'fleet-planner.theme';

function initialTheme(): Theme {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Edits reach the backend in order; each waits for the revision the previous one produced. */
let sending: Promise<unknown> = Promise.resolve();
let checker: LiveChecker | null = null;
/** Placements by id of the document last looked up, so a drag does not rebuild the map each frame. */
let placementIndex: { doc: FleetDoc; byId: Map<string, Placement> } | null = null;

function selectedPlacements(doc: FleetDoc, ids: Map<string, unknown>): Placement[] {
  if (placementIndex?.doc !== doc) placementIndex = { doc, byId: new Map(doc.placements.map((p) => [p.id, p])) };
  const index = placementIndex.byId;
  return [...ids.keys()].map((id) => index.get(id)).filter((p): p is Placement => p !== undefined);
}
const NO_CHECKS: CheckResult = { violations: [], headroom: [] };

export const useFleet = create<FleetState>((set, get) => {
  const send = (command: Command): Promise<boolean> => {
    const next = sending.then(async () => {
      const current = get().document;
      if (!current) return false;
      try {
        const result = await api.invoke('document.apply', { command, baseRevision: current.revision });
        const latest = get().document;
        if (latest) set({ document: { ...latest, revision: result.revision, dirty: result.dirty } });
        return true;
      } catch (error) {
        // The backend refused: take its document back so the screen shows what is stored.
        get().say('error', (error as Error).message);
        const snapshot = await api.invoke('document.current', {});
        get().adopt(snapshot);
        return false;
      }
    });
    sending = next;
    return next;
  };

  /** Applies locally at once and sends; returns the inverse, or null when the edit does not fit. */
  const applyLocally = (command: Command): { inverse: Command; before: FleetDoc; changes: Change[] } | null => {
    const current = get().document;
    if (!current) return null;
    try {
      const applied = applyCommand(current.doc, command);
      const checks = checker ? checker.update(applied.doc, applied.changes) : NO_CHECKS;
      set({ document: { ...current, doc: applied.doc, dirty: true }, checks });
      return { inverse: applied.inverse, before: current.doc, changes: applied.changes };
    } catch (error) {
      get().say('error', (error as Error).message);
      return null;
    }
  };

  /**
   * An undo or redo of an edit made in another hall or site goes there and selects what it
   * brought back, so the user sees what changed rather than nothing; one that takes away
   * the hall or site shown (undoing its addition) goes to what is left around it.
   */
  const showChange = ({ before, changes }: { before: FleetDoc; changes: Change[] }) => {
    const { hallIds, siteIds, placementIds } = whereChanged(before, changes);
    const { selectedHallId, selectedSiteId, document } = get();
    const doc = document?.doc;
    if (!doc) return;
    const hallGone = selectedHallId !== null && !doc.halls.some((h) => h.id === selectedHallId);
    const siteGone = selectedSiteId !== null && !doc.sites.some((x) => x.id === selectedSiteId);
    const shownHere = selectedHallId ? hallIds.includes(selectedHallId) : selectedSiteId !== null && siteIds.includes(selectedSiteId);
    if (shownHere && !hallGone && !siteGone) return;
    const hall = doc.halls.find((h) => hallIds.includes(h.id));
    const site = doc.sites.find((x) => siteIds.includes(x.id));
    if (hall) {
      const inHall = new Set(doc.placements.filter((p) => p.hallId === hall.id).map((p) => p.id));
      const ids = placementIds.filter((id) => inHall.has(id));
      set({ selectedHallId: hall.id, selectedSiteId: hall.siteId, selection: new Set(ids), focus: ids.length ? { ids, at: Date.now() } : null });
    } else if (site) set({ selectedSiteId: site.id, selectedHallId: null, selection: new Set() });
    else if (hallGone || siteGone) set({ selectedSiteId: null, selectedHallId: null, selection: new Set() });
  };

  return {
    status: 'loading',
    document: null,
    selectedSiteId: null,
    selectedHallId: null,
    selection: new Set(),
    history: emptyHistory,
    checks: NO_CHECKS,
    focus: null,
    message: null,
    theme: initialTheme(),

    async load() {
      try {
        get().adopt(await api.invoke('document.current', {}));
        api.on('document.changed', (payload) => {
          const info = payload as { path: string | null; title: string; dirty: boolean };
          const current = get().document;
          if (current) set({ document: { ...current, path: info.path, title: info.title, dirty: info.dirty } });
        });
        api.on('document.notice', (payload) => get().say('info', (payload as { text: string }).text));
      } catch (error) {
        set({ status: 'failed', message: { kind: 'error', text: (error as Error).message } });
      }
    },

    adopt(snapshot) {
      if ('cancelled' in snapshot) return;
      const { notice, ...document } = snapshot;
      const previous = get();
      const sameDoc = previous.document?.openedRevision === document.openedRevision;
      const hallStillThere = document.doc.halls.some((h) => h.id === previous.selectedHallId);
      const firstHall = document.doc.halls[0] ?? null;
      checker = new LiveChecker(document.doc);
      set({
        status: 'ready',
        document,
        checks: checker.result(),
        history: sameDoc ? previous.history : emptyHistory,
        selectedHallId: hallStillThere ? previous.selectedHallId : (firstHall?.id ?? null),
        selectedSiteId: hallStillThere ? previous.selectedSiteId : (firstHall?.siteId ?? document.doc.sites[0]?.id ?? null),
        selection: new Set(),
        // What was said about another document ("Plan applied…") does not hold for this one.
        ...(notice ? { message: { kind: 'info' as const, text: notice } } : sameDoc ? {} : { message: null }),
      });
    },

    async apply(command, label) {
      const applied = applyLocally(command);
      if (!applied) return false;
      const step = { label, forward: command, inverse: applied.inverse };
      set({ history: record(get().history, step) });
      const stored = await send(command);
      // Refused by the backend, the edit never happened: nothing is left to undo.
      const { undo, redo } = get().history;
      if (!stored && undo.at(-1) === step) set({ history: { undo: undo.slice(0, -1), redo } });
      return stored;
    },

    async undo() {
      const { undo, redo } = get().history;
      const step = undo[undo.length - 1];
      if (!step) return;
      const applied = applyLocally(step.inverse);
      if (!applied) return;
      // What the undone edit reported ("Plan applied…") no longer holds.
      set({ history: { undo: undo.slice(0, -1), redo: [...redo, step] }, ...(get().message?.aboutEdit ? { message: null } : {}) });
      showChange(applied);
      await send(step.inverse);
    },

    async redo() {
      const { undo, redo } = get().history;
      const step = redo[redo.length - 1];
      if (!step) return;
      const applied = applyLocally(step.forward);
      if (!applied) return;
      set({ history: { undo: [...undo, step], redo: redo.slice(0, -1) }, ...(get().message?.aboutEdit ? { message: null } : {}) });
      showChange(applied);
      await send(step.forward);
    },

    selectFleet() {
      set({ selectedSiteId: null, selectedHallId: null, selection: new Set() });
    },
    selectSite(siteId) {
      set({ selectedSiteId: siteId, selectedHallId: null, selection: new Set() });
    },
    selectHall(hallId) {
      const hall = get().document?.doc.halls.find((h) => h.id === hallId);
      set({ selectedHallId: hallId, selectedSiteId: hall?.siteId ?? null, selection: new Set() });
    },
    setSelection(ids) {
      set({ selection: new Set(ids) });
    },
    preview(command) {
      const current = get().document;
      if (!current || !checker) return [];
      try {
        if (command.type === 'move') {
          // A drag asks this every frame: hand the checker the moved objects alone, without
          // copying the document (which costs milliseconds at tens of thousands of objects).
          const byId = new Map(command.moves.map((m) => [m.id, m]));
          const moved = selectedPlacements(current.doc, byId);
          return checker.preview(
            current.doc,
            moved.map((p) => ({ table: 'placements', id: p.id, op: 'upsert', entity: { ...p, ...byId.get(p.id)! } })),
            moved.map((p) => ({ table: 'placements', id: p.id, op: 'upsert', entity: p })),
          );
        }
        const applied = applyCommand(current.doc, command);
        return checker.preview(current.doc, applied.changes, applyCommand(applied.doc, applied.inverse).changes, applied.doc);
      } catch {
        return [];
      }
    },
    focusOn(violation) {
      const doc = get().document?.doc;
      if (!doc) return;
      // A hall placed wrong on its site (overlapping another, sticking out) shows on the site plan.
      if (violation.siteId && (violation.rule === 'halls-overlap' || violation.rule === 'hall-outside-site')) {
        get().selectSite(violation.siteId);
        return;
      }
      const placements = violation.objectIds.filter((id) => doc.placements.some((p) => p.id === id));
      const hallId = violation.hallId ?? get().selectedHallId;
      if (hallId && hallId !== get().selectedHallId) get().selectHall(hallId);
      set({ selection: new Set(placements), focus: placements.length ? { ids: placements, at: Date.now() } : null });
    },
    say(kind, text, opts) {
      set({ message: { kind, text, aboutEdit: opts?.aboutEdit } });
    },
    dismissMessage() {
      set({ message: null });
    },
    toggleTheme() {
      const theme: Theme = get().theme === 'dark' ? 'light' : 'dark';
      localStorage.setItem(THEME_KEY, theme);
      set({ theme });
    },
  };
});
