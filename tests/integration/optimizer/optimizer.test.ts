/**
 * The optimizer through its real worker thread and HiGHS, on fleets small enough to
 * solve by hand, and its LP file cross-checked with Debian's CBC.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OptimizerService } from '../../../electron/backend/optimizer/service';
import type { EquipmentModel, FleetDoc, RetrofitOption } from '../../../shared/model/schema';
import { describePlanStatus } from '../../../shared/optimizer/describe';
import { discountFactor } from '../../../shared/optimizer/economics';
import { lpFileOf, type RunOptions, type SearchProgress } from '../../../shared/optimizer/run';
import { blankFleet, generateFleet, referencePortfolio, sampleCampus } from '../../../shared/samples';
import { optimizerWorkerPath } from '../../support/optimizer-worker';

const base = blankFleet().models[0]!;
const miner: EquipmentModel = { ...base, id: 'm', kind: 'miner-rack', name: 'Miner rack', hashrateThs: 1000, gpuCount: 0, powerKw: 100, capexUsd: 0 };
const gpu: EquipmentModel = { ...base, id: 'g', kind: 'gpu-rack', name: 'GPU rack', hashrateThs: 0, gpuCount: 10, powerKw: 100, capexUsd: 100_000 };
const option = (o: Partial<RetrofitOption> & Pick<RetrofitOption, 'id' | 'kind'>): RetrofitOption => ({
  name: o.id,
  coolingMethod: 'direct-to-chip',
  modelId: null,
  capexUsd: 0,
  leadTimePeriods: 0,
  feedKw: 1000,
  usableCoolingKw: 1000,
  pue: 1,
  maxUnits: 0,
  ...o,
});

/**
 * One hall, two yearly periods, no discounting, power at $20/MWh, PUE 1:
 * - keep 10 miner racks (1 PH/s, 100 kW each): 1 × $50 × 365 = $18,250 a year against
 *   0.1 MW × 8,760 h × $20 = $17,520 of power: $730 a rack-year, $14,600 over two years;
 * - or convert to AI (one year of works, $50,000) and install up to 2 GPU racks ($100,000
 *   each, 200 kW feed): 10 GPUs × $2 × 8,760 h = $175,200 − $17,520 = $157,680 a rack-year,
 *   running in year 2 only: −50,000 − 200,000 + 2 × 157,680 = $65,360;
 * - starting the conversion in year 2 mines in year 1 (+$7,300) but never runs: worse;
 * - idle: $0. Best: convert at once, 2 racks, NPV $65,360.
 */
function tinyFleet(): FleetDoc {
  const doc = blankFleet();
  doc.fleet = { ...doc.fleet, periodMonths: 12, horizonPeriods: 2, discountRatePctPerYear: 0 };
  doc.models = [miner, gpu];
  doc.sites = [{ id: 's', name: 'Site A', location: '', latitudeDeg: null, longitudeDeg: null, designDryBulbC: 30, interconnectMw: 10, transformerCapacityMw: 10, powerPriceUsdPerMwh: 20, demandResponse: { enabled: false, creditUsdPerMwh: 0, maxCurtailmentFraction: 0 }, landHa: 1, fiber: true, widthM: 100, depthM: 100 }];
  doc.halls = [
    {
      id: 'h', siteId: 's', name: 'Hall 1', kind: 'building', siteXM: 0, siteYM: 0, widthM: 20, depthM: 10, floorLimitKgPerM2: 1500, feedKw: 1000,
      cooling: { method: 'free-air', unitCount: 2, unitCapacityKw: 1000, redundancy: 'N' }, densityLimitKwPerRack: 150, pue: 1, currentUse: 'mining',
      retrofitOptions: [
        option({ id: 'keep', kind: 'keep-mining', coolingMethod: 'free-air', modelId: 'm', maxUnits: 10 }),
        option({ id: 'ai', kind: 'retrofit-ai', modelId: 'g', capexUsd: 50_000, leadTimePeriods: 1, feedKw: 200, usableCoolingKw: 200, maxUnits: 5 }),
        option({ id: 'idle', kind: 'idle' }),
      ],
    },
  ];
  doc.scenarios = [{ id: 'base', name: 'Base', probability: 1, hashpriceUsdPerPhDay: [50, 50], gpuRateUsdPerGpuHour: [2, 2], gpuUtilizationFraction: [1, 1], powerPriceFactor: [1, 1] }];
  doc.limits = { ...doc.limits, capexBudgetUsdPerPeriod: [], gpuDeliveriesPerPeriod: [], contractedAiMw: 0, contractedByPeriod: 0 };
  return doc;
}

