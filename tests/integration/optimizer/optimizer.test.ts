/**
 * The optimizer through its real worker thread and HiGHS, on fleets small enough to
 * solve by hand, and its LP file cross-checked with Debian's CBC.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LP_BUSY, OptimizerService } from '../../../electron/backend/optimizer/service';
import type { EquipmentModel, FleetDoc, RetrofitOption } from '../../../shared/model/schema';
import { describeFiguresBasis, describePlanStatus } from '../../../shared/optimizer/describe';
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
  doc.sites = [{ id: 's', name: 'Site A', location: '', latitudeDeg: null, longitudeDeg: null, designDryBulbC: 30, interconnectMw: 10, transformerCapacityMw: 10, powerPriceUsdPerMwh: 20, demandResponse: { enabled: false, creditUsdPerMwh: 0, maxCurtailmentFraction: 0 }, priceSeries: null, peakDemandChargeUsdPerKwMonth: 0, hedges: [], landHa: 1, fiber: true, widthM: 100, depthM: 100 }];
  doc.halls = [
    {
      id: 'h', siteId: 's', name: 'Hall 1', kind: 'building', siteXM: 0, siteYM: 0, widthM: 20, depthM: 10, floorLimitKgPerM2: 1500, feedKw: 1000,
      cooling: { method: 'free-air', unitCount: 2, unitCapacityKw: 1000, redundancy: 'N' }, facilityWater: { unitCount: 0, unitCapacityKw: 0, redundancy: 'N' }, densityLimitKwPerRack: 150, pue: 1, currentUse: 'mining',
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

/** `run` with an optimizer service of its own (its worker and LP writer fresh), closed after whatever it did. */
async function withOwnService(run: (own: OptimizerService) => Promise<void>): Promise<void> {
  const own = new OptimizerService(optimizerWorkerPath());
  try {
    await run(own);
  } finally {
    await own.close();
  }
}
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
    // No contract, no second search.
    expect(phases.some((p) => p.startsWith('what the AI contract costs'))).toBe(false);
  });

  it('a retrofit keeps the racks of its model already standing and buys only the rest: 1 standing + 1 bought, NPV $480,720', async () => {
    // The tiny fleet with one GPU rack already standing and a conversion that takes no time:
    // - converting keeps it and buys one more within the 200 kW feed: capex 50,000 + 100,000;
    //   2 racks × 2 years × $157,680 = $630,720, NPV $480,720 (buying both again: $380,720);
    // - keeping runs the standing rack alone: 2 × $157,680 = $315,360.
    const doc = tinyFleet();
    doc.halls[0]!.retrofitOptions[1]!.leadTimePeriods = 0;
    doc.placements = [{ id: 'g1', hallId: 'h', modelId: 'g', xM: 5, yM: 5, rotationDeg: 0, powerSourceId: null, powerSourceBId: null, label: 'G1' }];
    const { plan } = await service.solve(doc, options());
    expect(plan.halls).toEqual([{ hallId: 'h', optionId: 'ai', startPeriod: 0, units: 2, npvUsd: expect.closeTo(480_720, 3) }]);
    expect(plan.npvUsd).toBeCloseTo(480_720, 3);
    expect(plan.periods.reduce((t, p) => t + p.capexUsd, 0)).toBeCloseTo(150_000, 6);
    expect(plan.periods.map((p) => p.aiItMw)).toEqual([expect.closeTo(0.2, 9), expect.closeTo(0.2, 9)]);
  });

  it('keeping a liquid-cooled hall runs every rack it holds: 5 GPU racks sending 85 % to CDUs put 5 × 15 = 75 kW on a 100 kW air plant, NPV $1,576,800', async () => {
    // Each rack: 100 kW, 85 kW to its CDU's loop, 15 kW to the hall's air. Held whole against the
    // 100 kW plant, keeping ran one rack ($315,360). All five run: 5 × 2 years × $157,680.
    const doc = tinyFleet();
    doc.models = [miner, { ...gpu, heatToLiquidFraction: 0.85, compatibleCooling: ['direct-to-chip'] }];
    doc.halls[0]!.cooling = { method: 'direct-to-chip', unitCount: 1, unitCapacityKw: 100, redundancy: 'N' };
    doc.halls[0]!.retrofitOptions = [option({ id: 'keep', kind: 'keep-mining', coolingMethod: 'direct-to-chip', modelId: 'g', maxUnits: 5 })];
    doc.placements = Array.from({ length: 5 }, (_, i) => ({ id: `g${i}`, hallId: 'h', modelId: 'g', xM: 2 + i, yM: 5, rotationDeg: 0 as const, powerSourceId: null, powerSourceBId: null, label: `G${i}` }));
    const { plan } = await service.solve(doc, options());
    expect(plan.halls).toEqual([{ hallId: 'h', optionId: 'keep', startPeriod: null, units: 5, npvUsd: expect.closeTo(1_576_800, 3) }]);
    expect(plan.npvUsd).toBeCloseTo(1_576_800, 3);
  });

  it('racks standing run on while the rest of the hall is converted: 1 standing, a year of works, NPV $323,040', async () => {
    // The tiny fleet with one GPU rack already standing and the conversion's year of works:
    // - converting at once keeps the standing rack earning through the works and buys one more
    //   that runs in year 2: 3 rack-years × $157,680 = $473,040 − 50,000 − 100,000 = $323,040;
    //   were the standing rack switched off for the works, the same plan would make $165,360;
    // - keeping runs the standing rack alone: 2 × $157,680 = $315,360;
    // - converting in year 2: year 1 kept ($157,680), year 2 the standing rack ($157,680) and no
    //   bought rack in time: $315,360 − 50,000 = $265,360.
    const doc = tinyFleet();
    doc.placements = [{ id: 'g1', hallId: 'h', modelId: 'g', xM: 5, yM: 5, rotationDeg: 0, powerSourceId: null, powerSourceBId: null, label: 'G1' }];
    const { plan } = await service.solve(doc, options());
    expect(plan.halls).toEqual([{ hallId: 'h', optionId: 'ai', startPeriod: 0, units: 2, npvUsd: expect.closeTo(323_040, 3) }]);
    expect(plan.npvUsd).toBeCloseTo(323_040, 3);
    expect(plan.periods.map((p) => p.aiItMw)).toEqual([expect.closeTo(0.1, 9), expect.closeTo(0.2, 9)]);
    expect(plan.periods.map((p) => p.aiRevenueUsd)).toEqual([expect.closeTo(175_200, 6), expect.closeTo(2 * 175_200, 6)]);
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
    expect(worst.plan.halls[0]).toMatchObject({ optionId: 'keep', startPeriod: null }); // a hall kept as it is starts nothing
    expect(worst.plan.npvUsd).toBeCloseTo(14_600, 3);
    expect(expected.plan.figuresScenarioId).toBeUndefined();
  });

  it('a worst-case plan names the scenario its figures are read in: at $1.80/GPU-h the bear case still converts, NPV $30,320', async () => {
    const doc = tinyFleet();
    doc.scenarios = [
      { ...doc.scenarios[0]!, id: 'steady', name: 'Steady', probability: 0.5 },
      { ...doc.scenarios[0]!, id: 'bear', name: 'GPU bear', probability: 0.5, gpuRateUsdPerGpuHour: [1.8, 1.8] },
    ];
    // A rack earns 87,600 GPU-hours a year and pays 100 kW × 8,760 h × $20/MWh = $17,520 of power.
    // Bear: −250,000 + 2 racks × (1.8 × 87,600 − 17,520) in year 2 = −250,000 + 2 × 140,160 = $30,320,
    // more than keeping mining ($14,600) and less than steady's $65,360: the plan converts, read in the bear case.
    const { plan } = await service.solve(doc, options({ objective: 'worst-case' }));
    expect(plan.halls[0]).toMatchObject({ optionId: 'ai', startPeriod: 0, units: 2 });
    expect(plan.npvUsd).toBeCloseTo(30_320, 3);
    expect(plan.figuresScenarioId).toBe('bear');
    expect(plan.periods[1]!.aiRevenueUsd).toBeCloseTo(2 * 1.8 * 87_600, 6);
    expect(describeFiguresBasis(plan, doc.scenarios)).toBe('in “GPU bear”, the scenario worst for this plan');
    // A scenario deleted since: the figures still say how they were read.
    expect(describeFiguresBasis(plan, [])).toBe('in the scenario worst for this plan');
  });

  it('prices a binding limit: with 100 kW of interconnect, one more MW is worth racks\' margin less their capex', async () => {
    const doc = tinyFleet();
    doc.sites[0]!.interconnectMw = 0.1;
    const { plan } = await service.solve(doc, options());
    // 100 kW runs one rack either way: AI −50,000 − 100,000 + 157,680 = $7,680 beats mining one
    // rack for two years (2 × $730). With that choice fixed and rack counts continuous, 1 kW more
    // runs 1/100 of a GPU rack: (157,680 − 100,000) / 100 = $576.80 a kW, $576,800 a MW. That rate
    // holds only until the option's 200 kW feed binds (two racks): for 200 − 100 kW = 0.1 MW, not a whole MW.
    expect(plan.halls[0]).toMatchObject({ optionId: 'ai', units: 1 });
    const grid = plan.bindingLimits.find((b) => b.limit.startsWith('grid_'));
    expect(grid?.description).toBe('one more MW of interconnect at Site A in 2028 is worth $576,800 of NPV, at that rate for the first 0.1 MW only');
    expect(grid!.shadowPriceUsd).toBeCloseTo(576_800, 3);
  });

  it('lists no limit the plan leaves room under: 150 kW of interconnect runs one 100 kW rack, and one MW more in a year is not a rack', async () => {
    // With the choice fixed and rack counts continuous, the LP runs 1.5 racks and prices the
    // interconnect as above; the plan runs one rack and leaves 50 kW of the 150 unused.
    const doc = tinyFleet();
    doc.sites[0]!.interconnectMw = 0.15;
    const { plan } = await service.solve(doc, options());
    expect(plan.halls[0]).toMatchObject({ optionId: 'ai', units: 1 });
    expect(plan.bindingLimits.filter((b) => b.limit.startsWith('grid_'))).toEqual([]);
  });

  it('explains an infeasible model by the limits that stand in the way', async () => {
    const doc = tinyFleet();
    doc.limits = { ...doc.limits, contractedAiMw: 0.2, contractedByPeriod: 1, gpuDeliveriesPerPeriod: [10, 0] };
    const { plan } = await service.solve(doc, options());
    expect(plan.status).toBe('infeasible');
    expect(plan.conflicts[0]).toMatch(/AI contract \(0.2 MW in 2028\) conflicts with: GPU deliveries/);
    // Nothing can run in year 1: a conversion takes a year.
    doc.limits.contractedByPeriod = 0;
    await expect(service.solve(doc, options())).rejects.toThrow(/0.2 MW of AI is contracted, but no hall has an AI option that can run by 2027/);
    // More than the hall can ever hold (2 racks = 0.2 MW) by year 2.
    doc.limits = { ...doc.limits, contractedAiMw: 0.3, contractedByPeriod: 1, gpuDeliveriesPerPeriod: [] };
    const impossible = await service.solve(doc, options());
    expect(impossible.plan.conflicts[0]).toMatch(/cannot be met whatever the limits: .* hold 0.20 MW at most/);
  });

  /**
   * The tiny fleet over three years, GPU rates $2 then $0.10, conversion at once (no lead time):
   * an AI rack earns 175,200 − 17,520 = $157,680 in year 1 and 8,760 − 17,520 = −$8,760 in
   * years 2 and 3. Contract 0.1 MW (one rack) from year 1. Keeping or idling cannot meet it,
   * so the hall converts at once and installs 2 racks (−50,000 − 200,000 + 2 × 157,680 =
   * $65,360; one rack, −150,000 + 157,680, does worse whatever follows).
   * - term 1 year: both racks stop after year 1: $65,360, AI 0.2, 0, 0 MW;
   * - term 2 years: one rack runs in year 2 at a loss: 65,360 − 8,760 = $56,600;
   * - no term (to the end of the horizon): one rack in years 2 and 3: 65,360 − 17,520 = $47,840.
   */
  function contractFleet(term: number | null): FleetDoc {
    const doc = tinyFleet();
    doc.fleet.horizonPeriods = 3;
    doc.scenarios[0] = { ...doc.scenarios[0]!, hashpriceUsdPerPhDay: [50, 50, 50], gpuRateUsdPerGpuHour: [2, 0.1, 0.1], gpuUtilizationFraction: [1, 1, 1], powerPriceFactor: [1, 1, 1] };
    doc.halls[0]!.retrofitOptions[1]!.leadTimePeriods = 0;
    doc.limits = { ...doc.limits, contractedAiMw: 0.1, contractedByPeriod: 0, contractTermPeriods: term };
    return doc;
  }

  it('the AI contract holds in every period of its term, by default to the end of the horizon', async () => {
    const cases = [
      { term: 1, npv: 65_360, aiMw: [0.2, 0, 0] },
      { term: 2, npv: 56_600, aiMw: [0.2, 0.1, 0] },
      { term: null, npv: 47_840, aiMw: [0.2, 0.1, 0.1] },
      { term: 5, npv: 47_840, aiMw: [0.2, 0.1, 0.1] }, // a term past the horizon holds to its end
    ];
    for (const { term, npv, aiMw } of cases) {
      const { plan } = await service.solve(contractFleet(term), options());
      expect(plan.status, `term ${term}`).toBe('optimal');
      expect(plan.npvUsd, `term ${term}`).toBeCloseTo(npv, 3);
      expect(plan.halls[0], `term ${term}`).toMatchObject({ optionId: 'ai', startPeriod: 0, units: 2 });
      plan.periods.forEach((p, i) => expect(p.aiItMw, `term ${term}, year ${i + 1}`).toBeCloseTo(aiMw[i]!, 9));
    }
  });

  it('a contract that starts after the horizon is refused, not moved into its last period', async () => {
    const doc = contractFleet(null);
    doc.limits.contractedByPeriod = 3;
    await expect(service.solve(doc, options())).rejects.toThrow('The AI contract starts in 2030, after the horizon ends in 2029: move its start into the horizon or lengthen the horizon');
    // Its last period is still in: one year of contract, the term-1 case's $65,360 less nothing but year 3's rack.
    doc.limits.contractedByPeriod = 2;
    expect((await service.solve(doc, options())).plan.npvUsd).toBeCloseTo(65_360 - 8_760, 3);
  });

  it('lists what the AI contract costs, which its rows\' duals cannot show when it binds through the retrofit it forces', async () => {
    // The tiny fleet converted with no lead time for $1,000,000, 0.1 MW of AI contracted for both years.
    // Each GPU rack earns 2 × 157,680 − 100,000 = $215,360 over the two years, so with the conversion
    // made both racks go in (0.2 MW, above the contract: its rows are slack and their duals zero):
    // −1,000,000 + 2 × 215,360 = −$569,280. Without the contract the hall keeps mining: 2 × $7,300 = $14,600.
    // The contract costs 14,600 + 569,280 = $583,880.
    const doc = tinyFleet();
    const ai = doc.halls[0]!.retrofitOptions[1]!;
    ai.leadTimePeriods = 0;
    ai.capexUsd = 1_000_000;
    doc.limits = { ...doc.limits, contractedAiMw: 0.1, contractedByPeriod: 0 };
    const phases: string[] = [];
    const { plan } = await service.solve(doc, options(), (p) => phases.push(p));
    // The second search says what it is doing while the plan waits for it.
    expect(phases).toContain('what the AI contract costs: the best plan without it');
    expect(plan.halls[0]).toMatchObject({ optionId: 'ai', startPeriod: 0, units: 2 });
    expect(plan.npvUsd).toBeCloseTo(-569_280, 3);
    expect(plan.bindingLimits.filter((b) => b.limit.startsWith('contract'))).toEqual([
      { limit: 'contract', description: 'the AI contract (0.1 MW from 2027 to 2028) costs $583,880 of NPV, the best plan without it is worth that much more', shadowPriceUsd: expect.closeTo(-583_880, 3), unit: 'contract' },
    ]);

    // Contracted from year 2, the contract asks no more than the best plan does anyway (0.2 MW in year 2, $65,360): it costs nothing and is not listed.
    const free = tinyFleet();
    free.limits = { ...free.limits, contractedAiMw: 0.2, contractedByPeriod: 1 };
    const freePlan = (await service.solve(free, options())).plan;
    expect(freePlan.npvUsd).toBeCloseTo(65_360, 3);
    expect(freePlan.bindingLimits.filter((b) => b.limit.startsWith('contract'))).toEqual([]);
  });

  it('an unmeetable contract is explained by the most each hall can run, one option per hall', async () => {
    // A second AI option of the same hall on a 100 kW feed (one rack, 0.1 MW): the hall runs
    // either, never both, so it holds max(0.2, 0.1) = 0.20 MW at most, not 0.30 MW.
    const doc = tinyFleet();
    const ai = doc.halls[0]!.retrofitOptions[1]!;
    doc.halls[0]!.retrofitOptions.push({ ...ai, id: 'ai-small', name: 'ai-small', feedKw: 100, usableCoolingKw: 100 });
    doc.limits = { ...doc.limits, contractedAiMw: 0.25, contractedByPeriod: 1 };
    const { plan } = await service.solve(doc, options());
    expect(plan.status).toBe('infeasible');
    expect(plan.conflicts).toEqual(['the AI contract (0.25 MW in 2028) cannot be met whatever the limits: the AI options that can be converted and running by 2028 hold 0.20 MW at most']);
  });

  it('reports the decision\'s own return: the plan against keeping every hall as it is, beside the fleet\'s', async () => {
    // The tiny fleet at $1/GPU-h, converted with no lead time: an AI rack earns
    // 10 × $1 × 8,760 − 17,520 = $70,080 a year, so 2 racks earn $140,160 a year from year 1:
    // −50,000 − 200,000 + 2 × 140,160 = $30,320, beating keeping the miners, 2 × $7,300 = $14,600.
    const doc = tinyFleet();
    doc.halls[0]!.retrofitOptions[1]!.leadTimePeriods = 0;
    doc.scenarios[0]!.gpuRateUsdPerGpuHour = [1, 1];
    const { plan } = await service.solve(doc, options());
    expect(plan.npvUsd).toBeCloseTo(30_320, 3);
    expect(plan.halls[0]).toMatchObject({ optionId: 'ai', startPeriod: 0, units: 2 });
    // Against keeping: −250,000 at the start of year 1, then 140,160 − 7,300 = 132,860 at the end
    // of each year. NPV 30,320 − 14,600 = $15,720; per period −117,140, then +132,860, so it pays
    // back 117,140 / 132,860 into year 2: 1.88168 years. IRR: with x = 1 / (1 + r),
    // 132,860 (x + x²) = 250,000, x = (−1 + √(1 + 4 × 250,000 / 132,860)) / 2, r = 4.1637 %.
    const x = (-1 + Math.sqrt(1 + (4 * 250_000) / 132_860)) / 2;
    expect(plan.decision!.asItIsNpvUsd).toBeCloseTo(14_600, 3);
    expect(plan.decision!.npvUsd).toBeCloseTo(15_720, 3);
    expect(plan.decision!.cashFlowUsd.map((c) => Math.round(c))).toEqual([-117_140, 132_860]);
    expect(plan.decision!.paybackPeriods!).toBeCloseTo(1 + 117_140 / 132_860, 9);
    expect(plan.decision!.irrFraction!).toBeCloseTo(1 / x - 1, 6);
    // The fleet's own IRR counts the hall's whole earnings, the miners' included: 140,160 a year on 250,000.
    const fleetX = (-1 + Math.sqrt(1 + (4 * 250_000) / 140_160)) / 2;
    expect(plan.irrFraction!).toBeCloseTo(1 / fleetX - 1, 6);
    // A plan that keeps everything as it is decides nothing: no NPV of its own, no IRR, no payback needed.
    const kept = await service.solve(doc, options({ objective: 'worst-case' }));
    doc.scenarios[0]!.gpuRateUsdPerGpuHour = [0.1, 0.1];
    const keep = await service.solve(doc, options());
    expect(keep.plan.halls[0]).toMatchObject({ optionId: 'keep', startPeriod: null });
    expect(keep.plan.decision).toMatchObject({ asItIsNpvUsd: expect.closeTo(14_600, 3), npvUsd: expect.closeTo(0, 6), irrFraction: null, paybackPeriods: 0 });
    expect(kept.plan.decision!.npvUsd).toBeCloseTo(15_720, 3); // one scenario: the worst case is the expected case
  });

  /**
   * The tiny fleet with a year of hourly prices: each day 20 hours at $20/MWh and 4 at $200
   * (mean $50), demand response at $30/MWh on up to 10 % of the hours, a peak-demand charge
   * of $5/kW-month, GPU racks at $3/GPU-h.
   * - A miner rack earns 1 PH/s × $50 / 24 = $2.0833 an hour on 0.1 MW: $20.83 per MWh, so it runs
   *   in the $20 hours only, 20/24 of the year: 0.1 × 8,760 × 20/24 × 0.8333 = $608.33 a rack-year.
   *   The dearest 10 % (876 h) are all $200 hours, where it is off: 876 × $30 × 0.1 MW = $2,628.
   *   Keeping 10 racks two years: 2 × 10 × (608.33 + 2,628) = $64,726.67.
   * - A GPU rack (firm) earns 10 × $3 × 8,760 = $262,800, pays 0.1 × $50 × 8,760 = $43,800 of power
   *   and 100 kW × $5 × 12 = $6,000 of peak charge: $213,000 a year, from year 2.
   *   Converting at once: −50,000 − 200,000 + 2 × 213,000 = $176,000, the optimum.
   */
  function pricedFleet(): FleetDoc {
    const doc = tinyFleet();
    doc.fleet.startMonth = '2027-01';
    const pricesUsdPerMwh = Array.from({ length: 8760 }, (_, h) => (h % 24 < 20 ? 20 : 200));
    doc.sites[0] = {
      ...doc.sites[0]!,
      priceSeries: { source: 'test year', start: '2027-01-01T00:00', intervalMinutes: 60, pricesUsdPerMwh },
      demandResponse: { enabled: true, creditUsdPerMwh: 30, maxCurtailmentFraction: 0.1 },
      peakDemandChargeUsdPerKwMonth: 5,
    };
    doc.scenarios[0]!.gpuRateUsdPerGpuHour = [3, 3];
    return doc;
  }

  it('prices power hour by hour: mining curtails and earns demand response, AI pays every hour and the peak charge; CBC agrees on the LP file', async () => {
    const doc = pricedFleet();
    const { plan } = await service.solve(doc, options());
    expect(plan.npvUsd).toBeCloseTo(176_000, 3);
    expect(plan.halls[0]).toMatchObject({ optionId: 'ai', startPeriod: 0, units: 2 });
    expect(plan.periods[1]).toMatchObject({ aiRevenueUsd: expect.closeTo(525_600, 6), powerCostUsd: expect.closeTo(87_600, 6), demandChargeUsd: expect.closeTo(12_000, 6), curtailmentCreditUsd: 0 });
    expect(plan.decision!.asItIsNpvUsd).toBeCloseTo(2 * 10 * (608.3333333 + 2_628), 3);
    // Keeping is the answer at $2/GPU-h (AI: −250,000 + 2 × 125,400 = $800): its credits are their own row.
    doc.scenarios[0]!.gpuRateUsdPerGpuHour = [2, 2];
    const keep = await service.solve(doc, options());
    expect(keep.plan.npvUsd).toBeCloseTo(2 * 10 * (608.3333333 + 2_628), 3);
    expect(keep.plan.periods[0]).toMatchObject({
      miningRevenueUsd: expect.closeTo((10 * 0.1 * 8_760 * 20 * 20.833333333) / 24, 3),
      powerCostUsd: expect.closeTo((10 * 0.1 * 8_760 * 20 * 20) / 24, 3),
      curtailmentCreditUsd: expect.closeTo(26_280, 6),
      demandChargeUsd: 0,
    });
    // A fixed-price block of 0.05 MW at $40 settles against the $50 mean: 0.05 × 8,760 × 10 = $4,380 a
    // year, its own row; the plan is the same, its NPV $8,760 higher, and the decision's return unchanged.
    const hedged = pricedFleet();
    hedged.sites[0]!.hedges = [{ mw: 0.05, priceUsdPerMwh: 40 }];
    const { plan: withHedge, sensitivity } = await service.solve(hedged, options());
    // Power prices doubled, production as planned: year 2's $87,600 of power doubles, and the hedge
    // settles at 0.05 × 8,760 × (100 − 40) = $26,280 a year: 184,760 − 87,600 + 2 × (26,280 − 4,380) = $140,960.
    const factor = (g: number) => sensitivity!.npvByPowerPriceUsd[sensitivity!.powerPriceFactors.indexOf(g)]!;
    expect(factor(1)).toBeCloseTo(176_000 + 8_760, 3);
    expect(factor(2)).toBeCloseTo(140_960, 3);
    expect(withHedge.npvUsd).toBeCloseTo(176_000 + 8_760, 3);
    expect(withHedge.periods.map((r) => r.hedgeSettlementUsd)).toEqual([expect.closeTo(4_380, 6), expect.closeTo(4_380, 6)]);
    expect(withHedge.decision!.npvUsd).toBeCloseTo(plan.decision!.npvUsd, 3);
    // The LP file of the model with the price series: Debian's CBC finds the same optimum.
    for (const [fleet, npv] of [[pricedFleet(), plan.npvUsd], [doc, keep.plan.npvUsd]] as const) {
      const lp = path.join(dir, 'priced.lp');
      fs.writeFileSync(lp, await service.writeLp(fleet, 'expected'));
      execFileSync('cbc', [lp, 'solve', 'solu', path.join(dir, 'priced.sol')]);
      const cbcObjective = Number(/Optimal - objective value ([-\d.e+]+)/.exec(fs.readFileSync(path.join(dir, 'priced.sol'), 'utf8'))![1]);
      expect(cbcObjective).toBeCloseTo(npv, 3);
    }
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

  it('a run asked while the cancelled worker is still ending gets its own answer, not that worker\'s end', async () => {
    const big = generateFleet({ placements: 2000, seed: 3 });
    big.fleet = { ...big.fleet, horizonPeriods: 40 };
    const cancelledRun = service.solve(big, options({ mipGap: 0 }));
    const cancelling = service.cancel();
    const next = service.solve(tinyFleet(), options());
    await expect(cancelledRun).rejects.toThrow('Cancelled');
    expect(await cancelling).toBe(true);
    expect((await next).plan.npvUsd).toBeCloseTo(65_360, 3);
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
    expect(describePlanStatus(plan)).toMatch(/^stopped: best found, within /);
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
    // Five sites over 72 quarters: about 2.9 million nonzeros at 850 bytes each and 157 MB for the run, over the 2 GiB HiGHS-wasm can grow to.
    await expect(service.solve(referencePortfolio(1, 5, 72), options())).rejects.toThrow(
      /^The model needs about 2\.\d\d GB of solver memory \([\d,]+ variables, [\d,]+ nonzeros at about 850 bytes each, and 157 MB any run takes\), more than the 2\.1\d GB the solver can hold: shorten the horizon to at most \d\d periods, or plan at most [1-4] of the 5 sites at a time$/,
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
    // It claims no restart: a command line's run ends with it.
    await expect(running).rejects.toThrow(/^The optimizer stopped unexpectedly \(exit code 70\); run it again$/);
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

  it('writes one LP file at a time: a second asked for meanwhile is refused in words, and the next after it is written', async () => {
    await withOwnService(async (own) => {
      const first = own.writeLp(referencePortfolio(1, 3), 'expected');
      await expect(own.writeLp(sampleCampus(), 'expected')).rejects.toThrow(LP_BUSY);
      expect(await first).toBe(lpFileOf(referencePortfolio(1, 3), 'expected'));
      expect(await own.writeLp(sampleCampus(), 'expected')).toBe(lpFileOf(sampleCampus(), 'expected'));
    });
  });

  it('an LP file no one waits for any more is given up, and frees the writer for the next', async () => {
    await withOwnService(async (own) => {
      const asker = new AbortController();
      const writing = own.writeLp(referencePortfolio(), 'expected', asker.signal);
      asker.abort();
      await expect(writing).rejects.toThrow('The LP file was not written: the request for it was withdrawn');
      expect(await own.writeLp(sampleCampus(), 'expected')).toBe(lpFileOf(sampleCampus(), 'expected'));
    });
  });

  it('an LP file of a model too large for the solver is refused as a run would be, saying what to shorten', async () => {
    await withOwnService(async (own) => {
      await expect(own.writeLp(referencePortfolio(1, 5, 72), 'expected')).rejects.toThrow(/^The model needs about .* more than the .* the solver can hold: shorten the horizon to at most \d+ periods/);
    });
  }, 120_000);

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
  it('the sensitivity grid lets miners curtail as the scaled prices make them: a mining plan is never worth less than idling its miners', async () => {
    // The tiny fleet keeps mining (GPUs at $0.1/GPU-h): 10 racks of 1 PH/s and 100 kW earn $50/PH/day,
    // 50 / (0.1 MW × 24 h) = $20.83 per MWh, against $20 power: 10 × 876 MWh × 0.8333 × 2 years = $14,600.
    const doc = tinyFleet();
    doc.scenarios[0]!.gpuRateUsdPerGpuHour = [0.1, 0.1];
    const { plan, sensitivity } = await service.solve(doc, options());
    expect(plan.halls[0]).toMatchObject({ optionId: 'keep' });
    expect(plan.npvUsd).toBeCloseTo(14_600, 3);
    const powerAt = (g: number) => sensitivity!.npvByPowerPriceUsd[sensitivity!.powerPriceFactors.indexOf(g)]!;
    // At twice the power price ($40 > $20.83) they never run: $0, not the −$335,800 of running every hour at a loss.
    expect(powerAt(2)).toBeCloseTo(0, 6);
    // At half ($10) they earn 20.8333 − 10 = $10.8333 a MWh: 10 × 876 × 10.8333 × 2 = $189,800.
    expect(powerAt(0.5)).toBeCloseTo(189_800, 3);
    // At half the hashprice ($10.42 a MWh < $20) they never run either.
    expect(sensitivity!.npvUsd[sensitivity!.hashpriceFactors.indexOf(0.5)]![sensitivity!.gpuRateFactors.indexOf(1)]!).toBeCloseTo(0, 6);
  });

  it('the per-period cash flows, discounted, give back the plan NPV (the sensitivity grid at 1 × 1), and so do the halls\' NPVs, for either objective', async () => {
    await withOwnService(async (svc) => {
      // A worst-case plan's figures are those of its worst scenario (the campus's bear
      // case), not an average of the scenarios: $233 M by hall for a $27 M plan, before.
      for (const objective of ['expected', 'worst-case'] as const) {
        const { plan, sensitivity } = await svc.solve(sampleCampus(), options({ mipGap: 1e-6, objective }));
        const one = sensitivity!.hashpriceFactors.indexOf(1);
        expect(sensitivity!.npvUsd[one]![sensitivity!.gpuRateFactors.indexOf(1)]!, objective).toBeCloseTo(plan.npvUsd, -1);
        // The halls' NPVs add up to the plan's.
        expect(plan.halls.reduce((t, h) => t + h.npvUsd!, 0), objective).toBeCloseTo(plan.npvUsd, -1);
        expect(plan.halls.every((h) => Number.isFinite(h.npvUsd))).toBe(true);
        if (objective === 'expected') {
          // Each cell reads the plan again at those prices, its miners running only where they earn: never below
          // its money scaled as it stands, which runs them in the same hours whatever they earn there.
          const fleet = sampleCampus().fleet;
          const df = (p: number, start = false) => discountFactor(fleet, p, start);
          sensitivity!.hashpriceFactors.forEach((fh, i) =>
            sensitivity!.gpuRateFactors.forEach((fg, j) => {
              const scaled = plan.periods.reduce((t, r, p) => t + (r.miningRevenueUsd * fh + r.aiRevenueUsd * fg - r.powerCostUsd + r.curtailmentCreditUsd! - r.demandChargeUsd!) * df(p) - r.capexUsd * df(p, true), 0);
              expect(sensitivity!.npvUsd[i]![j]!).toBeGreaterThanOrEqual(scaled - 1);
            }),
          );
        }
      }
    });
  });
});
