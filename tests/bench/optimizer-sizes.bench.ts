/**
 * Optimizer across sizes, through the command line as a user's script runs it: reference
 * portfolios of 5, 10, 20, 40 and 80 sites, each with three seeds (interconnects, power
 * prices, hall sizes, PUEs and capex differ), solved to a proven 0.1 % gap by
 * `fleetplan optimize`, beside native CBC on the same LP file in the same run (Debian
 * has no native HiGHS); then 40 sites over 20 quarters with 5 scenarios (FLEET_BENCH_LONG=0
 * leaves it out). Also the solver's heap a run takes, beside what the size guard assumes.
 * FLEET_BENCH_SITES and FLEET_BENCH_SEEDS (comma lists) and FLEET_BENCH_SOLVER_LIMIT_S narrow it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import highsLoader from 'highs';
import { writeFleetFile } from '../../db/fleet-file';
import { HEAP_BYTES_PER_NONZERO, HEAP_BYTES_PER_RUN, modelDataOf } from '../../electron/backend/optimizer/highs-solver';
import type { FleetDoc } from '../../shared/model/schema';
import { toMatrix } from '../../shared/optimizer/lp';
import { lpFileOf } from '../../shared/optimizer/run';
import { buildModel } from '../../shared/optimizer/model';
import { referencePortfolio } from '../../shared/samples';
import { report, time } from './measure';

const GAP = 0.001;
const list = (name: string, fallback: number[]): number[] => process.env[name]?.split(',').map(Number) ?? fallback;
const SITES = list('FLEET_BENCH_SITES', [5, 10, 20, 40, 80]);
const SEEDS = list('FLEET_BENCH_SEEDS', [1, 2, 3]);
const LIMIT_S = Number(process.env.FLEET_BENCH_SOLVER_LIMIT_S ?? 120);
/** The goal's time to a proven gap, by size. */
const goalMs = (sites: number): number => (sites <= 20 ? 5000 : sites <= 40 ? 15_000 : 30_000);
/** The search of HiGHS's own that the heap figure measures, after the relaxation. */
const HEAP_SEARCH_S = 20;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-sizes-'));

