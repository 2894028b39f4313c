import { create } from 'zustand';

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
  setGridStep: (gridStepM) => set({ gridStepM: gridStepM > 0 ? gridStepM : 0.1 }),
  toggleSnap: () => set((s) => ({ snapOn: !s.snapOn })),
}));
