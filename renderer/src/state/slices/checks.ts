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
  /** Checks a document afresh: one just opened. */
  checkAfresh(doc: FleetDoc): void;
  /** Checks what an edit changed; `doc` is the document after it. */
  recheck(doc: FleetDoc, changes: Change[]): void;
  /** The violations an edit would add, without making it. */
  preview(command: Command): Violation[];
}

export const NO_CHECKS: CheckResult = { violations: [], headroom: [] };

export const checksSlice: StateCreator<FleetState, [], [], ChecksSlice> = (set, get) => {
  let checker: LiveChecker | null = null;
  /** Placements by id of the document last looked up, so a drag does not rebuild the map each frame. */
  let placementIndex: { doc: FleetDoc; byId: Map<string, Placement> } | null = null;
  const placementsOf = (doc: FleetDoc, ids: Iterable<string>): Placement[] => {
    if (placementIndex?.doc !== doc) placementIndex = { doc, byId: new Map(doc.placements.map((p) => [p.id, p])) };
    const index = placementIndex.byId;
    return [...ids].map((id) => index.get(id)).filter((p): p is Placement => p !== undefined);
  };

  return {
    checks: NO_CHECKS,
    checkAfresh(doc) {
      checker = new LiveChecker(doc);
      set({ checks: checker.result() });
    },
    recheck(doc, changes) {
      if (checker) set({ checks: checker.update(doc, changes) });
    },
    preview(command) {
      const current = get().document;
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
