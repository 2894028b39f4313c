/**
 * The optimizer's worker thread: one long-lived HiGHS instance, warmed up at start (its
 * first solve costs about a second), solving one run at a time off the main thread.
 * While HiGHS runs, this thread takes no messages; a request to stop with the best plan
 * so far comes through shared memory, which the solver reads at its checkpoints.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FleetDoc } from '../shared/model/schema';
import { runOptimizer, type RunOptions, type SearchProgress } from '../shared/optimizer/run';
import { loadHighs } from './backend/optimizer/highs-solver';

export type WorkerRequest = { type: 'solve'; doc: FleetDoc; options: RunOptions } | { type: 'crash' };
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'progress'; phase: string; search?: SearchProgress }
  | { type: 'result'; result: ReturnType<typeof runOptimizer> }
  | { type: 'error'; message: string };

/** Given by the service: its first cell is set to 1 to ask the running search to stop. */
export interface WorkerData {
  stopFlag: Int32Array;
}

const port = parentPort!;
const { stopFlag } = workerData as WorkerData;
const solver = loadHighs().then((solve) => {
  solve('Maximize\n obj: x\nSubject To\n c: x <= 1\nEnd\n', { timeLimitS: 5, mipGap: 0 });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
  return solve;
});

port.on('message', async (message: WorkerRequest) => {
  if (message.type === 'crash') process.exit(70); // lets tests prove a dying worker is survived
  try {
    const solve = await solver;
    const result = runOptimizer(message.doc, message.options, solve, {
      progress: (phase, search) => port.postMessage({ type: 'progress', phase, search } satisfies WorkerReply),
      stopRequested: () => Atomics.load(stopFlag, 0) === 1,
    });
    port.postMessage({ type: 'result', result } satisfies WorkerReply);
  } catch (error) {
    port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
});
