/**
 * The optimizer's reference portfolio: 20 sites × 6 halls × 10 options × 12 quarters ×
 * 3 scenarios, synthetic. Each hall may keep its miners, repower in one of three ways (two
 * miner models, one of them at two price points), convert to one of five AI rack classes,
 * or go idle; seeded, so every run solves the same model. Fewer sites give a smaller
 * model of the same kind, more quarters a longer horizon, and five scenarios (the three
 * and one halfway to each extreme) the largest fleets' benchmark.
 */
import { builtInCatalog } from '../catalog';
import type { FleetDoc, Hall, RetrofitOption } from '../model/schema';
import { fiveScenarios, idleOption, keepMiningOption, retrofitAiOption, threeScenarios } from './economics';
import { fleetMeta, hall, site, titleBlock } from './parts';

const HALLS_PER_SITE = 6;
export function referencePortfolio(seed = 1, siteCount = 20, quarters = 12, scenarios: 3 | 5 = 3): FleetDoc {
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const models = builtInCatalog();
  const model = (id: string) => models.find((m) => m.id === id)!;
  const current = model('rack-s19xp');
  const repowers = ['rack-s21', 'rack-s21xp', 'rack-s21'].map(model);
  const aiRacks = ['rack-h100x4', 'rack-h200x4', 'rack-b200x4', 'rack-b300x4', 'nvl72-gb200'].map(model);
  const halls: Hall[] = [];
  const sites = Array.from({ length: siteCount }, (_, s) => {
    let feedKw = 0;
    for (let k = 0; k < HALLS_PER_SITE; k++) {
      const widthM = 40 + Math.round(random() * 60);
      const depthM = 20 + Math.round(random() * 25);
      const units = Math.round((widthM * depthM) / 12);
      const h = hall({
        id: `s${s}h${k}`, siteId: `s${s}`, name: `Site ${s + 1} hall ${k + 1}`, kind: 'building', siteXM: k * 110, siteYM: 0, widthM, depthM,
        floorLimitKgPerM2: 1200, feedKw: Math.ceil(units * current.powerKw * 1.15), plant: { method: 'free-air', unitCount: 20, unitCapacityKw: Math.ceil((units * current.powerKw * 1.1) / 19) },
        densityLimitKwPerRack: 80, pue: 1.1 + random() * 0.1, currentUse: 'mining',
      });
      const options: RetrofitOption[] = [
        keepMiningOption(h, current, units),
        ...repowers.map((m, i) => ({ ...keepMiningOption(h, m, units), id: `${h.id}-rp${i}`, name: `Repower with ${m.name}`, kind: 'repower' as const, capexUsd: Math.round(units * 2000 * random()), leadTimePeriods: 1 })),
        ...aiRacks.map((m, i) => ({ ...retrofitAiOption(h, m), id: `${h.id}-ai${i}`, leadTimePeriods: 2 + (i % 3), capexUsd: Math.round(retrofitAiOption(h, m).capexUsd * (0.8 + 0.4 * random())) })),
        idleOption(h),
      ];
      h.retrofitOptions = options;
      feedKw += h.feedKw;
      halls.push(h);
    }
    return site({ id: `s${s}`, name: `Site ${s + 1}`, location: 'Synthetic', interconnectMw: Math.ceil((feedKw / 1000) * (0.9 + random() * 0.3)), transformerCapacityMw: Math.ceil((feedKw / 1000) * 1.1), powerPriceUsdPerMwh: 25 + Math.round(random() * 20), widthM: 700, depthM: 100 });
  });
  return {
    fleet: fleetMeta('Reference portfolio', quarters),
    sites,
    halls,
    zones: [],
    models,
    placements: [],
    scenarios: scenarios === 5 ? fiveScenarios(quarters) : threeScenarios(quarters),
    limits: { objective: 'expected', capexBudgetUsdPerPeriod: Array(quarters).fill(400_000_000), gpuDeliveriesPerPeriod: Array(quarters).fill(20_000), contractedAiMw: 50, contractedByPeriod: 8, contractTermPeriods: null, timeLimitS: 600, mipGapFraction: 0.001 },
    plans: [],
    titleBlock: titleBlock('FP-BENCH', 'Optimizer benchmark portfolio'),
  };
}
