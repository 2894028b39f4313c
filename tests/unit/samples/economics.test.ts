import { describe, expect, it } from 'vitest';
import { builtInModel } from '../../../shared/catalog';
import { defaultLimits, retrofitAiOption, STARTING_PRICES, threeScenarios } from '../../../shared/samples/economics';
import { usableCoolingKw } from '../../../shared/model/cooling';

describe('sample economics', () => {
  it('each scenario starts at its cited price, and each citation carries its date', () => {
    const [base, bear, bull] = threeScenarios(8);
    expect([bear!, base!, bull!].map((s) => s.hashpriceUsdPerPhDay[0])).toEqual([38, 42, 55]);
    expect([bear!, base!, bull!].map((s) => s.gpuRateUsdPerGpuHour[0])).toEqual([4, 4.5, 5]);
    expect(STARTING_PRICES.hashpriceUsdPerPhDay.source).toMatch(/Mar-Apr 2025.*late 2025/);
    expect(STARTING_PRICES.gpuRateUsdPerGpuHour.source).toMatch(/March 2026/);
  });

  it('sizes an AI retrofit from floor area (5,000 ft² per MW of IT, $9.5 M per MW)', () => {
    // 120 m × 42 m = 5,040 m² = 5,040 / 0.3048² = 54,250.1 ft² → 10.85002 MW of IT.
    // Capex 10.85002 × $9.5 M = $103,075,206; feed 10,850.02 kW × 1.35 = 14,648 kW;
    // cooling 10,850.02 × 1.1 = 11,935 kW; GB200 racks ⌊10,850.02 / 132⌋ = 82.
    const option = retrofitAiOption({ id: 'h', widthM: 120, depthM: 42 }, builtInModel('nvl72-gb200'));
    expect(option).toMatchObject({
      id: 'h-ai',
      kind: 'retrofit-ai',
      modelId: 'nvl72-gb200',
      capexUsd: 103_075_206,
      feedKw: 14_648,
      usableCoolingKw: 11_935,
      maxUnits: 82,
      leadTimePeriods: 4,
      pue: 1.2,
    });
  });

  it('counts cooling without the redundant units', () => {
    const plant = (unitCount: number, redundancy: 'N' | 'N+1' | '2N') => ({ cooling: { method: 'air' as const, unitCount, unitCapacityKw: 300, redundancy } });
    expect(usableCoolingKw(plant(4, 'N'))).toBe(1_200); // 4 × 300
    expect(usableCoolingKw(plant(4, 'N+1'))).toBe(900); // (4 − 1) × 300
    expect(usableCoolingKw(plant(5, '2N'))).toBe(600); // (5 − ⌈5/2⌉) × 300
  });

  it('cuts hashprice at the halving and keeps probabilities summing to 1', () => {
    const [base, bear, bull] = threeScenarios(20);
    // Base: 42 × 1.02^4 = 45.46 before the halving; 42 × 1.02^5 × 0.55 = 25.50 after it.
    expect(base!.hashpriceUsdPerPhDay[4]).toBe(45.46);
    expect(base!.hashpriceUsdPerPhDay[5]).toBe(25.5);
    // GPU rate: 4.50 × 0.97^3 = 4.11; the bear path stops at its $1.70 floor.
    expect(base!.gpuRateUsdPerGpuHour[3]).toBe(4.11);
    expect(Math.min(...bear!.gpuRateUsdPerGpuHour)).toBe(1.7);
    expect(base!.probability + bear!.probability + bull!.probability).toBe(1);
    for (const s of [base!, bear!, bull!]) expect(s.powerPriceFactor).toHaveLength(20);
    expect(defaultLimits(20).capexBudgetUsdPerPeriod).toHaveLength(20);
  });
});
