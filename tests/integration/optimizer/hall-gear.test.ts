import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../shared/commands/apply';
import { checkFleet } from '../../../shared/constraints';
import { applyPlanCommand } from '../../../shared/optimizer/apply-plan';
import { buildModel } from '../../../shared/optimizer/model';
import { runOptimizer } from '../../../shared/optimizer/run';
import type { EquipmentModel, FleetDoc } from '../../../shared/model/schema';
import { sampleSmall } from '../../../shared/samples';
import { loadHighs } from '../../../electron/backend/optimizer/highs-solver';

/**
 * One empty hall whose AI option's feed is `feedKw`: a 100 kW, 64-GPU rack sending 80 % of
 * its heat to liquid, at most 6 of them, no lead time, in the small sample's N+1 hall. The
 * catalog's largest CDU is the 2.3 MW row-end unit, drawing 25 kW.
 */
function oneHall(feedKw: number): FleetDoc {
  const doc = sampleSmall();
  const gb200 = doc.models.find((m) => m.id === 'nvl72-gb200')!;
  const rack: EquipmentModel = { ...gb200, id: 'rack-100', name: 'Test rack 100 kW', powerKw: 100, gpuCount: 64, heatToLiquidFraction: 0.8 };
  const hall = doc.halls[0]!;
  const ai = hall.retrofitOptions.find((o) => o.kind === 'retrofit-ai')!;
  Object.assign(ai, { modelId: rack.id, feedKw, usableCoolingKw: 1_000, maxUnits: 6, leadTimePeriods: 0 });
  hall.retrofitOptions = [ai];
  return { ...doc, models: [...doc.models, rack], placements: [], zones: [], limits: { ...doc.limits, contractedAiMw: 0 } };
}

describe('the gear a hall keeps and the CDUs its racks need, on the feed the optimizer fills', () => {
  it('leaves the CDUs their pumps: 6 × 100 kW + 2 × 25 kW = 650 kW is over a 600 kW feed, so 5 (550 kW); on a 650 kW feed, exactly 6', () => {
    // 6 racks: 6 × 100 × 0.8 = 480 kW of liquid heat, one 2.3 MW CDU and its spare (the hall is N+1).
    const [short, onLimit] = [oneHall(600), oneHall(650)].map((doc) => buildModel(doc, 'expected').halls[0]!.starts[0]!);
    expect([short!.maxUnits, short!.gearKw]).toEqual([5, 50]);
    expect([onLimit!.maxUnits, onLimit!.gearKw]).toEqual([6, 50]);
  });

  it('a plan that fills the feed passes the hall\'s checks once applied', async () => {
    const doc = oneHall(600);
    const solve = await loadHighs();
    const { plan } = runOptimizer(doc, { objective: 'expected', timeLimitS: 60, mipGap: 1e-6, planId: 'p', now: 'now' }, solve);
    expect(plan.halls[0]!.units).toBe(5);
    const applied = applyCommand(doc, applyPlanCommand(doc, plan).command).doc;
    // 5 × 100 kW + two 25 kW CDUs (one the N+1 spare) = 550 kW on the 600 kW feed.
    expect(applied.placements.filter((p) => p.modelId === 'cdu-2300')).toHaveLength(2);
    expect(checkFleet(applied).violations.filter((v) => v.severity === 'error')).toEqual([]);
  });

  it('the plant carries the heat the racks do not send to CDUs: 20 GB200 racks of 19.8 kW air heat and a 25 kW CDU are exactly 421 kW', () => {
    // GB200 NVL72: 132 kW, 85 % to liquid, so 19.8 kW to air; under N one 2.3 MW CDU carries 20 × 112.2 = 2,244 kW.
    const doc = oneHall(9_000);
    const gb200 = doc.models.find((m) => m.id === 'nvl72-gb200')!;
    doc.halls[0]!.cooling.redundancy = 'N';
    Object.assign(doc.halls[0]!.retrofitOptions[0]!, { modelId: gb200.id, usableCoolingKw: 421, maxUnits: 40 });
    const option = buildModel(doc, 'expected').halls[0]!.starts[0]!;
    expect([option.maxUnits, option.gearKw]).toEqual([20, 25]);
    Object.assign(doc.halls[0]!.retrofitOptions[0]!, { usableCoolingKw: 420.8 });
    expect(buildModel(doc, 'expected').halls[0]!.starts[0]!.maxUnits).toBe(19);
  });

  it('the plant keeps room for what stays of the old cooling: a free-air hall keeps its four 15 kW fan walls', () => {
    // Air-cooled racks (no CDU heat) under a free-air option keep the hall's fan walls (15 kW each):
    // the plant carries racks and fans, 1,000 kW usable: 9 × 100 + 4 × 15 = 960, 10 × 100 + 60 = 1,060.
    const doc = oneHall(10_000);
    const rack = doc.models.find((m) => m.id === 'rack-100')!;
    Object.assign(rack, { heatToLiquidFraction: 0, compatibleCooling: ['free-air'] });
    Object.assign(doc.halls[0]!.retrofitOptions[0]!, { coolingMethod: 'free-air', maxUnits: 20 });
    const fanWall = doc.models.find((m) => m.kind === 'crah' && m.powerKw === 15)!;
    expect(fanWall.compatibleCooling).toContain('free-air');
    doc.placements = [0, 1, 2, 3].map((i) => ({ id: `fw${i}`, hallId: 'sm-h1', modelId: fanWall.id, xM: 2 + i * 3, yM: 13, rotationDeg: 0, powerSourceId: null, powerSourceBId: null, label: `FW${i}` }));
    const option = buildModel(doc, 'expected').halls[0]!.starts[0]!;
    expect([option.maxUnits, option.gearKw]).toEqual([9, 60]);
  });
});
