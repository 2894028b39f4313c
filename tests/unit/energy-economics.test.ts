/**
 * Curtailment, demand response and the peak-demand charge on a hand-written week of
 * hourly prices, each figure worked out by hand below.
 */
import { describe, expect, it } from 'vitest';
import { siteEnergy } from '../../shared/energy/site-energy';
import type { PriceSeries } from '../../shared/energy/price-series';
import { unitEconomics, unitMarginUsd } from '../../shared/optimizer/economics';
import type { EquipmentModel, Scenario, Site } from '../../shared/model/schema';

/**
 * One week from Monday 2027-07-05 00:00, hourly. Each day: hours 0-5 at $20, 6-15 at $40,
 * 16-19 at $150 (the evening peak), 20-23 at $30. Two exceptions: Wednesday 17:00 is a
 * $3,000 scarcity hour (instead of $150), Saturday 03:00 is −$10 (instead of $20).
 * Sum: a normal day 6 × 20 + 10 × 40 + 4 × 150 + 4 × 30 = 1,240; the week 7 × 1,240 = 8,680,
 * + 2,850 for the spike, − 30 for the negative hour = 11,500 over 168 hours.
 */
function week(): PriceSeries {
  const day = [...Array(6).fill(20), ...Array(10).fill(40), ...Array(4).fill(150), ...Array(4).fill(30)] as number[];
  const prices = Array.from({ length: 7 }, () => day).flat();
  prices[2 * 24 + 17] = 3_000;
  prices[5 * 24 + 3] = -10;
  return { source: 'hand-written week', start: '2027-07-05T00:00', intervalMinutes: 60, pricesUsdPerMwh: prices };
}

const site = (o: Partial<Site> = {}): Pick<Site, 'powerPriceUsdPerMwh' | 'demandResponse' | 'priceSeries' | 'peakDemandChargeUsdPerKwMonth'> => ({
  powerPriceUsdPerMwh: 0,
  demandResponse: { enabled: false, creditUsdPerMwh: 0, maxCurtailmentFraction: 0 },
  priceSeries: week(),
  peakDemandChargeUsdPerKwMonth: 0,
  ...o,
});
/** A whole year per period and no start month: every period takes the whole week, scaled to 8,760 hours. */
const yearly = { periodMonths: 12, discountRatePctPerYear: 0 };

