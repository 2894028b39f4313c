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
  /** The bound; null if there is none (or its thread died); undefined while it is computed. */
  read(): number | null | undefined;
  /** Blocks until it has come, for at most `seconds`, or until `stopRequested`; then reads it. */
  wait(seconds: number, stopRequested?: () => boolean): number | null | undefined;
  /** Its answer is no longer wanted: a thread computing it stops at its next checkpoint. */
  abandon(): void;
}

export type SiteBoundJob = Omit<SiteBoundInput, 'stopRequested'>;
export type StartSiteBound = (job: SiteBoundJob, stopRequested?: () => boolean) => PendingBound;

/** Computed at once, on this thread. */
export const siteBoundHere =
  (highs: Highs): StartSiteBound =>
  (job, stopRequested) => {
    const bound = siteBound(highs, { ...job, stopRequested });
    return { read: () => bound, wait: () => bound, abandon: () => undefined };
  };

/** The worker's data for a thread that computes sites' bounds. */
export interface SiteBoundThreadData {
  /** Int32 [job wanted, job answered, thread dead], then the answer as a Float64 (NaN for none). */
  slot: SharedArrayBuffer;
  /** The run's stop flag: 1 asks the search, and so the bound, to stop. */
  stopFlag: Int32Array;
}

const slotViews = (slot: SharedArrayBuffer) => ({ cells: new Int32Array(slot, 0, 3), answer: new Float64Array(slot, 16, 1) });
const WANTED = 0;
const ANSWERED = 1;
/** Set by a thread as it ends: its parent, blocked in a wait, cannot see its exit event. */
const DEAD = 2;
/** A stop request is seen within this while waiting for a bound. */
const WAIT_SLICE_MS = 50;

/**
 * Computed on a thread of its own, started from `workerPath` (which serves it with
 * serveSiteBounds) now, so that its HiGHS is loaded before the first run, and again
 * after it died.
 */
export function siteBoundThread(workerPath: string, stopFlag: Int32Array): StartSiteBound {
  const slot = new SharedArrayBuffer(24);
  const { cells, answer } = slotViews(slot);
  let worker: Worker | null = null;
  let lastJob = 0;
  const ensureWorker = (): Worker => {
    if (worker) return worker;
    Atomics.store(cells, DEAD, 0);
    const started = new Worker(workerPath, { workerData: { siteBounds: { slot, stopFlag } satisfies SiteBoundThreadData } });
    // Its death is read from the slot; the next job starts another.
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
    Atomics.store(cells, WANTED, mine);
    ensureWorker().postMessage({ job: mine, input: job });
    const done = () => Atomics.load(cells, ANSWERED) === mine || Atomics.load(cells, DEAD) === 1;
    const read = () => {
      if (Atomics.load(cells, ANSWERED) === mine) return Number.isNaN(answer[0]) ? null : answer[0];
      return Atomics.load(cells, DEAD) === 1 ? null : undefined;
    };
    return {
      read,
      wait: (seconds, stopRequested) => {
        const until = Date.now() + seconds * 1000;
        while (!done() && Date.now() < until && !stopRequested?.()) Atomics.wait(cells, ANSWERED, Atomics.load(cells, ANSWERED), Math.min(WAIT_SLICE_MS, until - Date.now()));
        return read();
      },
      abandon: () => void Atomics.compareExchange(cells, WANTED, mine, 0),
    };
  };
}

/**
 * The thread's side: computes each job still wanted when it comes, one at a time. After a
 * failure (HiGHS out of memory, say) its HiGHS cannot be trusted: it answers "none" and
 * ends, and the next job gets a new thread.
 */
export function serveSiteBounds(port: MessagePort, { slot, stopFlag }: SiteBoundThreadData): void {
  const { cells, answer } = slotViews(slot);
  const loading = highsLoader();
  process.on('exit', () => {
    Atomics.store(cells, DEAD, 1);
    Atomics.notify(cells, ANSWERED);
  });
  port.on('message', async ({ job, input }: { job: number; input: SiteBoundJob }) => {
    let bound: number | null = null;
    let failed = false;
    try {
      const highs = await loading;
      if (Atomics.load(cells, WANTED) !== job) return;
      bound = siteBound(highs, { ...input, stopRequested: () => Atomics.load(cells, WANTED) !== job || Atomics.load(stopFlag, 0) === 1 });
    } catch {
      failed = true;
    }
    answer[0] = bound ?? Number.NaN;
    Atomics.store(cells, ANSWERED, job);
    Atomics.notify(cells, ANSWERED);
    if (failed) process.exit(1);
  });
}
