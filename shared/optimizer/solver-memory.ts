/**
 * Whether a model fits in the solver's memory, and if not, what to shorten. HiGHS as
 * WebAssembly has a heap it cannot grow past; a model that outgrows it aborts the solver
 * part way through a run. Its need grows with the matrix's nonzeros (the LP's factors,
 * presolve's copies, the search's cuts and nodes), so the solver states what it measured
 * per nonzero and what it holds, and a model is refused before the run starts.
 */
import type { Bytes } from '../units';
import { countOf, formatBytes } from '../units';
import type { FleetDoc } from '../model/schema';
import type { MatrixProgram } from './lp';
import type { Objective } from './model';

/** What the solver that will run the model measured of its own memory. */
export interface SolverMemory {
  /** The most its heap can hold. */
  limitBytes: Bytes;
  /** What it holds with no model loaded (its code's data, the warm-up's leftovers). */
  inUseBytes: Bytes;
  /** What a run takes beyond that whatever the model's size (its buffers, the search's pools at their least). */
  runBytes: Bytes;
  /** A run's peak heap per nonzero of the matrix beyond runBytes, measured on models of this kind. */
  bytesPerNonzero: Bytes;
}

/**
 * What a model is made of, in the counts the user can change: read from the document
 * before the model is built (shapeOf), so a model far too large is refused without the
 * minutes and gigabytes building it would take.
 */
export interface ModelShape {
  periods: number;
  sites: number;
  scenarios: number;
  /** Retrofit options that start works (all but keeping the hall as it is): each has a start in every period. */
  startOptions: number;
  /** Of those, the ones that install units: each bounds the units installed by every period with every earlier period's. */
  unitOptions: number;
  /** A worst-case plan holds a row per scenario naming every option's every period; an expected one merges them into its objective. */
  scenarioRows: boolean;
}

/** The model's shape, counted from the document without building it. */
export function shapeOf(doc: FleetDoc, objective: Objective): ModelShape {
  let startOptions = 0;
  let unitOptions = 0;
  for (const hall of doc.halls) {
    for (const option of hall.retrofitOptions) {
      if (option.kind === 'keep-mining') continue;
      startOptions++;
      if (option.modelId !== null && option.maxUnits > 0) unitOptions++;
    }
  }
  return { periods: doc.fleet.horizonPeriods, sites: doc.sites.length, scenarios: doc.scenarios.length, startOptions, unitOptions, scenarioRows: objective === 'worst-case' };
}

/** The part of leastNonzeros that the scenarios bring, each scenario's row naming each option's start in every period. */
const scenarioNonzeros = (shape: ModelShape): number => (shape.scenarioRows ? shape.scenarios * shape.startOptions * shape.periods : 0);

/**
 * A floor under the matrix's nonzeros, from the shape alone: each unit option's rows
 * bounding the units installed by period t name every period up to t twice (its units and
 * its starts), T(T+1) terms over the horizon, and a worst-case plan's scenario rows. The
 * built model holds 1.1 to 2.4 times as many (its running, feed and cooling rows), so a
 * model refused by this floor is certainly too large; one that passes is checked again,
 * exactly, once built.
 */
export const leastNonzeros = (shape: ModelShape): number => shape.unitOptions * shape.periods * (shape.periods + 1) + scenarioNonzeros(shape);

/**
 * The most nonzeros a built model holds per one of leastNonzeros, as measured (2.4 on the
 * reference portfolio over 12 quarters, 2.1 over 72, 1.1 to 1.8 on the campus): what is
 * offered before the build is scaled by it, so that what it offers fits once built.
 */
const BUILT_PER_LEAST = 2.5;

export const nonzerosOf = (program: MatrixProgram): number => program.values.length;

/** The heap a run of a matrix with `nonzeros` needs at its peak, the solver's own use included. */
export const memoryNeededBytes = (nonzeros: number, memory: SolverMemory): Bytes => memory.inUseBytes + memory.runBytes + nonzeros * memory.bytesPerNonzero;