describe('energy economics on a week of hourly prices', () => {
  it('mining runs only where its revenue per MWh beats the price × PUE: the margin is the sum of max(0, revenue − cost)', () => {
    // $60 per MWh of IT at PUE 1.1: it runs while 1.1 × price < 60, i.e. at $20, $40, $30 and −$10,
    // and stops at $150 and $3,000. A normal day runs 6 + 10 + 4 = 20 hours: 140 of 168.
    // Margins per run hour: 60 − 22 = 38, 60 − 44 = 16, 60 − 33 = 27; −$10: 60 + 11 = 71.
    // A normal day 6 × 38 + 10 × 16 + 4 × 27 = 496; the week 7 × 496 = 3,472 + (71 − 38) = 3,505.
    // Revenue 140 × 60 = 8,400; power 1.1 × (7 × 640 − 30) = 4,895; 8,400 − 4,895 = 3,505.
    const s = siteEnergy(site(), yearly).share(0, 60, 1.1, 1, true);
    expect(s.revenueUsd * 168).toBeCloseTo(8_400, 9);
    expect(s.powerCostUsd * 168).toBeCloseTo(4_895, 9);
    expect((s.revenueUsd - s.powerCostUsd) * 168).toBeCloseTo(3_505, 9);
    expect(s.uptimeFraction).toBeCloseTo(140 / 168, 12);
    expect(s.curtailmentCreditUsd).toBe(0);
  });

  it('exactly on the limit (revenue = price × PUE) it stays off: no margin either way, and no uptime', () => {
    // $50 per MWh of IT at PUE 1.25 (exact in binary): the $40 hours cost exactly 1.25 × 40 = 50. Costs:
    // $20 → 25, $30 → 37.5, −$10 → −12.5. It runs at $20 (6 h a day) and $30 (4 h): 6 × 25 + 4 × 12.5 = 200 a
    // day, 7 × 200 = 1,400, + (62.5 − 25) for the −$10 hour = 1,437.5; 70 hours of 168, not the 140 it
    // would show running on the limit.
    const s = siteEnergy(site(), yearly).share(0, 50, 1.25, 1, true);
    expect((s.revenueUsd - s.powerCostUsd) * 168).toBeCloseTo(1_437.5, 9);
    expect(s.uptimeFraction).toBeCloseTo(70 / 168, 12);
    // A cent more revenue and the $40 hours run, each earning 1 ¢: 140 hours.
    expect(siteEnergy(site(), yearly).share(0, 50.01, 1.25, 1, true).uptimeFraction).toBeCloseTo(140 / 168, 12);
  });

  it('exactly on the demand-response breakeven (running earns what curtailing is paid) it curtails', () => {
    // $60 per MWh of IT at PUE 1.25: the $40 hours earn 60 − 50 = 10 running. A 25 % program pays for the
    // ⌊0.25 × 168⌋ = 42 dearest hours: the 28 at $150 or more, and the first 14 of the $40 hours. A credit of
    // $8/MWh on IT × PUE pays 8 × 1.25 = 10 per MWh of IT: exactly what running earns, so it curtails.
    // Margins run: $20 → 35, $40 → 10, $30 → 22.5, −$10 → 72.5: a day 6 × 35 + 10 × 10 + 4 × 22.5 = 400, the
    // week 2,800 + (72.5 − 35) = 2,837.5, less the 14 curtailed hours' 140 = 2,697.5; credit 42 × 10 = 420.
    const dr = (credit: number) => site({ demandResponse: { enabled: true, creditUsdPerMwh: credit, maxCurtailmentFraction: 0.25 } });
    const s = siteEnergy(dr(8), yearly).share(0, 60, 1.25, 1, true);
    expect((s.revenueUsd - s.powerCostUsd) * 168).toBeCloseTo(2_697.5, 9);
    expect(s.curtailmentCreditUsd * 168).toBeCloseTo(420, 9);
    expect(s.uptimeFraction).toBeCloseTo((140 - 14) / 168, 12);
    // Worth the same either way: a credit a cent lower keeps those hours running, 140 hours, 2,837.5 + 28 × 9.9875.
    const below = siteEnergy(dr(7.99), yearly).share(0, 60, 1.25, 1, true);
    expect(below.uptimeFraction).toBeCloseTo(140 / 168, 12);
    expect((below.revenueUsd - below.powerCostUsd + below.curtailmentCreditUsd) * 168).toBeCloseTo(2_837.5 + 28 * 7.99 * 1.25, 9);
  });

  it('demand response pays its credit on the load curtailed in the highest-priced hours, up to its share', () => {
    // Credit $50/MWh on IT × PUE = $55 per MWh of IT. 10 % of 168 = 16.8, so the 16 dearest hours:
    // the $3,000 hour and the first 15 of the $150 hours, all curtailed anyway: 16 × 55 = 880.
    const dr = (share: number) => site({ demandResponse: { enabled: true, creditUsdPerMwh: 50, maxCurtailmentFraction: share } });
    const ten = siteEnergy(dr(0.1), yearly).share(0, 60, 1.1, 1, true);
    expect(ten.curtailmentCreditUsd * 168).toBeCloseTo(880, 9);
    expect((ten.revenueUsd - ten.powerCostUsd) * 168).toBeCloseTo(3_505, 9);
    // 25 %: ⌊42⌋ hours, the 28 at $150 or more and the first 14 at $40. There the credit (55) beats
    // running (16), so mining curtails: credit 42 × 55 = 2,310, margin 3,505 − 14 × 16 = 3,281.
    const quarter = siteEnergy(dr(0.25), yearly).share(0, 60, 1.1, 1, true);
    expect(quarter.curtailmentCreditUsd * 168).toBeCloseTo(2_310, 9);
    expect((quarter.revenueUsd - quarter.powerCostUsd) * 168).toBeCloseTo(3_281, 9);
    expect(quarter.uptimeFraction).toBeCloseTo((140 - 14) / 168, 12);
    // A firm load earns no credit.
    expect(siteEnergy(dr(0.25), yearly).share(0, 60, 1.1, 1, false).curtailmentCreditUsd).toBe(0);
  });

  it('firm AI pays every hour at price × PUE and the peak-demand charge; curtailable mining avoids it', () => {
    const energy = siteEnergy(site({ peakDemandChargeUsdPerKwMonth: 5 }), yearly);
    const scenario: Scenario = { id: 's', name: 's', probability: 1, hashpriceUsdPerPhDay: [48], gpuRateUsdPerGpuHour: [2], gpuUtilizationFraction: [1], powerPriceFactor: [1] };
    // A 1 MW GPU rack of 100 GPUs at $2: $200 an hour, all 8,760 hours: $1,752,000. Power at PUE 1.2:
    // 1.2 × 11,500 / 168 × 8,760 = $719,571.43. Peak charge $5/kW-month × 1,000 kW × 1.2 × 12 = $72,000.
    const gpu = { powerKw: 1_000, gpuCount: 100, hashrateThs: 0 } as EquipmentModel;
    const ai = unitEconomics(gpu, 1.2, energy, scenario, yearly, 0);
    expect(ai.revenueUsd).toBeCloseTo(1_752_000, 6);
    expect(ai.powerCostUsd).toBeCloseTo((1.2 * 11_500 * 8_760) / 168, 6);
    expect(ai.demandChargeUsd).toBeCloseTo(72_000, 9);
    expect(ai.uptimeFraction).toBe(1);
    expect(unitMarginUsd(ai)).toBeCloseTo(1_752_000 - (1.2 * 11_500 * 8_760) / 168 - 72_000, 6);
    // A 1 MW miner of 30 PH/s at $48/PH/day earns 30 × 48 / 24 = $60 an hour (per MWh of IT), as above:
    // 3,505 / 168 × 8,760 = $182,762.50; the week's July peak is the $3,000 hour, where it is off anyway.
    const miner = { powerKw: 1_000, gpuCount: 0, hashrateThs: 30_000 } as EquipmentModel;
    const mining = unitEconomics(miner, 1.1, energy, scenario, yearly, 0);
    expect(mining.demandChargeUsd).toBe(0);
    expect(unitMarginUsd(mining)).toBeCloseTo((3_505 * 8_760) / 168, 6);
  });

  it('in the peak intervals mining is off even where it would earn: it avoids the charge', () => {
    // Revenue $4,000/MWh: it would run even in the $3,000 hour (cost 3,300), but that hour is July's peak.
    // With no charge it runs all 168 hours; with one, 167.
    const withCharge = siteEnergy(site({ peakDemandChargeUsdPerKwMonth: 5 }), yearly).share(0, 4_000, 1.1, 1, true);
    const without = siteEnergy(site(), yearly).share(0, 4_000, 1.1, 1, true);
    expect(without.uptimeFraction).toBe(1);
    expect(withCharge.uptimeFraction).toBeCloseTo(167 / 168, 12);
    expect((without.revenueUsd - without.powerCostUsd - (withCharge.revenueUsd - withCharge.powerCostUsd)) * 168).toBeCloseTo(4_000 - 3_300, 9);
  });

  it('the power-price factor scales the series: at 2 × the $40 hours (cost 88) stop', () => {
    // Costs at PUE 1.1 and 2 × the price: $20 → 44 (runs, 16), $30 → 66 and $40 → 88 (stop), −$10 → −22 (82).
    // Per day 6 × 16 = 96; the week 7 × 96 = 672, with the −$10 hour's 82 for one 16: 738.
    const s = siteEnergy(site(), yearly).share(0, 60, 1.1, 2, true);
    expect((s.revenueUsd - s.powerCostUsd) * 168).toBeCloseTo(738, 9);
  });

  it('each period takes the hours of its own months', () => {
    // July at $20, August at $80; monthly periods from July 2027. A $60/MWh miner at PUE 1 earns
    // 40 an hour in July and stops in August; September, absent from the series, takes all of it.
    const prices = [...Array(31 * 24).fill(20), ...Array(31 * 24).fill(80)] as number[];
    const energy = siteEnergy(site({ priceSeries: { source: 'two months', start: '2027-07-01T00:00', intervalMinutes: 60, pricesUsdPerMwh: prices } }), { periodMonths: 1, startMonth: '2027-07' });
    expect(energy.share(0, 60, 1, 1, true)).toMatchObject({ uptimeFraction: 1, revenueUsd: 60 });
    expect(energy.share(0, 60, 1, 1, true).powerCostUsd).toBeCloseTo(20, 12);
    expect(energy.share(1, 60, 1, 1, true)).toMatchObject({ uptimeFraction: 0, revenueUsd: 0, powerCostUsd: 0 });
    expect(energy.share(2, 60, 1, 1, true).uptimeFraction).toBeCloseTo(0.5, 12);
  });

  it('a flat price gives what the flat formula gives, demand response as a share of the hours', () => {
    const flat = siteEnergy({ ...site(), priceSeries: null, powerPriceUsdPerMwh: 40, demandResponse: { enabled: true, creditUsdPerMwh: 50, maxCurtailmentFraction: 0.1 } }, yearly);
    // Runs at 1.1 × 40 = 44 < 60 in 90 % of the hours (16 each); in the 10 % the credit 55 beats 16.
    const s = flat.share(0, 60, 1.1, 1, true);
    expect(s.revenueUsd - s.powerCostUsd).toBeCloseTo(0.9 * 16, 12);
    expect(s.curtailmentCreditUsd).toBeCloseTo(0.1 * 55, 12);
  });

  it('a unit its revenue keeps off in every hour has no load to take off: no credit, as an idle hall has none', () => {
    // $30/MWh × 1 against $20.83 of revenue: it never runs, in the program's hours or any other.
    const flat = siteEnergy({ ...site(), priceSeries: null, powerPriceUsdPerMwh: 30, demandResponse: { enabled: true, creditUsdPerMwh: 50, maxCurtailmentFraction: 0.05 } }, yearly);
    expect(flat.share(0, 20.83, 1, 1, true)).toMatchObject({ uptimeFraction: 0, revenueUsd: 0, powerCostUsd: 0, curtailmentCreditUsd: 0 });
    // At $30.01 of revenue it runs the other 95 % of the hours, and is credited the program's 5 %: 0.05 × 50.
    expect(flat.share(0, 30.01, 1, 1, true).curtailmentCreditUsd).toBeCloseTo(0.05 * 50, 12);
  });
});
