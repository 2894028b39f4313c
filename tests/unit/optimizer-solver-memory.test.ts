import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { HEAP_BYTES_PER_NONZERO, HEAP_BYTES_PER_RUN, HEAP_LIMIT_BYTES } from '../../electron/backend/optimizer/highs-solver';
import { toMatrix, type MatrixProgram } from '../../shared/optimizer/lp';
import type { FleetDoc } from '../../shared/model/schema';
import { buildModel, type Objective } from '../../shared/optimizer/model';
import { leastNonzeros, memoryNeededBytes, memoryRefusal, shapeOf, shapeRefusal, type ModelShape, type SolverMemory } from '../../shared/optimizer/solver-memory';
import { referencePortfolio, sampleCampus } from '../../shared/samples';

/** A program with only what the guard reads: its columns and nonzeros. */
const program = (columns: number, nonzeros: number): MatrixProgram =>
  ({ columns: Array.from({ length: columns }, (_, j) => `c${j}`), values: new Float64Array(nonzeros) }) as unknown as MatrixProgram;

/** A shape with only periods and sites: no options, so no scenario rows to name. */
const shape = (s: Pick<ModelShape, 'periods' | 'sites'>): ModelShape => ({ ...s, scenarios: 1, startOptions: 0, unitOptions: 0, scenarioRows: false });

/** The refusal of `doc`'s built model, expected objective unless said. */
const builtRefusal = (doc: FleetDoc, solver: SolverMemory, objective: Objective = 'expected') => memoryRefusal(toMatrix(buildModel(doc, objective).lp), solver, shapeOf(doc, objective));

/** `doc` with `count` scenarios, copies of its own, equally likely. */
function withScenarios(doc: FleetDoc, count: number): FleetDoc {
  const own = doc.scenarios;
  return { ...doc, scenarios: Array.from({ length: count }, (_, i) => ({ ...own[i % own.length]!, id: `s${i}`, name: `Scenario ${i}`, probability: 1 / count })) };
}

describe('the size guard: what a model needs of the solver\'s memory', () => {
  // 1,000 MB of heap, 100 MB of them in use, 100 MB for any run, 10,000 bytes a nonzero: 80,000 nonzeros fill it exactly.
  const memory: SolverMemory = { limitBytes: 1e9, inUseBytes: 1e8, runBytes: 1e8, bytesPerNonzero: 10_000 };

  it('needs what the solver holds, what any run takes, and its bytes per nonzero: 100 MB + 100 MB + 80,000 × 10,000 bytes = 1,000 MB, exactly the limit, fits', () => {
    expect(memoryNeededBytes(80_000, memory)).toBe(1e9);
    expect(memoryRefusal(program(5, 80_000), memory, shape({ periods: 12, sites: 20 }))).toBeNull();
  });

  it('one nonzero more (1,000.01 MB) is refused, saying what to shorten: 800 / 800.01 of what grows with the model fits, 11 of 12 periods or 19 of 20 sites', () => {
    expect(memoryRefusal(program(5, 80_001), memory, shape({ periods: 12, sites: 20 }))).toBe(
      'The model needs about 1.00 GB of solver memory (5 variables, 80,001 nonzeros at about 10,000 bytes each, and 100 MB any run takes), more than the 900 MB the solver can hold: shorten the horizon to at most 11 periods, or plan at most 19 of the 20 sites at a time',
    );
  });

  it('a one-site fleet too big even for one period is told to remove options', () => {
    // 200 MB + 10,000,000 × 10,000 bytes = 100.2 GB: 800 MB / 100 GB of what grows with it fits, no whole period.
    expect(memoryRefusal(program(1, 10_000_000), memory, shape({ periods: 12, sites: 1 }))).toMatch(/: remove retrofit options$/);
  });

  it("HiGHS-wasm's heap limit is the one its build sets", () => {
    const built = fs.readFileSync(createRequire(import.meta.url).resolve('highs'), 'utf8');
    expect(Number(/getHeapMax=\(\)=>(\d+)/.exec(built)?.[1])).toBe(HEAP_LIMIT_BYTES);
  });

  it('the 80-site reference portfolio fits, and so do 40 sites over 20 quarters (solved in a 300 s run within 1,542 MiB); five sites over 72 quarters do not, and the horizon the refusal offers does', () => {
    const solver: SolverMemory = { limitBytes: HEAP_LIMIT_BYTES, inUseBytes: 21_233_664, runBytes: HEAP_BYTES_PER_RUN, bytesPerNonzero: HEAP_BYTES_PER_NONZERO };
    expect(builtRefusal(referencePortfolio(1, 80), solver)).toBeNull();
    expect(builtRefusal(referencePortfolio(1, 40, 20), solver)).toBeNull();
    const long = referencePortfolio(1, 5, 72);
    const refusal = builtRefusal(long, solver);
    const offered = Number(/shorten the horizon to at most (\d+) periods/.exec(refusal ?? '')?.[1]);
    expect(offered).toBeGreaterThan(12);
    expect(builtRefusal(referencePortfolio(1, 5, offered), solver)).toBeNull();
  }, 120_000);
});

