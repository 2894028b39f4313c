import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { HEAP_BYTES_PER_NONZERO, HEAP_BYTES_PER_RUN, HEAP_LIMIT_BYTES } from '../../electron/backend/optimizer/highs-solver';
import { toMatrix, type MatrixProgram } from '../../shared/optimizer/lp';
import { buildModel } from '../../shared/optimizer/model';
import { memoryNeededBytes, memoryRefusal, type SolverMemory } from '../../shared/optimizer/solver-memory';
import { referencePortfolio } from '../../shared/samples';

/** A program with only what the guard reads: its columns and nonzeros. */
const program = (columns: number, nonzeros: number): MatrixProgram =>
  ({ columns: Array.from({ length: columns }, (_, j) => `c${j}`), values: new Float64Array(nonzeros) }) as unknown as MatrixProgram;

describe('the size guard: what a model needs of the solver\'s memory', () => {
  // 1,000 MB of heap, 100 MB of them in use, 100 MB for any run, 10,000 bytes a nonzero: 80,000 nonzeros fill it exactly.
  const memory: SolverMemory = { limitBytes: 1e9, inUseBytes: 1e8, runBytes: 1e8, bytesPerNonzero: 10_000 };

  it('needs what the solver holds, what any run takes, and its bytes per nonzero: 100 MB + 100 MB + 80,000 × 10,000 bytes = 1,000 MB, exactly the limit, fits', () => {
    expect(memoryNeededBytes(program(5, 80_000), memory)).toBe(1e9);
    expect(memoryRefusal(program(5, 80_000), memory, { periods: 12, sites: 20 })).toBeNull();
  });

  it('one nonzero more (1,000.01 MB) is refused, saying what to shorten: 800 / 800.01 of what grows with the model fits, 11 of 12 periods or 19 of 20 sites', () => {
    expect(memoryRefusal(program(5, 80_001), memory, { periods: 12, sites: 20 })).toBe(
      'The model needs about 1.00 GB of solver memory (5 variables, 80,001 nonzeros at about 10,000 bytes each, and 100 MB any run takes), more than the 900 MB the solver can hold: shorten the horizon to at most 11 periods, or plan at most 19 of the 20 sites at a time',
    );
  });

  it('a one-site fleet too big even for one period is told to remove options', () => {
    // 200 MB + 10,000,000 × 10,000 bytes = 100.2 GB: 800 MB / 100 GB of what grows with it fits, no whole period.
    expect(memoryRefusal(program(1, 10_000_000), memory, { periods: 12, sites: 1 })).toMatch(/: remove retrofit options$/);
  });

  it("HiGHS-wasm's heap limit is the one its build sets", () => {
    const built = fs.readFileSync(createRequire(import.meta.url).resolve('highs'), 'utf8');
    expect(Number(/getHeapMax=\(\)=>(\d+)/.exec(built)?.[1])).toBe(HEAP_LIMIT_BYTES);
  });

  it('the 80-site reference portfolio fits, and so do 40 sites over 20 quarters (solved in a 300 s run within 1,542 MiB); five sites over 72 quarters do not, and the horizon the refusal offers does', () => {
    const solver: SolverMemory = { limitBytes: HEAP_LIMIT_BYTES, inUseBytes: 21_233_664, runBytes: HEAP_BYTES_PER_RUN, bytesPerNonzero: HEAP_BYTES_PER_NONZERO };
    expect(memoryRefusal(toMatrix(buildModel(referencePortfolio(1, 80)).lp), solver, { periods: 12, sites: 80 })).toBeNull();
    expect(memoryRefusal(toMatrix(buildModel(referencePortfolio(1, 40, 20)).lp), solver, { periods: 20, sites: 40 })).toBeNull();
    const long = referencePortfolio(1, 5, 72);
    const refusal = memoryRefusal(toMatrix(buildModel(long).lp), solver, { periods: 72, sites: 5 });
    const offered = Number(/shorten the horizon to at most (\d+) periods/.exec(refusal ?? '')?.[1]);
    expect(offered).toBeGreaterThan(12);
    expect(memoryRefusal(toMatrix(buildModel(referencePortfolio(1, 5, offered)).lp), solver, { periods: offered, sites: 5 })).toBeNull();
  }, 120_000);
});
