/**
 * What is shown and selected: the site or hall open, the equipment picked on its plan,
 * and what to bring into view (a problem clicked in the list, an undo elsewhere).
 */
import type { StateCreator } from 'zustand';
import type { Change } from '../../../../shared/commands/apply';
import { whereChanged } from '../../../../shared/commands/where-changed';
import type { FleetDoc } from '../../../../shared/model/schema';
import { ruleSpec, type Violation } from '../../../../shared/constraints';
import type { FleetState } from '../store';

export interface SelectionSlice {
  selectedSiteId: string | null;
  selectedHallId: string | null;
  selection: ReadonlySet<string>;
  /** Placements to bring into view (a problem clicked in the list). */
  focus: { ids: string[]; at: number } | null;
  /** Nothing below the fleet: the inspector shows the fleet's settings. */
  selectFleet(): void;
  selectSite(siteId: string): void;
  selectHall(hallId: string): void;
  setSelection(ids: Iterable<string>): void;
  focusOn(violation: Violation): void;
  /** A document opened: the hall shown stays if it is still there (the same file reopened), else the first hall. */
  showOnOpen(doc: FleetDoc): void;
  /**
   * After an undo or redo: an edit made in another hall or site goes there and selects
   * what it brought back, so the user sees what changed rather than nothing; one that
   * takes away the hall or site shown goes to what is left around it.
   */
  showChange(change: { before: FleetDoc; changes: Change[] }): void;
}

export const selectionSlice: StateCreator<FleetState, [], [], SelectionSlice> = (set, get) => ({
  selectedSiteId: null,
  selectedHallId: null,
  selection: new Set(),
  focus: null,
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
  focusOn(violation) {
    const doc = get().document?.doc;
    if (!doc) return;
    // A rule about halls on their site (overlapping another, sticking out) opens the site plan.
    if (violation.siteId && ruleSpec(violation.rule).opens === 'site') {
      get().selectSite(violation.siteId);
      return;
    }
    const placements = violation.objectIds.filter((id) => doc.placements.some((p) => p.id === id));
    const hallId = violation.hallId ?? get().selectedHallId;
    if (hallId && hallId !== get().selectedHallId) get().selectHall(hallId);
    set({ selection: new Set(placements), focus: placements.length ? { ids: placements, at: Date.now() } : null });
  },
  showOnOpen(doc) {
    const { selectedHallId, selectedSiteId } = get();
    const hallStillThere = doc.halls.some((h) => h.id === selectedHallId);
    const firstHall = doc.halls[0] ?? null;
    set({
      selectedHallId: hallStillThere ? selectedHallId : (firstHall?.id ?? null),
      selectedSiteId: hallStillThere ? selectedSiteId : (firstHall?.siteId ?? doc.sites[0]?.id ?? null),
      selection: new Set(),
    });
  },
  showChange({ before, changes }) {
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
  },
});
