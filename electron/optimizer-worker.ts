/**
 * The optimizer's worker thread: one long-lived HiGHS instance, warmed up at start by
 * solving the sample campus, solving one run at a time off the main thread.
 * While HiGHS runs, this thread takes no messages; a request to stop with the best plan
 * so far comes through shared memory, which the solver reads at its checkpoints.
 * It computes the sites' bound on a thread of its own, beside the search: that thread is
 * this file again, started with `siteBounds`.
 * Started to write an LP file instead, it only measures a fresh solver's memory (for the size
 * guard a run applies), writes that one file and is done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FleetDoc } from '../shared/model/schema';
import type { Objective } from '../shared/optimizer/model';
import { sampleCampus } from '../shared/samples';
import { lpFileOf, runOptimizer, type RunOptions, type SearchProgress } from '../shared/optimizer/run';
import { freshSolverMemory, loadHighs, SolverLostError } from './backend/optimizer/highs-solver';
import { serveSiteBounds, siteBoundThread, type SiteBoundThreadData } from './backend/optimizer/site-bound-thread';

export type WorkerRequest = { type: 'solve'; doc: FleetDoc; options: RunOptions } | { type: 'crash' } | { type: 'close' };
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'progress'; phase: string; search?: SearchProgress }
  | { type: 'result'; result: ReturnType<typeof runOptimizer> }
  | { type: 'lp'; text: string }
  | { type: 'error'; message: string; /** This worker's solver is lost and it is ending: the next run needs a new one. */ lost?: boolean };

/**
 * Given by the service. A solver's stop flag: its first cell is set to 1 to ask the
 * running search to stop. Or the one LP file to write. Or, given by a solver's worker,
 * where its sites' bounds go.
 */
export type WorkerData = { stopFlag: Int32Array } | { writeLp: { doc: FleetDoc; objective: Objective } } | { siteBounds: SiteBoundThreadData };

/** The warm-up may take at most this long. */
const WARM_UP_LIMIT_S = 10;

const port = parentPort!;
const data = workerData as WorkerData;
const errorReply = (error: unknown): Extract<WorkerReply, { type: 'error' }> => ({ type: 'error', message: error instanceof Error ? error.message : String(error) });

if ('writeLp' in data) {
  void writeLpFile(data.writeLp.doc, data.writeLp.objective);
} else if ('siteBounds' in data) {
  serveSiteBounds(port, data.siteBounds);
} else {
  serveSolves(data.stopFlag);
}

/** Writes the one LP file asked for, refusing a model the solver could not hold as a run would. */
async function writeLpFile(doc: FleetDoc, objective: Objective): Promise<void> {
  try {
    port.postMessage({ type: 'lp', text: lpFileOf(doc, objective, await freshSolverMemory()) } satisfies WorkerReply);
  } catch (error) {
    port.postMessage(errorReply(error));
  }
}

function serveSolves(stopFlag: Int32Array): void {
  const siteBounds = siteBoundThread(__filename, stopFlag);
  const solver = loadHighs(siteBounds).then((solve) => {
    // Every step of a run once, on the sample campus (about a second): the first run of a session took a
    // second longer than the next while V8 compiled HiGHS's and our hot code on both threads.
    try {
      runOptimizer(sampleCampus(), { objective: 'expected', timeLimitS: WARM_UP_LIMIT_S, mipGap: 1e-3, planId: 'warm-up', now: '' }, solve);
    } catch {
      // A warm-up that fails only leaves the first run slower.
    }
    port.postMessage({ type: 'ready' } satisfies WorkerReply);
    return solve;
  });

  port.on('message', async (message: WorkerRequest) => {
    if (message.type === 'crash') process.exit(70); // lets tests prove a dying worker is survived
    // Ended with nothing left running: the sites' bound thread first, then this one, both with exit code 0.
    const end = async () => {
      await siteBounds.end();
      port.close();
    };
    if (message.type === 'close') return end();
    try {
      const solve = await solver;
      const result = runOptimizer(message.doc, { ...message.options, solverMemory: solve.memory }, solve, {
        progress: (phase, search) => port.postMessage({ type: 'progress', phase, search } satisfies WorkerReply),
        stopRequested: () => Atomics.load(stopFlag, 0) === 1,
      });
      port.postMessage({ type: 'result', result } satisfies WorkerReply);
    } catch (error) {
      // Its HiGHS lost, this worker ends, and the service starts another for the next run.
      const lost = error instanceof SolverLostError;
      port.postMessage({ ...errorReply(error), lost } satisfies WorkerReply);
      if (lost) await end();
    }
  });
}