describe('the size guard before the model is built, from the document\'s counts', () => {
  const solver: SolverMemory = { limitBytes: HEAP_LIMIT_BYTES, inUseBytes: 21_233_664, runBytes: HEAP_BYTES_PER_RUN, bytesPerNonzero: HEAP_BYTES_PER_NONZERO };
  const fleets: [string, FleetDoc][] = [
    ['the sample campus', sampleCampus()],
    ['the campus with 50 scenarios', withScenarios(sampleCampus(), 50)],
    ['the reference portfolio', referencePortfolio()],
    ['the portfolio with 50 scenarios', withScenarios(referencePortfolio(), 50)],
    ['5 sites over 72 quarters', referencePortfolio(1, 5, 72)],
  ];

  it.each(fleets)('never counts more nonzeros than %s\'s built model holds, for either objective, so it refuses nothing that fits', (_, doc) => {
    for (const objective of ['expected', 'worst-case'] as const) {
      expect(leastNonzeros(shapeOf(doc, objective))).toBeLessThanOrEqual(toMatrix(buildModel(doc, objective).lp).values.length);
    }
  });

  it('lets the fleets the built guard lets through pass', () => {
    expect(shapeRefusal(shapeOf(referencePortfolio(1, 80), 'expected'), solver)).toBeNull();
    expect(shapeRefusal(shapeOf(referencePortfolio(1, 40, 20, 5), 'expected'), solver)).toBeNull();
  });

  it('refuses the portfolio with 2,000 scenarios for a worst-case plan, naming the scenarios, and how many of them fit', () => {
    const refusal = shapeRefusal(shapeOf(withScenarios(referencePortfolio(), 2000), 'worst-case'), solver);
    expect(refusal).toMatch(/^The model needs about [\d.]+ GB of solver memory \(at least [\d,]+ nonzeros for 1,080 retrofit options over 12 periods and 2,000 scenarios at about 850 bytes each, and 157 MB any run takes\), more than the [\d.]+ GB the solver can hold: keep at most \d+ of the 2,000 price scenarios \(a worst-case plan adds a row for each\)$/);
    const kept = Number(/keep at most (\d+) of/.exec(refusal!)![1]);
    // What it offers fits once built.
    expect(builtRefusal(withScenarios(referencePortfolio(), kept), solver, 'worst-case')).toBeNull();
  }, 60_000);

  it('names the horizon, not the scenarios, where the horizon is the cause', () => {
    const refusal = shapeRefusal(shapeOf(referencePortfolio(1, 5, 120), 'worst-case'), solver);
    expect(refusal).toMatch(/: shorten the horizon to at most \d+ periods, or plan at most \d of the 5 sites at a time$/);
  });
});
