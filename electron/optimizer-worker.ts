/**
 * The optimizer's worker thread: one long-lived HiGHS instance, warmed up at start (its
 * first solve costs about a second), solving one run at a time off the main thread.
 */
import { parentPort } from 'node:worker_threads';
import type { FleetDoc } from '../shared/model/schema';
import { runOptimizer, type RunOptions } from '../shared/optimizer/run';
import { loadHighs } from './backend/optimizer/highs-solver';

export type WorkerRequest = { type: 'solve'; doc: FleetDoc; options: RunOptions } | { type: 'crash' };
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'progress'; phase: string }
  | { type: 'result'; result: ReturnType<typeof runOptimizer> }
  | { type: 'error'; message: string };

const port = parentPort!;
const solver = loadHighs().then((solve) => {
  solve('Maximize\n obj: x\nSubject To\n c: x <= 1\nEnd\n', { timeLimitS: 5, mipGap: 0 });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
  return solve;
});

port.on('message', async (message: WorkerRequest) => {
  if (message.type === 'crash') process.exit(70); // lets tests prove a dying worker is survived
  try {
    const solve = await solver;
    const result = runOptimizer(message.doc, message.options, solve, (phase) => port.postMessage({ type: 'progress', phase } satisfies WorkerReply));
    port.postMessage({ type: 'result', result } satisfies WorkerReply);
  } catch (error) {
    port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
});
