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
  /**
   * What to bring into view (a problem clicked in the list, an undo elsewhere): its
   * placements and the cooling zones it names, which the plan highlights; naming
   * neither (a hall's feed), the whole hall. A new selection ends it.
   */
  focus: { ids: string[]; zoneIds: string[]; at: number } | null;
  /** Nothing below the fleet: the inspector shows the fleet's settings. */
  selectFleet(): void;
  selectSite(siteId: string): void;
  selectHall(hallId: string): void;
  setSelection(ids: Iterable<string>): void;
  /** Opens a hall's plan with these placements selected and brought into view (a node of the single line clicked). */
  showOnPlan(hallId: string, ids: string[]): void;
  focusOn(violation: Violation): void;
  /** A document opened: the hall shown stays if it is still there (the same file reopened), else the first hall. */
  /** Shows the document opened: the hall shown if it still has it, else its first; `keepSelection` (the same document read again after a refused edit) keeps what is selected that still stands. */
  showOnOpen(doc: FleetDoc, opts?: { keepSelection: boolean }): void;
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
    set({ selection: new Set(ids), focus: null });
  },
  showOnPlan(hallId, ids) {
    get().selectHall(hallId);
    set({ selection: new Set(ids), focus: ids.length ? { ids, zoneIds: [], at: Date.now() } : null });
  },
  focusOn(violation) {
    const doc = get().document?.doc;
    if (!doc) return;
    // A rule about halls on their site (overlapping another, sticking out) opens the site plan.
    if (violation.siteId && ruleSpec(violation.rule).opens === 'site') {
      get().selectSite(violation.siteId);
      return;
    }
    const named = new Set(violation.objectIds);
    const placements = doc.placements.filter((p) => named.has(p.id)).map((p) => p.id);
    const zoneIds = doc.zones.filter((z) => named.has(z.id)).map((z) => z.id);
    const hallId = violation.hallId ?? get().selectedHallId;
    if (hallId && hallId !== get().selectedHallId) get().selectHall(hallId);
    set({ selection: new Set(placements), focus: { ids: placements, zoneIds, at: Date.now() } });
  },
  showOnOpen(doc, opts) {
    const { selectedHallId, selectedSiteId, selection } = get();
    const hallStillThere = doc.halls.some((h) => h.id === selectedHallId);
    // A hall shown that is still there stays shown; so, in the same document, does a site or the fleet (a plan the optimizer adds).
    const keep = !!opts?.keepSelection;
    const siteOrFleetStillThere = selectedHallId === null && (selectedSiteId === null || doc.sites.some((x) => x.id === selectedSiteId));
    const stays = hallStillThere || (keep && siteOrFleetStillThere);
    const firstHall = doc.halls[0] ?? null;
    set({
      selectedHallId: stays ? selectedHallId : (firstHall?.id ?? null),
      selectedSiteId: stays ? selectedSiteId : (firstHall?.siteId ?? doc.sites[0]?.id ?? null),
      selection: keep && hallStillThere ? new Set(doc.placements.filter((p) => selection.has(p.id)).map((p) => p.id)) : new Set<string>(),
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
      set({ selectedHallId: hall.id, selectedSiteId: hall.siteId, selection: new Set(ids), focus: ids.length ? { ids, zoneIds: [], at: Date.now() } : null });
    } else if (site) set({ selectedSiteId: site.id, selectedHallId: null, selection: new Set() });
    else if (hallGone || siteGone) set({ selectedSiteId: null, selectedHallId: null, selection: new Set() });
  },
});
