/**
 * Whether a model fits in the solver's memory, and if not, what to shorten. HiGHS as
 * WebAssembly has a heap it cannot grow past; a model that outgrows it aborts the solver
 * part way through a run. Its need grows with the matrix's nonzeros (the LP's factors,
 * presolve's copies, the search's cuts and nodes), so the solver states what it measured
 * per nonzero and what it holds, and a model is refused before the run starts.
 */
import type { Bytes } from '../units';
import { countOf, formatBytes } from '../units';
import type { MatrixProgram } from './lp';

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

/** The shape a refusal names: what the user can shorten. */
export interface ModelShape {
  periods: number;
  sites: number;
}

export const nonzerosOf = (program: MatrixProgram): number => program.values.length;

/** The heap a run of `program` needs at its peak, the solver's own use included. */
export const memoryNeededBytes = (program: MatrixProgram, memory: SolverMemory): Bytes => memory.inUseBytes + memory.runBytes + nonzerosOf(program) * memory.bytesPerNonzero;

/**
 * Why the model cannot be solved in that memory, with what to shorten; null if it fits.
 * The matrix grows at least in proportion to the horizon (a unit's rows name every period
 * up to its own, so faster than that) and to the sites (each brings its own halls), so
 * scaling either by the share that fits is a safe suggestion.
 */
export function memoryRefusal(program: MatrixProgram, memory: SolverMemory, shape: ModelShape): string | null {
  const needed = memoryNeededBytes(program, memory);
  if (needed <= memory.limitBytes) return null;
  const fixed = memory.inUseBytes + memory.runBytes;
  const share = needed > fixed ? Math.max(memory.limitBytes - fixed, 0) / (needed - fixed) : 0;
  const periods = Math.floor(shape.periods * share);
  const sites = Math.floor(shape.sites * share);
  const shorten = [periods >= 1 ? `shorten the horizon to at most ${countOf(periods, 'period')}` : null, sites >= 1 && shape.sites > 1 ? `plan at most ${sites} of the ${countOf(shape.sites, 'site')} at a time` : null].filter((s) => s !== null);
  const what = shorten.length ? shorten.join(', or ') : 'remove retrofit options';
  return (
    `The model needs about ${formatBytes(needed)} of solver memory (${countOf(program.columns.length, 'variable')}, ${countOf(nonzerosOf(program), 'nonzero')} at about ${memory.bytesPerNonzero.toLocaleString('en-US')} bytes each, and ${formatBytes(memory.runBytes)} any run takes), ` +
    `more than the ${formatBytes(memory.limitBytes - memory.inUseBytes)} the solver can hold: ${what}`
  );
}
