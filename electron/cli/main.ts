import path from 'node:path';
import { main } from './fleetplan';

/**
 * Bundled, the command line sits in dist/cli beside dist/electron/optimizer-worker.cjs; run
 * from source (tests), it has no bundle folder and is told where a worker was built.
 */
function optimizerWorkerPath(): string {
  const named = process.env.FLEETPLAN_OPTIMIZER_WORKER;
  if (named) return named;
  if (typeof __dirname === 'undefined') throw new Error('run from source, fleetplan needs FLEETPLAN_OPTIMIZER_WORKER: the path of a built optimizer-worker.cjs');
  return path.join(__dirname, '..', 'electron', 'optimizer-worker.cjs');
}

main({ optimizerWorkerPath });
