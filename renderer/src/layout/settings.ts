import { create } from 'zustand';
import { displayUnit, type UnitSystem } from '../../../shared/units';

/** A snapping step finer than a centimetre or coarser than 10 m helps no layout. */
export const GRID_STEP_MIN_M = 0.01;
export const GRID_STEP_MAX_M = 10;

/** Editor preferences that are not part of the document. */
interface LayoutSettings {
  gridStepM: number;
  snapOn: boolean;
  /** The unit system the step was last made round in; the user's own step is left alone until the units change. */
  roundedFor: UnitSystem | null;
  setGridStep(m: number): void;
  /** The step to a round one in these units, once per change of units: 0.6 m becomes 2 ft (not 1.969 ft), and 2 ft 0.6 m. */
  roundTo(units: UnitSystem): void;
  toggleSnap(): void;
}

export const useLayoutSettings = create<LayoutSettings>((set, get) => ({
  gridStepM: 0.6, // one raised-floor tile: racks and aisles line up on it
  snapOn: true,
  roundedFor: null,
  setGridStep: (gridStepM) => set({ gridStepM }),
  roundTo: (units) => {
    const { gridStepM, roundedFor } = get();
    if (roundedFor === units) return;
    const unit = displayUnit(units, 'length');
    const round = units === 'us' ? 0.25 : 0.05;
    set({ gridStepM: unit.toStored(Math.max(round, Math.round(unit.fromStored(gridStepM) / round) * round)), roundedFor: units });
  },
  toggleSnap: () => set((s) => ({ snapOn: !s.snapOn })),
}));