/**
 * Why the built model cannot be solved in that memory, with what to shorten; null if it fits.
 */
export function memoryRefusal(program: MatrixProgram, memory: SolverMemory, shape: ModelShape): string | null {
  const nonzeros = nonzerosOf(program);
  const counted = `${countOf(program.columns.length, 'variable')}, ${countOf(nonzeros, 'nonzero')}`;
  return refusal(nonzeros, counted, memory, shape, { nonzeros, perScenario: leastPerScenario(shape) });
}

/** Why a model of this shape certainly cannot be solved in that memory, judged before it is built; null if it may fit. */
export function shapeRefusal(shape: ModelShape, memory: SolverMemory): string | null {
  const nonzeros = leastNonzeros(shape);
  const scenarios = shape.scenarioRows ? ` and ${countOf(shape.scenarios, 'scenario')}` : '';
  const counted = `at least ${countOf(nonzeros, 'nonzero')} for ${countOf(shape.startOptions, 'retrofit option')} over ${countOf(shape.periods, 'period')}${scenarios}`;
  return refusal(nonzeros, counted, memory, shape, { nonzeros: nonzeros * BUILT_PER_LEAST, perScenario: leastPerScenario(shape) * BUILT_PER_LEAST });
}

/** The nonzeros each scenario's row of a worst-case plan holds at least: each option's start in every period. */
const leastPerScenario = (shape: ModelShape): number => shape.startOptions * shape.periods;

/**
 * The most nonzeros the model may hold, and what each scenario's row may hold in the same
 * measure: what the shortenings offered are worked out from, so that they fit.
 */
interface Bound {
  nonzeros: number;
  perScenario: number;
}

function refusal(nonzeros: number, counted: string, memory: SolverMemory, shape: ModelShape, most: Bound): string | null {
  const needed = memoryNeededBytes(nonzeros, memory);
  if (needed <= memory.limitBytes) return null;
  const what = shortenings(most, memory, shape);
  return (
    `The model needs about ${formatBytes(needed)} of solver memory (${counted} at about ${memory.bytesPerNonzero.toLocaleString('en-US')} bytes each, and ${formatBytes(memory.runBytes)} any run takes), ` +
    `more than the ${formatBytes(memory.limitBytes - memory.inUseBytes)} the solver can hold: ${what.length ? what.join(', or ') : 'remove retrofit options'}`
  );
}

/**
 * What to shorten for the model to fit, each alone, the largest cause first. The matrix
 * grows at least in proportion to the horizon (a unit's rows name every period up to its
 * own, so faster than that) and to the sites (each brings its own halls), so scaling either
 * by the share that fits is safe. Each scenario a worst-case plan drops takes its row away,
 * which holds at least `most.perScenario` in the measure of `most.nonzeros`.
 */
function shortenings(most: Bound, memory: SolverMemory, shape: ModelShape): string[] {
  const room = Math.max(memory.limitBytes - memory.inUseBytes - memory.runBytes, 0) / memory.bytesPerNonzero;
  const share = room / most.nonzeros;
  const periods = Math.floor(shape.periods * share);
  const sites = Math.floor(shape.sites * share);
  const scenarios = shape.scenarioRows && most.perScenario > 0 ? shape.scenarios - Math.ceil((most.nonzeros - room) / most.perScenario) : 0;
  const byScenarios = scenarios >= 1 ? `keep at most ${scenarios} of the ${countOf(shape.scenarios, 'price scenario')} (a worst-case plan adds a row for each)` : null;
  const others = [periods >= 1 ? `shorten the horizon to at most ${countOf(periods, 'period')}` : null, sites >= 1 && shape.sites > 1 ? `plan at most ${sites} of the ${countOf(shape.sites, 'site')} at a time` : null];
  // The scenarios named first when they are most of the model, as with thousands of them.
  const scenariosFirst = scenarioNonzeros(shape) * 2 > leastNonzeros(shape);
  return (scenariosFirst ? [byScenarios, ...others] : [...others, byScenarios]).filter((s) => s !== null);
}
