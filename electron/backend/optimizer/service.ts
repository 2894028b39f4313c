/**
 * Owns the optimizer worker: keeps one warm, runs one solve at a time, stops a search
 * and keeps its best plan (through shared memory the solver reads at its checkpoints),
 * cancels by terminating the worker, and replaces a worker that died, so a crash or a
 * cancel costs the user nothing but that run.
 */
import { Worker } from 'node:worker_threads';
import type { FleetDoc } from '../../../shared/model/schema';
import type { Objective } from '../../../shared/optimizer/model';
import type { RunOptions, RunResult, SearchProgress } from '../../../shared/optimizer/run';
import type { WorkerData, WorkerReply, WorkerRequest } from '../../optimizer-worker';

export class OptimizerError extends Error {}

/** Said when an LP file is asked for while another is being written. */
export const LP_BUSY = 'An LP file is already being written: export again once it is saved';
/** Said when whoever asked for an LP file stopped waiting for it. */
const LP_WITHDRAWN = 'The LP file was not written: the request for it was withdrawn';

/** An idle worker asked to end has this long (its warm-up may still be running) before it is terminated. */
const CLOSE_WAIT_MS = 15_000;

/**
 * What a worker's failure means to the user. Running out of memory happens again on the same
 * model, so it says what to make smaller rather than to run it again.
 */
function workerFailure(error: Error): string {
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return 'The optimizer ran out of memory on this model: make it smaller (fewer price scenarios, a shorter horizon, fewer sites or retrofit options) and run it again';
  }
  return `The optimizer failed: ${error.message}; run it again`;
}

interface Pending {
  resolve: (r: RunResult) => void;
  reject: (e: Error) => void;
  onProgress: Progress;
}

type Progress = (phase: string, search?: SearchProgress) => void;

export class OptimizerService {
  private worker: Worker | null = null;
  private pending: Pending | null = null;
  /** Shared with the worker: 1 asks the running search to stop and keep its best plan. */
  private readonly stopFlag = new Int32Array(new SharedArrayBuffer(4));
  /**
   * The one worker writing an LP file, ended with the service. One at a time: each holds the
   * whole model as it builds it (about 300 MB for the reference portfolio), and forty asked
   * for at once held 13 GB.
   */
  private lpWriter: Worker | null = null;

  constructor(private readonly workerPath: string) {}

  /** Starts (and warms) the worker ahead of the first run. */
  warm(): void {
    this.ensureWorker();
  }

  get busy(): boolean {
    return this.pending !== null;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath, { workerData: { stopFlag: this.stopFlag } satisfies WorkerData });
    // A cancelled worker speaks and ends while the next run is already with its successor: only the worker in use settles a run.
    worker.on('message', (reply: WorkerReply) => {
      const pending = this.pending;
      if (!pending || this.worker !== worker) return;
      if (reply.type === 'progress') pending.onProgress(reply.phase, reply.search);
      else if (reply.type === 'result') this.settle().resolve(reply.result);
      else if (reply.type === 'error') {
        // A worker whose solver is lost ends itself; the next run must not be sent to it.
        if (reply.lost) this.worker = null;
        this.settle().reject(new OptimizerError(reply.message));
      }
    });
    // The next run starts a new worker, but nothing is started now (a command line's run ends here): the words claim no restart.
    worker.on('error', (error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      if (this.pending) this.settle().reject(new OptimizerError(workerFailure(error)));
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = null;
      if (this.pending) this.settle().reject(new OptimizerError(`The optimizer stopped unexpectedly (exit code ${code}); run it again`));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(): Pending {
    const pending = this.pending!;
    this.pending = null;
    // An idle worker must not keep the process alive; a running solve must.
    this.worker?.unref();
    return pending;
  }

  async solve(doc: FleetDoc, options: RunOptions, onProgress: Progress = () => undefined): Promise<RunResult> {
    if (this.pending) throw new OptimizerError('The optimizer is already running; cancel it or wait');
    return new Promise<RunResult>((resolve, reject) => {
      this.pending = { resolve, reject, onProgress };
      Atomics.store(this.stopFlag, 0, 0);
      const worker = this.ensureWorker();
      worker.ref();
      // The worker refuses a model its HiGHS cannot hold once it has built it, off this thread.
      worker.postMessage({ type: 'solve', doc, options } satisfies WorkerRequest);
    });
  }

  /**
   * Ends the running search at the solver's next checkpoint; the run then resolves with
   * the best plan found so far (or fails if there is none yet).
   */
  stop(): boolean {
    if (!this.pending) return false;
    Atomics.store(this.stopFlag, 0, 1);
    return true;
  }

  /** Abandons the running solve, if any; the next run gets a fresh worker. */
  async cancel(): Promise<boolean> {
    if (!(await this.abandon())) return false;
    this.warm();
    return true;
  }

  /** Ends the running solve, if any, with its worker. */
  private async abandon(): Promise<boolean> {
    if (!this.pending) return false;
    const pending = this.settle();
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
    pending.reject(new OptimizerError('Cancelled'));
    return true;
  }

  /**
   * The model as an LP file, written in a worker of its own: building it takes about a
   * second on the largest fleets, too long for the main process, and the solver's worker
   * may be busy with a search. One is written at a time; `signal` ends it when whoever
   * asked no longer waits for it (a browser tab closed).
   */
  writeLp(doc: FleetDoc, objective: Objective, signal?: AbortSignal): Promise<string> {
    if (this.lpWriter) return Promise.reject(new OptimizerError(LP_BUSY));
    if (signal?.aborted) return Promise.reject(new OptimizerError(LP_WITHDRAWN));
    const worker = new Worker(this.workerPath, { workerData: { writeLp: { doc, objective } } satisfies WorkerData });
    this.lpWriter = worker;
    let onAbort = (): void => undefined;
    return new Promise<string>((resolve, reject) => {
      onAbort = () => reject(new OptimizerError(LP_WITHDRAWN));
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.once('message', (reply: WorkerReply) => {
        if (reply.type === 'lp') resolve(reply.text);
        else reject(new OptimizerError(reply.type === 'error' ? reply.message : `The LP writer answered "${reply.type}"`));
      });
      worker.once('error', (error) => reject(new OptimizerError(`Writing the LP file failed: ${error.message}`)));
      worker.once('exit', (code) => reject(new OptimizerError(`Writing the LP file stopped unexpectedly (exit code ${code})`)));
    }).finally(() => {
      signal?.removeEventListener('abort', onAbort);
      this.lpWriter = null;
      void worker.terminate();
    });
  }

  /** For tests: makes the worker die as a crash would. */
  crashForTest(): void {
    this.ensureWorker().postMessage({ type: 'crash' } satisfies WorkerRequest);
  }

  /**
   * Ends the service: a running solve is cancelled; an idle worker is asked to end and
   * does, with its sites' bound thread, so nothing is cut off mid-write. Resolves with
   * the worker's exit code (0: ended cleanly), null if there was none.
   */
  async close(): Promise<number | null> {
    await this.lpWriter?.terminate();
    await this.abandon();
    const worker = this.worker;
    this.worker = null;
    if (!worker) return null;
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    // Kept alive until it has ended: a caller about to exit awaits this.
    worker.ref();
    worker.postMessage({ type: 'close' } satisfies WorkerRequest);
    const timer = setTimeout(() => void worker.terminate(), CLOSE_WAIT_MS);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  }
}
