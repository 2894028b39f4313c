import path from 'node:path';
import { main } from './fleetplan';

// Bundled, the command line sits in dist/cli beside dist/electron/optimizer-worker.cjs; run from source (tests), it is told where one was built.
main({ optimizerWorkerPath: process.env.FLEETPLAN_OPTIMIZER_WORKER ?? path.join(__dirname, '..', 'electron', 'optimizer-worker.cjs') });
