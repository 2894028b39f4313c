/**
 * Which side panels are open: the fleet tree and catalog on the left, the inspector,
 * headroom and problems on the right. Closing one gives the plan its room on a small
 * screen; the choice is the user's, kept between sessions on this machine.
 */
import { create } from 'zustand';

interface Panels {
  leftOpen: boolean;
  rightOpen: boolean;
  toggleLeft(): void;
  toggleRight(): void;
}

const KEY = 'fleet-planner:panels';

function saved(): Pick<Panels, 'leftOpen' | 'rightOpen'> {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Panels>;
    return { leftOpen: parsed.leftOpen !== false, rightOpen: parsed.rightOpen !== false };
  } catch {
    // Storage unreadable or damaged: both open, as on a first run.
    return { leftOpen: true, rightOpen: true };
  }
}

export const usePanels = create<Panels>((set, get) => {
  const keep = (next: Pick<Panels, 'leftOpen' | 'rightOpen'>) => {
    set(next);
    try {
      localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // Not kept across sessions; the panels still open and close.
    }
  };
  return {
    ...saved(),
    toggleLeft: () => keep({ leftOpen: !get().leftOpen, rightOpen: get().rightOpen }),
    toggleRight: () => keep({ leftOpen: get().leftOpen, rightOpen: !get().rightOpen }),
  };
});
