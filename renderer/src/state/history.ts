import type { Command } from '../../../shared/commands/schema';

/** One undoable step: the command as done and the command that undoes it. */
export interface Step {
  label: string;
  forward: Command;
  inverse: Command;
}

export interface History {
  undo: Step[];
  redo: Step[];
}

export const emptyHistory: History = { undo: [], redo: [] };

const LIMIT = 500;

export function record(history: History, step: Step): History {
  return { undo: [...history.undo.slice(-(LIMIT - 1)), step], redo: [] };
}
