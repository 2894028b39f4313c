/** Undo and redo: every edit is one step, its command and the command that undoes it. */
import type { StateCreator } from 'zustand';
import type { Command } from '../../../../shared/commands/schema';
import { emptyHistory, record, type History } from '../history';
import type { FleetState } from '../store';

export interface HistorySlice {
  history: History;
  /** Makes an edit as one undo step; false when it did not fit or the backend refused it (then nothing is left to undo). */
  apply(command: Command, label: string): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Another document opened: its history starts empty. */
  forgetHistory(): void;
}

export const historySlice: StateCreator<FleetState, [], [], HistorySlice> = (set, get) => {
  /** Takes a step from one stack to the other, applying `command`, and shows what it changed. */
  const replay = async (command: Command, stacks: (h: History) => History): Promise<void> => {
    const applied = get().applyLocally(command);
    if (!applied) return;
    set({ history: stacks(get().history) });
    get().forgetEditMessage();
    get().showChange(applied);
    await get().sendEdit(command);
  };
  return {
    history: emptyHistory,
    async apply(command, label) {
      // What was said of the edit before (a refusal) does not hold once another is made.
      get().forgetEditMessage();
      const applied = get().applyLocally(command);
      if (!applied) return false;
      const step = { label, forward: command, inverse: applied.inverse };
      set({ history: record(get().history, step) });
      const stored = await get().sendEdit(command);
      const { undo, redo } = get().history;
      if (!stored && undo.at(-1) === step) set({ history: { undo: undo.slice(0, -1), redo } });
      return stored;
    },
    async undo() {
      const step = get().history.undo.at(-1);
      if (step) await replay(step.inverse, ({ undo, redo }) => ({ undo: undo.slice(0, -1), redo: [...redo, step] }));
    },
    async redo() {
      const step = get().history.redo.at(-1);
      if (step) await replay(step.forward, ({ undo, redo }) => ({ undo: [...undo, step], redo: redo.slice(0, -1) }));
    },
    forgetHistory() {
      set({ history: emptyHistory });
    },
  };
};
