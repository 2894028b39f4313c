/**
 * Where the sites' bound is computed: here, holding up the search, or on a thread of its
 * own with its own HiGHS, beside the search. On the reference portfolio it takes about
 * 2 s, in which the search beside it finds the plan it then proves. The search's thread
 * takes no messages while HiGHS runs, so the answer comes back through shared memory,
 * read at the search's checkpoints.
 */
import highsLoader from 'highs';
import { Worker, type MessagePort } from 'node:worker_threads';
import { siteBound, type SiteBoundInput } from './site-bound';

type Highs = Awaited<ReturnType<typeof highsLoader>>;

/** A sites' bound on its way. */
export interface PendingBound {
  /** The bound; null if there is none; undefined while it is computed. */
  read(): number | null | undefined;
  /** Blocks until it has come, for at most `seconds`, or until `stopRequested`; then reads it. */
  wait(seconds: number, stopRequested?: () => boolean): number | null | undefined;
  /** Its answer is no longer wanted: a thread computing it stops at its next checkpoint. */
  abandon(): void;
}

export type SiteBoundJob = Omit<SiteBoundInput, 'stopRequested'>;
export type StartSiteBound = (job: SiteBoundJob, stopRequested?: () => boolean) => PendingBound;

/**
 * At most this share of the time it is given when computed here: the search waits for
 * it, and on a short time limit the search must still have time to find a plan.
 */
const SHARE_HERE = 0.5;

/** Computed at once, on this thread. */
export const siteBoundHere =
  (highs: Highs): StartSiteBound =>
  (job, stopRequested) => {
    const bound = siteBound(highs, { ...job, timeLimitS: job.timeLimitS * SHARE_HERE, stopRequested });
    return { read: () => bound, wait: () => bound, abandon: () => undefined };
  };

/** The worker's data for a thread that computes sites' bounds. */
export interface SiteBoundThreadData {
  /** Int32 [job wanted, job answered], then the answer as a Float64 (NaN for none). */
  slot: SharedArrayBuffer;
  /** The run's stop flag: 1 asks the search, and so the bound, to stop. */
  stopFlag: Int32Array;
}

const slotViews = (slot: SharedArrayBuffer) => ({ jobs: new Int32Array(slot, 0, 2), answer: new Float64Array(slot, 8, 1) });
/** A stop request is seen within this while waiting for a bound. */
const WAIT_SLICE_MS = 50;
const WANTED = 0;
const ANSWERED = 1;

/**
 * Computed on a thread of its own, started from `workerPath` (which serves it with
 * serveSiteBounds) now, so that its HiGHS is loaded before the first run, and again
 * after it died.
 */
export function siteBoundThread(workerPath: string, stopFlag: Int32Array): StartSiteBound {
  const slot = new SharedArrayBuffer(16);
  const { jobs, answer } = slotViews(slot);
  let worker: Worker | null = null;
  let lastJob = 0;
  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const started = new Worker(workerPath, { workerData: { siteBounds: { slot, stopFlag } satisfies SiteBoundThreadData } });
    // A thread that dies leaves the bound unanswered: the search goes on without it.
    started.on('error', () => undefined);
    started.on('exit', () => {
      if (worker === started) worker = null;
    });
    started.unref();
    return (worker = started);
  };
  ensureWorker();
  return (job) => {
    const mine = ++lastJob;
    Atomics.store(jobs, WANTED, mine);
    ensureWorker().postMessage({ job: mine, input: job });
    const read = () => {
      if (Atomics.load(jobs, ANSWERED) !== mine) return undefined;
      return Number.isNaN(answer[0]) ? null : answer[0];
    };
    return {
      read,
      wait: (seconds, stopRequested) => {
        const until = Date.now() + seconds * 1000;
        for (let answered = Atomics.load(jobs, ANSWERED); answered !== mine && Date.now() < until && !stopRequested?.(); answered = Atomics.load(jobs, ANSWERED)) {
          Atomics.wait(jobs, ANSWERED, answered, Math.min(WAIT_SLICE_MS, until - Date.now()));
        }
        return read();
      },
      abandon: () => void Atomics.compareExchange(jobs, WANTED, mine, 0),
    };
  };
}

/** The thread's side: computes each job still wanted when it comes, one at a time. */
export function serveSiteBounds(port: MessagePort, { slot, stopFlag }: SiteBoundThreadData): void {
  const { jobs, answer } = slotViews(slot);
  const loading = highsLoader();
  port.on('message', async ({ job, input }: { job: number; input: SiteBoundJob }) => {
    let bound: number | null = null;
    try {
      const highs = await loading;
      if (Atomics.load(jobs, WANTED) !== job) return;
      bound = siteBound(highs, { ...input, stopRequested: () => Atomics.load(jobs, WANTED) !== job || Atomics.load(stopFlag, 0) === 1 });
    } catch {
      // HiGHS would not load, or ran out of memory: no bound, and the search goes on without it.
    }
    answer[0] = bound ?? Number.NaN;
    Atomics.store(jobs, ANSWERED, job);
  });
}