/** `fleetplan optimize` on the file, as a script runs it: its wall time, status and NPV. */
function throughCli(file: string, lp: string): { ms: number; status: string; npvUsd: number; gap: number; variables: number } {
  let out = '';
  let error = '';
  const ms = time(() => {
    const r = spawnSync(process.execPath, ['dist/cli/fleetplan.cjs', 'optimize', file, '--json', '--time-limit', String(LIMIT_S), '--write-lp', lp], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    out = r.stdout;
    if (r.status !== 0) error = r.stderr.trim();
  });
  // A run that ends without a plan (the limit came first) is a figure too: it failed.
  if (error) return { ms, status: `no plan (${error})`, npvUsd: Number.NaN, gap: Number.POSITIVE_INFINITY, variables: Number.NaN };
  const { plan, stats } = JSON.parse(out);
  return { ms, status: plan.status, npvUsd: plan.npvUsd, gap: plan.mipGapFraction, variables: stats.variables };
}

/** Native CBC on the same LP file, to the same gap within the same limit. */
function withCbc(lp: string): { ms: number; status: string; objective: number } {
  const sol = `${lp}.sol`;
  let out = '';
  const ms = time(() => {
    // Its limit in wall-clock seconds, as ours is: by default CBC counts CPU time, which on a loaded machine ran 60 s into 520.
    out = execFileSync('cbc', [lp, 'ratioGap', String(GAP), 'timeMode', 'elapsed', 'sec', String(LIMIT_S), 'solve', 'solu', sol], { maxBuffer: 64 * 1024 * 1024 }).toString();
  });
  const solution = fs.readFileSync(sol, 'utf8');
  // Stopped before any plan, CBC writes its relaxation's value where a plan's would be.
  if (/no integer solution/.test(solution)) return { ms, status: 'no plan (its LP relaxation only)', objective: Number.NaN };
  const status = solution.startsWith('Optimal') ? 'optimal' : /Stopped on time/.test(solution + out) ? 'time-limit' : (solution.split(' ')[0] ?? 'unknown');
  return { ms, status, objective: Number(/objective value ([-\d.e+]+)/.exec(solution)?.[1]) };
}

/** One portfolio through `fleetplan optimize` beside CBC on its LP file, reported against the goal's time. */
function sweep(name: string, doc: FleetDoc, goal: number): void {
  const file = path.join(dir, `${name}.fleet`);
  const lp = path.join(dir, `${name}.lp`);
  writeFleetFile(doc, file);
  const ours = throughCli(file, lp);
  // A run without a plan writes no LP file: the same model, written here.
  if (!fs.existsSync(lp)) fs.writeFileSync(lp, lpFileOf(doc, 'expected'));
  const cbc = withCbc(lp);
  const proven = ours.status === 'optimal' && ours.gap <= GAP;
  report({
    bench: 'optimizer-sizes',
    figure: `${name} (${ours.variables} variables) through fleetplan optimize to ${GAP * 100} %: ${ours.status} within ${(ours.gap * 100).toFixed(3)} %, NPV $${(ours.npvUsd / 1e9).toFixed(5)} B; CBC ${cbc.status}, $${(cbc.objective / 1e9).toFixed(5)} B (${LIMIT_S} s limit each)`,
    value: ours.ms,
    unit: 'ms',
    reference: 'native CBC on the same LP file',
    referenceValue: cbc.ms,
    goal: `proven within ${goal / 1000} s and at most 0.2 × the reference`,
    pass: proven && ours.ms <= goal && ours.ms <= 0.2 * cbc.ms,
  });
  fs.rmSync(file);
  fs.rmSync(lp);
}

for (const sites of SITES) for (const seed of SEEDS) sweep(`${sites} sites, seed ${seed}`, referencePortfolio(seed, sites), goalMs(sites));
// The longest horizon the goals name: 40 sites over 20 quarters with 5 scenarios, proven within a minute.
if (process.env.FLEET_BENCH_LONG !== '0') sweep('40 sites over 20 quarters, 5 scenarios, seed 1', referencePortfolio(1, 40, 20, 5), 60_000);

// The heap a model needs, as the size guard assumes it: a fresh HiGHS, the relaxation, then its own search for a while.
for (const sites of SITES) {
  const highs = await highsLoader();
  const before = highs.memoryBytes;
  const program = toMatrix(buildModel(referencePortfolio(1, sites)).lp);
  const model = highs.createModel(modelDataOf(highs, program));
  model.options.set({ output_flag: false, presolve: 'off' });
  const { integrality } = model.getModel('csc');
  model.clearIntegrality();
  model.run({});
  model.changeColsIntegrality({ kind: 'range', from: 0, to: program.columns.length - 1 }, integrality);
  model.options.set({ presolve: 'choose', time_limit: HEAP_SEARCH_S, mip_rel_gap: GAP });
  model.run({});
  const grownMb = (highs.memoryBytes - before) / 1e6;
  model.dispose();
  const assumedMb = (HEAP_BYTES_PER_RUN + program.values.length * HEAP_BYTES_PER_NONZERO) / 1e6;
  report({
    bench: 'optimizer-sizes',
    figure: `solver heap a run takes, ${sites} sites (${program.values.length} nonzeros): relaxation and ${HEAP_SEARCH_S} s of HiGHS's search`,
    value: grownMb,
    unit: 'MB',
    reference: `what the size guard assumes: HEAP_BYTES_PER_RUN + ${HEAP_BYTES_PER_NONZERO} bytes a nonzero`,
    referenceValue: assumedMb,
    goal: 'at most what the guard assumes',
    pass: grownMb <= assumedMb,
  });
}
fs.rmSync(dir, { recursive: true, force: true });
