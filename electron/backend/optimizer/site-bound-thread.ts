/**
 * Where the sites' bound is computed: here, holding up the search, or on a thread of its
 * own with its own HiGHS, beside the search, which joins in once it has its first plan.
 * On the reference portfolio the bound takes about 2.5 s on one thread, in which the
 * search finds the plan it then proves. The search's thread takes no messages while
 * HiGHS runs, so the answer comes back through shared memory, read at the search's
 * checkpoints, and the two threads take sites from a shared counter.
 */
import highsLoader from 'highs';
import { Worker, type MessagePort } from 'node:worker_threads';
import { siteBound, siteBoundParts, type SiteBoundInput, type SiteBoundParts } from './site-bound';

type Highs = Awaited<ReturnType<typeof highsLoader>>;

/** A sites' bound on its way. */
export interface PendingBound {
  /** The bound; null if there is none (or a thread computing it failed); undefined while it is computed. */
  read(): number | null | undefined;
  /** Solves sites' MILPs on this thread too, with `highs`, until none is left to take. */
  help(highs: Highs, stopRequested?: () => boolean): void;
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
    return { read: () => bound, help: () => undefined, wait: () => bound, abandon: () => undefined };
  };

/** The worker's data for a thread that computes sites' bounds. */
export interface SiteBoundThreadData {
  /** Int32 [job wanted, job answered, thread dead, next site], then the answer as a Float64 (NaN for none). */
  slot: SharedArrayBuffer;
  /** The run's stop flag: 1 asks the search, and so the bound, to stop. */
  stopFlag: Int32Array;
}

const slotViews = (slot: SharedArrayBuffer) => ({ cells: new Int32Array(slot, 0, 4), answer: new Float64Array(slot, 16, 1) });
const WANTED = 0;
const ANSWERED = 1;
/** Set by a thread as it ends: its parent, blocked in a wait, cannot see its exit event. */
const DEAD = 2;
/**
 * The next site to take: the job (its low 15 bits) above the index, so that a thread still
 * on an older job can never take a site of a newer one.
 */
const NEXT = 3;
const nextOf = (job: number, index: number) => ((job & 0x7fff) << 16) | index;
/** A stop request is seen within this while waiting for a bound. */
const WAIT_SLICE_MS = 50;

/** Takes the next site of `job`'s, if any is left. */
function takeSite(cells: Int32Array, job: number, count: number): number | null {
  for (;;) {
    const seen = Atomics.load(cells, NEXT);
    if (seen >>> 16 !== (job & 0x7fff) || (seen & 0xffff) >= count) return null;
    if (Atomics.compareExchange(cells, NEXT, seen, seen + 1) === seen) return seen & 0xffff;
  }
}

/** The sites taken from the counter, each bounded within the job's time: their bounds' sum. */
function boundTakenSites(parts: SiteBoundParts, cells: Int32Array, job: number, timeLeftS: () => number, stopRequested: () => boolean): number {
  let sum = 0;
  for (let i = takeSite(cells, job, parts.sites.length); i !== null; i = takeSite(cells, job, parts.sites.length)) sum += parts.boundOf(parts.sites[i]!, timeLeftS(), stopRequested);
  return sum;
}

/**
 * Computed on a thread of its own, started from `workerPath` (which serves it with
 * serveSiteBounds) now, so that its HiGHS is loaded before the first run, and again
 * after it died.
 */
export function siteBoundThread(workerPath: string, stopFlag: Int32Array): StartSiteBound & { end(): Promise<void> } {
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
  const start: StartSiteBound = (job, stopRequested) => {
    const mine = ++lastJob;
    const begun = Date.now();
    Atomics.store(cells, NEXT, nextOf(mine, 0));
    Atomics.store(cells, WANTED, mine);
    ensureWorker().postMessage({ job: mine, input: job } satisfies SiteBoundMessage);
    /** The sites this thread bounded; NaN if it failed part way, which leaves no bound. */
    let helped = 0;
    /** While this thread solves a site, the answer lacks it, whatever the other thread says. */
    let helping = false;
    const done = () => Atomics.load(cells, ANSWERED) === mine || Atomics.load(cells, DEAD) === 1;
    const read = () => {
      if (helping) return undefined;
      if (Atomics.load(cells, ANSWERED) !== mine) return Atomics.load(cells, DEAD) === 1 ? null : undefined;
      const bound = answer[0]! + helped;
      return Number.isFinite(bound) ? bound : null;
    };
    return {
      read,
      help: (highs, stopHelping) => {
        if (Atomics.load(cells, WANTED) !== mine) return;
        // A dead thread leaves no bound: sites solved here for it would be wasted.
        const stopped = () => Atomics.load(cells, WANTED) !== mine || Atomics.load(cells, DEAD) === 1 || stopRequested?.() === true || stopHelping?.() === true;
        helping = true;
        try {
          const parts = siteBoundParts(highs, job);
          if (parts) helped += boundTakenSites(parts, cells, mine, () => job.timeLimitS - (Date.now() - begun) / 1000, stopped);
        } catch {
          helped = Number.NaN;
        } finally {
          helping = false;
        }
      },
      wait: (seconds, stopWaiting) => {
        const until = Date.now() + seconds * 1000;
        while (!done() && Date.now() < until && !stopWaiting?.()) Atomics.wait(cells, ANSWERED, Atomics.load(cells, ANSWERED), Math.min(WAIT_SLICE_MS, until - Date.now()));
        return read();
      },
      abandon: () => void Atomics.compareExchange(cells, WANTED, mine, 0),
    };
  };
  /** Ends the thread, which finishes the site it is on first: its parent then ends cleanly too. */
  const end = (): Promise<void> => {
    const ending = worker;
    if (!ending) return Promise.resolve();
    Atomics.store(cells, WANTED, 0);
    return new Promise<void>((resolve) => {
      ending.once('exit', () => resolve());
      ending.postMessage({ end: true } satisfies SiteBoundMessage);
    });
  };
  return Object.assign(start, { end });
}

/** What a thread computing sites' bounds is sent: a job, or the word to end. */
type SiteBoundMessage = { job: number; input: SiteBoundJob } | { end: true };

/**
 * The thread's side: computes each job still wanted when it comes, one at a time, taking
 * sites until none is left. After a failure (HiGHS out of memory, say) its HiGHS cannot
 * be trusted: it answers "none" and ends, and the next job gets a new thread.
 */
export function serveSiteBounds(port: MessagePort, { slot, stopFlag }: SiteBoundThreadData): void {
  const { cells, answer } = slotViews(slot);
  const loading = highsLoader();
  process.on('exit', () => {
    Atomics.store(cells, DEAD, 1);
    Atomics.notify(cells, ANSWERED);
  });
  port.on('message', async (message: SiteBoundMessage) => {
    if ('end' in message) return port.close();
    const { job, input } = message;
    const begun = Date.now();
    let bound: number | null = null;
    let failed = false;
    try {
      const highs = await loading;
      if (Atomics.load(cells, WANTED) !== job) return;
      const parts = siteBoundParts(highs, input);
      const stopped = () => Atomics.load(cells, WANTED) !== job || Atomics.load(stopFlag, 0) === 1;
      if (parts) bound = parts.settled + boundTakenSites(parts, cells, job, () => input.timeLimitS - (Date.now() - begun) / 1000, stopped);
    } catch {
      failed = true;
    }
    answer[0] = bound ?? Number.NaN;
    Atomics.store(cells, ANSWERED, job);
    Atomics.notify(cells, ANSWERED);
    if (failed) process.exit(1);
  });
}
