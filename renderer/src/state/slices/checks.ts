/**
 * The live constraint check of the open document: one incremental checker per store,
 * updated with each edit's changes, and asked what an edit would break before it is made.
 */
import type { StateCreator } from 'zustand';
import { applyCommand, type Change } from '../../../../shared/commands/apply';
import type { Command } from '../../../../shared/commands/schema';
import type { FleetDoc, Placement } from '../../../../shared/model/schema';
import { LiveChecker, type CheckResult, type Violation } from '../../../../shared/constraints';
import type { FleetState } from '../store';

export interface ChecksSlice {
  /** The live constraint check of `document.doc`. */
  checks: CheckResult;
  /** True from a document's opening until its first check is done (`checks` says nothing yet). */
  checking: boolean;
  /** Checks a document afresh, now. */
  checkAfresh(doc: FleetDoc): void;
  /**
   * Checks a document just opened once the screen has drawn it: building the live checker
   * takes a third of a second at 100,000 placements, more than everything else the renderer
   * does to show them. An edit or a preview before then checks at once.
   */
  checkOnceDrawn(doc: FleetDoc): void;
  /** Checks what an edit changed; `doc` is the document after it. */
  recheck(doc: FleetDoc, changes: Change[]): void;
  /** The violations an edit would add, without making it. */
  preview(command: Command): Violation[];
  /** What the drag under way would break if dropped where it is (empty: nothing, or no drag). */
  dropWouldBreak: readonly Violation[];
  showDropPreview(violations: readonly Violation[]): void;
}

export const NO_CHECKS: CheckResult = { violations: [], headroom: [] };

/** Runs `work` after the next frame is painted (in a browser), or soon (elsewhere). */
function afterNextPaint(work: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(work, 0));
  else setTimeout(work, 0);
}

export const checksSlice: StateCreator<FleetState, [], [], ChecksSlice> = (set, get) => {
  let checker: LiveChecker | null = null;
  /** A document opened and not checked yet. */
  let unchecked: FleetDoc | null = null;
  /** Placements by id of the document last looked up, so a drag does not rebuild the map each frame. */
  let placementIndex: { doc: FleetDoc; byId: Map<string, Placement> } | null = null;
  const placementsOf = (doc: FleetDoc, ids: Iterable<string>): Placement[] => {
    if (placementIndex?.doc !== doc) placementIndex = { doc, byId: new Map(doc.placements.map((p) => [p.id, p])) };
    const index = placementIndex.byId;
    return [...ids].map((id) => index.get(id)).filter((p): p is Placement => p !== undefined);
  };

  return {
    checks: NO_CHECKS,
    dropWouldBreak: [],
    showDropPreview(violations) {
      if (violations.length || get().dropWouldBreak.length) set({ dropWouldBreak: violations });
    },
    checking: false,
    checkAfresh(doc) {
      unchecked = null;
      checker = new LiveChecker(doc);
      set({ checks: checker.result(), checking: false });
    },
    checkOnceDrawn(doc) {
      checker = null;
      unchecked = doc;
      set({ checks: NO_CHECKS, checking: true });
      afterNextPaint(() => {
        if (unchecked === doc) get().checkAfresh(doc);
      });
    },
    recheck(doc, changes) {
      if (unchecked) get().checkAfresh(doc);
      else if (checker) set({ checks: checker.update(doc, changes) });
    },
    preview(command) {
      const current = get().document;
      if (current && unchecked) get().checkAfresh(current.doc);
      if (!current || !checker) return [];
      try {
        if (command.type === 'move') {
          // A drag asks this every frame: hand the checker the moved objects alone, without
          // copying the document (which costs milliseconds at tens of thousands of objects).
          const byId = new Map(command.moves.map((m) => [m.id, m]));
          const moved = placementsOf(current.doc, byId.keys());
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
  };
};
