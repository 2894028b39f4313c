/**
 * HiGHS (WebAssembly) as the optimizer's solve function. Its heap is capped at 2 GiB and
 * an out-of-memory abort surfaces as a RuntimeError: both become a clear message.
 */
import highsLoader from 'highs';
import type { SolveFn, SolverSolution } from '../../../shared/optimizer/run';

/** About 1.1 GB of HiGHS heap at 25k variables (measured): stay well below the cap. */
export const MAX_VARIABLES = 60_000;

export async function loadHighs(): Promise<SolveFn> {
  const highs = await highsLoader();
  return (lp, options) => {
    try {
      return highs.solve(lp, { time_limit: options.timeLimitS, mip_rel_gap: options.mipGap, output_flag: false }) as unknown as SolverSolution;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/memory|abort/i.test(message)) throw new Error(`The solver ran out of memory on this model (${message.slice(0, 120)}); reduce the horizon or the number of options`);
      throw new Error(`The solver failed: ${message}`);
    }
  };
}
