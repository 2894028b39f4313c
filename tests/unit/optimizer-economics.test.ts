import { describe, expect, it } from 'vitest';
import { datedCashFlows, discountFactor, irr, npv, payback, unitEconomics } from '../../shared/optimizer/economics';
import type { EquipmentModel, Scenario } from '../../shared/model/schema';
import { siteEnergy } from '../../shared/energy/site-energy';

const quarters = { periodMonths: 3, discountRatePctPerYear: 10 };
const flat30 = siteEnergy({ powerPriceUsdPerMwh: 30, demandResponse: { enabled: false, creditUsdPerMwh: 0, maxCurtailmentFraction: 0 }, priceSeries: null, peakDemandChargeUsdPerKwMonth: 0 }, quarters);
const scenario: Scenario = { id: 's', name: 's', probability: 1, hashpriceUsdPerPhDay: [40], gpuRateUsdPerGpuHour: [2], gpuUtilizationFraction: [0.8], powerPriceFactor: [1] };

describe('optimizer economics', () => {
  it('a shelf rack of 20 S21 XP (5,400 TH/s, 72.9 kW) for a quarter at $40/PH/day and $30/MWh, PUE 1.1', () => {
    const rack = { hashrateThs: 5400, gpuCount: 0, powerKw: 72.9 } as EquipmentModel;
    const e = unitEconomics(rack, 1.1, flat30, scenario, quarters, 0);
    // hours = 8760 / 4 = 2,190; days = 91.25. Revenue 5.4 PH × $40 × 91.25 = $19,710.
    expect(e.revenueUsd).toBeCloseTo(19_710, 6);
    // Power 0.0729 MW × 1.1 × 2,190 h × $30 = $5,268.48
    expect(e.powerCostUsd).toBeCloseTo(5_268.483, 3);
  });
  it('a GB200 NVL72 (72 GPUs, 132 kW) for a quarter at $2/GPU-h, 80 % utilised', () => {
    const rack = { hashrateThs: 0, gpuCount: 72, powerKw: 132 } as EquipmentModel;
    // 72 × 2 × 0.8 × 2,190 = $252,288
    expect(unitEconomics(rack, 1.2, flat30, scenario, quarters, 0).revenueUsd).toBeCloseTo(252_288, 6);
  });
  it('discounts at 10 %/year: end of quarter 4 is one year out, 1/1.1', () => {
    expect(discountFactor(quarters, 3)).toBeCloseTo(1 / 1.1, 12);
    expect(discountFactor(quarters, 0, true)).toBe(1);
    expect(npv([0, 0, 0, 110], quarters)).toBeCloseTo(100, 9);
  });
  it('IRR: −100 now and +110 a year later is 10 %/year', () => {
    expect(irr([{ usd: -100, atPeriods: 0 }, { usd: 110, atPeriods: 4 }], 3)).toBeCloseTo(0.1, 6);
    expect(irr([{ usd: 10, atPeriods: 1 }, { usd: 10, atPeriods: 2 }], 3)).toBeNull();
  });
  it('IRR dates a period\'s capex at its start and its earnings at its end, as the NPV does: at the IRR the NPV is 0', () => {
    // Capex 100 in quarter 1 (now), earnings 30 at the end of each of quarters 1–4.
    const periods = [100, 0, 0, 0].map((capexUsd) => ({ capexUsd, miningRevenueUsd: 40, aiRevenueUsd: 0, powerCostUsd: 10 }));
    const flows = datedCashFlows(periods);
    expect(flows.slice(0, 2)).toEqual([{ usd: -100, atPeriods: 0 }, { usd: 30, atPeriods: 1 }]);
    const perYear = irr(flows, 3)!;
    const perQuarter = (1 + perYear) ** 0.25 - 1;
    // By hand: 30 × (1 − 1.0771^−4) / 0.0771 = 100 at 7.71 % a quarter, 34.6 % a year.
    expect(perQuarter).toBeCloseTo(0.0771, 4);
    expect(-100 + [1, 2, 3, 4].reduce((t, q) => t + 30 / (1 + perQuarter) ** q, 0)).toBeCloseTo(0, 6);
  });
  const flows = (...cashFlowUsd: number[]) => cashFlowUsd.map((c, p) => ({ capexUsd: p === 0 && c < 0 ? -c : 0, cashFlowUsd: c }));
  it('payback: −100, +40, +40, +40 is −60, −20, +20 cumulative: paid back half-way through the fourth period, 3.5 periods', () => {
    expect(payback(flows(-100, 40, 40, 40))).toBeCloseTo(3.5, 12);
    expect(payback(flows(-100, 10))).toBeNull();
  });
  it("payback within the first period: $250,000 of capex at its start, $315,360 earned over it (a cash flow of +$65,360), pays back 250,000 / 315,360 = 0.7927 of the way through, not at once", () => {
    expect(payback([{ capexUsd: 250_000, cashFlowUsd: 65_360 }, { capexUsd: 0, cashFlowUsd: 315_360 }])).toBeCloseTo(250_000 / 315_360, 12);
    // Never in deficit, with no capex: no payback needed.
    expect(payback([{ capexUsd: 0, cashFlowUsd: 10 }])).toBe(0);
  });
});
