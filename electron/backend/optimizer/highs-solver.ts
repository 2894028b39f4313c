/**
 * HiGHS (WebAssembly) as the optimizer's solve function. A persistent model is used
 * rather than the one-shot call because only it reports the search as it goes (best plan
 * so far, proven bound) and can be asked to stop and keep what it has. Its heap is
 * capped at 2 GiB and an out-of-memory abort surfaces as a RuntimeError: both become a
 * clear message.
 */
import highsLoader from 'highs';
import type { SolveFn, SolverSolution } from '../../../shared/optimizer/run';

/** About 1.1 GB of HiGHS heap at 25k variables (measured): stay well below the cap. */
export const MAX_VARIABLES = 60_000;

/** HiGHS's own words for its model statuses, which the rest of the optimizer reads. */
const STATUS_TEXT: Record<number, string> = {
  7: 'Optimal',
  8: 'Infeasible',
  9: 'Primal infeasible or unbounded',
  10: 'Unbounded',
  11: 'Bound on objective reached',
  12: 'Target for objective reached',
  13: 'Time limit reached',
  14: 'Iteration limit reached',
  16: 'Solution limit reached',
  17: 'Interrupted by user',
};

/** Progress is reported at most this often, besides every better plan found. */
const PROGRESS_INTERVAL_MS = 250;

export async function loadHighs(): Promise<SolveFn> {
  const highs = await highsLoader();
  const { callbackType } = highs.constants;
  return (lp, options) => {
    const model = highs.createModel({ format: 'lp', data: lp });
    try {
      model.options.set({ time_limit: options.timeLimitS, mip_rel_gap: options.mipGap, output_flag: false });
      let lastReport = 0;
      const report = (data: { mip_primal_bound?: number; mip_dual_bound?: number; mip_gap?: number; running_time?: number }, force: boolean) => {
        if (!options.onProgress) return;
        const now = Date.now();
        if (!force && now - lastReport < PROGRESS_INTERVAL_MS) return;
        lastReport = now;
        const best = data.mip_primal_bound;
        const bound = data.mip_dual_bound;
        options.onProgress({
          bestObjective: best !== undefined && Number.isFinite(best) ? best : null,
          bound: bound !== undefined && Number.isFinite(bound) ? bound : null,
          gapFraction: data.mip_gap !== undefined && Number.isFinite(data.mip_gap) ? data.mip_gap : null,
        });
      };
      model.run({
        [callbackType.mipImprovingSolution]: (event) => {
          report({ ...event.data, mip_primal_bound: event.data.objective_function_value }, true);
        },
        [callbackType.mipLogging]: (event) => {
          report(event.data, false);
        },
        [callbackType.mipInterrupt]: (event) => {
          report(event.data, false);
          if (options.stopRequested?.()) event.interrupt();
        },
      });
      return readSolution(model);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/memory|abort/i.test(message)) throw new Error(`The solver ran out of memory on this model (${message.slice(0, 120)}); reduce the horizon or the number of options`);
      throw new Error(`The solver failed: ${message}`);
    } finally {
      model.dispose();
    }
  };
}

type HighsModel = ReturnType<Awaited<ReturnType<typeof highsLoader>>['createModel']>;

function readSolution(model: HighsModel): SolverSolution {
  const code = model.getModelStatus();
  const status = STATUS_TEXT[code] ?? `HiGHS model status ${code}`;
  const solution = model.getSolution();
  const { numCols, numRows } = model.getDimensions();
  const hasPrimal = Number(model.info.get('primal_solution_status')) === 2;
  const Columns: SolverSolution['Columns'] = {};
  if (hasPrimal) for (let j = 0; j < numCols; j++) Columns[model.getColName(j)] = { Primal: solution.colValue[j]! };
  const Rows: SolverSolution['Rows'] = [];
  if (Number(model.info.get('dual_solution_status')) === 2) {
    for (let i = 0; i < numRows; i++) Rows.push({ Name: model.getRowName(i), Dual: solution.rowDual[i]!, Primal: solution.rowValue[i]! });
  }
  // An LP solve has no branch-and-bound tree, and HiGHS counts its nodes as -1.
  const isMip = Number(model.info.get('mip_node_count')) >= 0;
  const gap = Number(model.info.get('mip_gap'));
  return {
    Status: status,
    ObjectiveValue: hasPrimal ? model.getObjectiveValue() : Number.NaN,
    Columns: hasPrimal ? Columns : undefined,
    Rows,
    MipGap: isMip && hasPrimal && Number.isFinite(gap) ? gap : undefined,
  };
}