const options = (o: Partial<RunOptions> = {}): RunOptions => ({ objective: 'expected', timeLimitS: 30, mipGap: 1e-6, planId: 'p', now: '2026-11-25', ...o });

let service: OptimizerService;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-opt-'));
beforeAll(() => {
  service = new OptimizerService(optimizerWorkerPath());
  service.warm();
});
afterAll(async () => {
  await service.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('optimizer (worker + HiGHS)', () => {
  it('finds the hand-computed optimum: convert at once, 2 GPU racks, NPV $65,360', async () => {
    const phases: string[] = [];
    const { plan } = await service.solve(tinyFleet(), options(), (p) => phases.push(p));
    expect(plan.status).toBe('optimal');
    expect(plan.npvUsd).toBeCloseTo(65_360, 3);
    expect(plan.halls).toEqual([{ hallId: 'h', optionId: 'ai', startPeriod: 0, units: 2, npvUsd: expect.closeTo(65_360, 3) }]); // the hall is the whole plan
    // Year 1: capex 50,000 + 200,000 (the racks may go in either year at 0 % discount, so sum them)
    const capex = plan.periods.reduce((t, p) => t + p.capexUsd, 0);
    expect(capex).toBeCloseTo(250_000, 6);
    expect(plan.periods[1]!.aiRevenueUsd).toBeCloseTo(2 * 175_200, 6);
    expect(plan.periods[1]!.aiItMw).toBeCloseTo(0.2, 9);
    expect(phases[0]).toBe('building the model');
  });

  it('worst case: with a 10 % chance of $0.10/GPU-h, the expected plan converts, the worst-case plan keeps mining ($14,600)', async () => {
    const doc = tinyFleet();
    doc.scenarios = [
      { ...doc.scenarios[0]!, id: 'good', probability: 0.9 },
      { ...doc.scenarios[0]!, id: 'bad', probability: 0.1, gpuRateUsdPerGpuHour: [0.1, 0.1] },
    ];
    // Expected AI: −250,000 + 2 × (0.9 × 157,680 + 0.1 × (8,760 − 17,520)) = $32,072 > $14,600
    const expected = await service.solve(doc, options());
    expect(expected.plan.halls[0]!.optionId).toBe('ai');
    expect(expected.plan.npvUsd).toBeCloseTo(32_072, 3);
    const worst = await service.solve(doc, options({ objective: 'worst-case' }));
    expect(worst.plan.halls[0]!.optionId).toBe('keep');
    expect(worst.plan.npvUsd).toBeCloseTo(14_600, 3);
  });

  it('prices a binding limit: with 100 kW of interconnect, one more MW is worth racks\' margin less their capex', async () => {
    const doc = tinyFleet();
    doc.sites[0]!.interconnectMw = 0.1;
    const { plan } = await service.solve(doc, options());
    // 100 kW runs one rack either way: AI −50,000 − 100,000 + 157,680 = $7,680 beats mining one
    // rack for two years (2 × $730). With that choice fixed and rack counts continuous, 1 kW more
    // runs 1/100 of a GPU rack: (157,680 − 100,000) / 100 = $576.80 a kW, $576,800 a MW.
    expect(plan.halls[0]).toMatchObject({ optionId: 'ai', units: 1 });
    const grid = plan.bindingLimits.find((b) => b.limit.startsWith('grid_'));
    expect(grid?.description).toBe('one more MW of interconnect at Site A in 2028 is worth $576,800 of NPV');
    expect(grid!.shadowPriceUsd).toBeCloseTo(576_800, 3);
  });

  it('explains an infeasible model by the limits that stand in the way', async () => {
    const doc = tinyFleet();
    doc.limits = { ...doc.limits, contractedAiMw: 0.2, contractedByPeriod: 1, gpuDeliveriesPerPeriod: [10, 0] };
    const { plan } = await service.solve(doc, options());
    expect(plan.status).toBe('infeasible');
    expect(plan.conflicts[0]).toMatch(/AI contract \(0.2 MW by 2028\) conflicts with: GPU deliveries/);
    // Nothing can run in year 1: a conversion takes a year.
    doc.limits.contractedByPeriod = 0;
    await expect(service.solve(doc, options())).rejects.toThrow(/0.2 MW of AI is contracted, but no hall has an AI option that can run by 2027/);
    // More than the hall can ever hold (2 racks = 0.2 MW) by year 2.
    doc.limits = { ...doc.limits, contractedAiMw: 0.3, contractedByPeriod: 1, gpuDeliveriesPerPeriod: [] };
    const impossible = await service.solve(doc, options());
    expect(impossible.plan.conflicts[0]).toMatch(/cannot be met whatever the limits: .* hold 0.20 MW at most/);
  });

  it('cancels a long solve; the next run works', async () => {
    const big = generateFleet({ placements: 2000, seed: 3 });
    big.fleet = { ...big.fleet, horizonPeriods: 40 };
    const running = service.solve(big, options({ mipGap: 0 }));
    await new Promise((r) => setTimeout(r, 300));
    expect(await service.cancel()).toBe(true);
    await expect(running).rejects.toThrow('Cancelled');
    expect((await service.solve(tinyFleet(), options())).plan.npvUsd).toBeCloseTo(65_360, 3);
  });

  it('reports the search as it goes, and stops on request keeping the best plan so far, with the gap it proved', async () => {
    expect(service.stop()).toBe(false); // nothing runs
    const reports: SearchProgress[] = [];
    // Three sites of the reference portfolio: about 40 s to a proven optimum. The first
    // report is the LP relaxation's bound; the stop comes once the full search has proved
    // a tighter one, so the gap recorded must be HiGHS's own, not the LP's.
    const running = service.solve(referencePortfolio(1, 3), options({ mipGap: 0, timeLimitS: 600 }), (_phase, search) => {
      if (!search) return;
      reports.push(search);
      if (search.bestObjective !== null && search.bound !== null && search.bound < reports[0]!.bound!) service.stop();
    });
    const { plan } = await running;
    const lpBound = reports[0]!.bound!;
    const first = reports.find((r) => r.bestObjective !== null)!;
    expect(plan.status).toBe('stopped');
    // HiGHS may find better plans between the report and its next checkpoint, never worse.
    expect(plan.npvUsd).toBeGreaterThanOrEqual(first.bestObjective! - 1e-6 * Math.abs(first.bestObjective!));
    const bounds = reports.map((r) => r.bound).filter((b): b is number => b !== null);
    for (const bound of bounds) expect(bound).toBeGreaterThanOrEqual(plan.npvUsd);
    // The recorded gap is at most what the tightest bound reported proves, and less than the LP's.
    expect(plan.mipGapFraction).toBeLessThanOrEqual((Math.min(...bounds) - plan.npvUsd) / Math.abs(plan.npvUsd) + 1e-9);
    expect(plan.mipGapFraction).toBeLessThan((lpBound - plan.npvUsd) / Math.abs(plan.npvUsd));
    expect(plan.mipGapFraction).toBeGreaterThan(0);
    expect(describePlanStatus(plan)).toMatch(/^stopped: proven within /);
    expect(plan.halls).toHaveLength(18);
    // The stop was for that run only: the campus, which takes the same first-plan path, solves.
    expect((await service.solve(sampleCampus(), options())).plan).toMatchObject({ status: 'optimal' });
  });

  it('a stop before any plan is found ends the run at once, saying so', async () => {
    const reports: SearchProgress[] = [];
    // Asked while the model is being built: the LP relaxation or the first-plan search sees it.
    const running = service.solve(referencePortfolio(1, 3), options({ mipGap: 0, timeLimitS: 600 }), (_phase, search) => {
      if (search) reports.push(search);
      else service.stop();
    });
    await expect(running).rejects.toThrow('The solver stopped without a plan: it was stopped before it found one');
    expect(reports.filter((r) => r.bestObjective !== null)).toEqual([]);
    expect((await service.solve(tinyFleet(), options())).plan.npvUsd).toBeCloseTo(65_360, 3);
  });

  it('a time limit used up by reading the model ends the run saying so, not as a solver failure', async () => {
    await expect(service.solve(referencePortfolio(1, 3), options({ timeLimitS: 0.001 }))).rejects.toThrow('The solver stopped without a plan: the time limit came before it found one');
  });

  it('a model over what HiGHS-wasm can hold is refused by the worker, naming the memory it needs and what to shorten, and the next run works', async () => {
    // Five sites over 60 quarters: about 2.5 million nonzeros at 1,200 bytes each, over the 2 GiB HiGHS-wasm can grow to.
    await expect(service.solve(referencePortfolio(1, 5, 60), options())).rejects.toThrow(
      /^The model needs about 2\.\d\d GB of solver memory \([\d,]+ variables, [\d,]+ nonzeros at about 1,200 bytes each\), more than the 2\.1\d GB the solver can hold: shorten the horizon to at most \d\d periods, or plan at most [1-4] of the 5 sites at a time$/,
    );
    expect((await service.solve(tinyFleet(), options())).plan.npvUsd).toBeCloseTo(65_360, 3);
  });

  it('a closed service ends its worker and the sites\' bound thread cleanly, with exit code 0', async () => {
    const own = new OptimizerService(optimizerWorkerPath());
    expect((await own.solve(referencePortfolio(1, 2), options({ mipGap: 0.01 }))).plan.npvUsd).toBeGreaterThan(0);
    expect(await own.close()).toBe(0);
  });

  it('a worker that dies becomes a clear error, and the next run works', async () => {
    service.crashForTest();
    const running = service.solve(tinyFleet(), options());
    await expect(running).rejects.toThrow(/stopped unexpectedly \(exit code 70\).*restarted/);
    expect((await service.solve(tinyFleet(), options())).plan.npvUsd).toBeCloseTo(65_360, 3);
  });

  it('writes the LP file the solve reads in a worker of its own, while a search runs; a fleet with nothing to plan says so', async () => {
    const big = generateFleet({ placements: 2000, seed: 3 });
    big.fleet = { ...big.fleet, horizonPeriods: 40 };
    const running = service.solve(big, options({ mipGap: 0 }));
    expect(await service.writeLp(sampleCampus(), 'expected')).toBe(lpFileOf(sampleCampus(), 'expected'));
    expect(service.busy).toBe(true);
    await service.cancel();
    await expect(running).rejects.toThrow('Cancelled');
    const empty = sampleCampus();
    empty.halls = [];
    await expect(service.writeLp(empty, 'expected')).rejects.toThrow('The fleet has no halls to plan: add a site and its halls first');
  });

  it('closing the optimizer ends an LP file still being written', async () => {
    const own = new OptimizerService(optimizerWorkerPath());
    const writing = own.writeLp(referencePortfolio(), 'expected');
    await own.close();
    await expect(writing).rejects.toThrow(/^Writing the LP file stopped unexpectedly/);
  });

  it('the LP file we solve gives the same objective in Debian\'s CBC', async () => {
    const { plan } = await service.solve(sampleCampus(), options({ mipGap: 0 }));
    const lp = path.join(dir, 'campus.lp');
    fs.writeFileSync(lp, await service.writeLp(sampleCampus(), 'expected'));
    const out = execFileSync('cbc', [lp, 'solve', 'solu', path.join(dir, 'campus.sol')]).toString();
    expect(out).toMatch(/Optimal/);
    const cbcObjective = Number(/Optimal - objective value ([-\d.e+]+)/.exec(fs.readFileSync(path.join(dir, 'campus.sol'), 'utf8'))![1]);
    expect(Math.abs(cbcObjective - plan.npvUsd) / Math.abs(plan.npvUsd)).toBeLessThan(1e-6);
  });
});

describe('plan economics', () => {
  it('the per-period cash flows, discounted, give back the plan NPV (the sensitivity grid at 1 × 1), and so do the halls\' NPVs, for either objective', async () => {
    const svc = new OptimizerService(optimizerWorkerPath());
    try {
      // A worst-case plan's figures are those of its worst scenario (the campus's bear
      // case), not an average of the scenarios: $233 M by hall for a $27 M plan, before.
      for (const objective of ['expected', 'worst-case'] as const) {
        const { plan, sensitivity } = await svc.solve(sampleCampus(), options({ mipGap: 1e-6, objective }));
        const one = sensitivity!.hashpriceFactors.indexOf(1);
        expect(sensitivity!.npvUsd[one]![sensitivity!.gpuRateFactors.indexOf(1)]!, objective).toBeCloseTo(plan.npvUsd, -1);
        // The halls' NPVs add up to the plan's.
        expect(plan.halls.reduce((t, h) => t + h.npvUsd!, 0), objective).toBeCloseTo(plan.npvUsd, -1);
        expect(plan.halls.every((h) => Number.isFinite(h.npvUsd))).toBe(true);
        if (objective === 'worst-case') {
          // Each cell is the worst scenario's at those prices: never above what the scenario
          // worst at today's prices (the one plan.periods show) gives there.
          const fleet = sampleCampus().fleet;
          const df = (p: number, start = false) => discountFactor(fleet, p, start);
          sensitivity!.hashpriceFactors.forEach((fh, i) =>
            sensitivity!.gpuRateFactors.forEach((fg, j) => {
              const inWorstToday = plan.periods.reduce((t, r, p) => t + (r.miningRevenueUsd * fh + r.aiRevenueUsd * fg - r.powerCostUsd) * df(p) - r.capexUsd * df(p, true), 0);
              expect(sensitivity!.npvUsd[i]![j]!).toBeLessThanOrEqual(inWorstToday + 1);
            }),
          );
        }
      }
    } finally {
      await svc.close();
    }
  });
});
