import { create } from 'zustand';

/** A snapping step finer than a centimetre or coarser than 10 m helps no layout. */
export const GRID_STEP_MIN_M = 0.01;
export const GRID_STEP_MAX_M = 10;

/** Editor preferences that are not part of the document. */
interface LayoutSettings {
  gridStepM: number;
  snapOn: boolean;
  setGridStep(m: number): void;
  toggleSnap(): void;
}

export const useLayoutSettings = create<LayoutSettings>((set) => ({
  gridStepM: 0.6, // one raised-floor tile: racks and aisles line up on it
  snapOn: true,
  setGridStep: (gridStepM) => set({ gridStepM }),
  toggleSnap: () => set((s) => ({ snapOn: !s.snapOn })),
}));
