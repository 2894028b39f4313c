/**
 * The optimizer's run as the backend reports it: its progress while it searches, then its
 * answer or why there is none. It lives here, not in the panel, so a panel drawn again
 * (the planner back from the print preview) shows the run as it stands. A run belongs to
 * the opening of the document it was asked for: another document opened cancels it, and
 * nothing it answers after that is shown for the new one.
 */
import type { StateCreator } from 'zustand';
import type { Request, Response } from '../../../../shared/ipc/contract';
import type { OptimizerProgress } from '../../../../shared/ipc/channels/optimizer';
import { describeSearch } from '../../../../shared/optimizer/describe';
import { api } from '../../api/client';
import type { FleetState } from '../store';

export type RunAnswer = Response<'optimizer.run'>;

export interface OptimizerRun {
  /** Tells this run from the next, whose answers must not be taken for its own. */
  id: number;
  running: boolean;
  startedAtMs: number;
  /** The solver's phase and, once it searches, its best plan and gap so far. */
  progress: string;
  /** Stop was accepted: the search ends at its next checkpoint with its best plan. */
  stopping: boolean;
  /** The search has a plan to keep: until then Stop could only end it with nothing (Cancel does that). */
  hasPlan: boolean;
  answer: RunAnswer | null;
  error: string | null;
  /** Cancelled with no answer of its own to bring back: the document's last saved plan shows again. */
  showSaved: boolean;
}

export interface OptimizerRunSlice {
  /** The last run asked for in the document on screen; null before one. */
  optimizerRun: OptimizerRun | null;
  /** Runs the optimizer on the document on screen, unless a run is going. */
  runOptimizer(options: Omit<Request<'optimizer.run'>, 'openedRevision'>): Promise<void>;
  stopOptimizer(): Promise<void>;
  cancelOptimizer(): Promise<void>;
  /** Another document opened: a run going for the one before is cancelled, and its state goes. */
  forgetOptimizerRun(): void;
}

const CANCELLED = 'Cancelled';

/** The progress line: the phase, and the search's standing once it has one. */
function describeProgress({ phase, ...search }: OptimizerProgress): string {
  const searching = search.bestNpvUsd !== undefined || search.boundNpvUsd !== undefined;
  return `${phase}${searching ? `: ${describeSearch(search)}` : ''}`;
}

export const optimizerRunSlice: StateCreator<FleetState, [], [], OptimizerRunSlice> = (set, get) => {
  let runs = 0;
  /** Changes run `id`'s state, unless another run or document has taken its place. */
  const update = (id: number, change: (run: OptimizerRun) => Partial<OptimizerRun>): void => {
    const run = get().optimizerRun;
    if (run?.id === id) set({ optimizerRun: { ...run, ...change(run) } });
  };
  /** Asks the backend something about the run on screen; a refusal is said with it. */
  const ask = async (id: number, request: () => Promise<void>): Promise<void> => {
    try {
      await request();
    } catch (error) {
      update(id, () => ({ error: (error as Error).message }));
    }
  };
  return {
    optimizerRun: null,

    async runOptimizer(options) {
      const document = get().document;
      if (!document || get().optimizerRun?.running) return;
      const previous = get().optimizerRun?.answer ?? null;
      const hasSavedPlan = document.doc.plans.length > 0;
      const id = ++runs;
      // The previous answer goes, so an error or a new plan is never read against it.
      set({
        optimizerRun: { id, running: true, startedAtMs: Date.now(), progress: 'starting', stopping: false, hasPlan: false, answer: null, error: null, showSaved: false },
      });
      const unsubscribe = api.on('optimizer.progress', (progress) =>
        update(id, (run) => ({ progress: describeProgress(progress), hasPlan: run.hasPlan || (progress.bestNpvUsd ?? null) !== null })),
      );
      try {
        const answer = await api.invoke('optimizer.run', { ...options, openedRevision: document.openedRevision });
        update(id, () => ({ answer }));
        // The plan is now part of the document: take the backend's copy and revision.
        get().adopt(await api.invoke('document.current', {}));
      } catch (error) {
        const cancelled = (error as Error).message === CANCELLED;
        update(id, () => ({
          // A run the user cancelled changed nothing: the answer it would have replaced comes back.
          answer: cancelled ? previous : null,
          showSaved: cancelled && !previous,
          error: cancelled && (previous || hasSavedPlan) ? "Cancelled: the plan below is the previous run's" : (error as Error).message,
        }));
      } finally {
        unsubscribe();
        update(id, () => ({ running: false, progress: '' }));
      }
    },

    async stopOptimizer() {
      const run = get().optimizerRun;
      if (!run?.running) return;
      await ask(run.id, async () => {
        if ((await api.invoke('optimizer.stop', {})).stopping) update(run.id, () => ({ stopping: true }));
      });
    },

    async cancelOptimizer() {
      const run = get().optimizerRun;
      // The run's own answer, Cancelled, says the rest.
      if (run?.running) await ask(run.id, async () => void (await api.invoke('optimizer.cancel', {})));
    },

    forgetOptimizerRun() {
      if (get().optimizerRun?.running) void get().cancelOptimizer();
      set({ optimizerRun: null });
    },
  };
};
