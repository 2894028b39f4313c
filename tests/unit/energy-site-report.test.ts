import { describe, expect, it } from 'vitest';
import { siteEnergyReport } from '../../shared/energy/site-report';
import { keepMiningOption } from '../../shared/samples/economics';
import { sampleSmall } from '../../shared/samples';

describe("a site's energy report", () => {
  it('breakevens, uptime, credits and the $/MWh mining and AI pay, by hand on the small sample', () => {
    // The hall keeps 8 shelf racks of 20 S21 XP: 5,400 TH/s on 72.9 kW, PUE 1.1; base hashprice $42/PH/day,
    // flat $35/MWh, quarters of 2,190 hours. Revenue 5.4 × 42 / 24 = $9.45 an hour, $129.63 per MWh of IT:
    // it stops above 129.63 / 1.1 = $117.85 per MWh at the meter.
    const doc = sampleSmall();
    const site = doc.sites[0]!;
    site.demandResponse = { enabled: true, creditUsdPerMwh: 100, maxCurtailmentFraction: 0.1 };
    site.peakDemandChargeUsdPerKwMonth = 5;
    const report = siteEnergyReport(doc, site.id)!;
    expect(report.durationCurveUsdPerMwh).toEqual([35]);
    expect(report.breakevens).toEqual([{ hall: 'Hall 1', what: '8 × Shelf rack, 20 × Antminer S21 XP', standing: true, usdPerMwh: expect.closeTo((5.4 * 42) / 24 / 0.0729 / 1.1, 9), belowFraction: 1 }]);
    expect(report.firmHalls).toEqual([]);
    expect(report.miningBasis).toBe('Shelf rack, 20 × Antminer S21 XP in Hall 1');
    // In the 10 % of hours the program pays for, curtailing earns 100 × 1.1 = 110 per MWh of IT against
    // running's 129.63 − 38.5 = 91.13: it curtails. Uptime 90 %; credits 0.1 × 110 × 2,190 = $24,090 per MW;
    // it pays (0.9 × 38.5 − 0.1 × 110) / (0.9 × 1.1) = $23.889 per MWh drawn.
    const first = report.periods[0]!;
    expect(first.miningUptimeFraction).toBeCloseTo(0.9, 12);
    expect(first.curtailmentCreditUsdPerMw).toBeCloseTo(24_090, 6);
    expect(first.miningUsdPerMwh).toBeCloseTo((0.9 * 38.5 - 11) / 0.99, 9);
    // AI pays $35 every hour and the peak charge: $5 × 1,000 kW × 3 months per MW at the meter over 2,190 hours.
    expect(first.aiUsdPerMwh).toBeCloseTo(35 + 15_000 / 2_190, 9);
    // Exactly at a credit of 91.13 / 1.1 = $82.85, running and curtailing are worth the same: it stays off.
    site.demandResponse.creditUsdPerMwh = ((5.4 * 42) / 24 / 0.0729 - 38.5) / 1.1;
    expect(siteEnergyReport(doc, site.id)!.periods[0]!.miningUptimeFraction).toBeCloseTo(0.9, 12);
    site.demandResponse.creditUsdPerMwh -= 0.01;
    expect(siteEnergyReport(doc, site.id)!.periods[0]!.miningUptimeFraction).toBe(1);
  });

  it('draws the breakeven on the series\' own scale: at a power-price factor of 2, half the price, and the share of hours below it', () => {
    // A year of hours at $40, $50, $60 and $70 in turn; the kept S21 XP earns $129.63 per MWh of IT at PUE 1.1.
    // At a factor of 2 it stops where 2 × price × 1.1 reaches 129.63: above $58.92 of the series; $40 and $50
    // are below it, half the hours.
    const doc = sampleSmall();
    const site = doc.sites[0]!;
    site.priceSeries = { source: 'four prices', start: '2027-01-01T00:00', intervalMinutes: 60, pricesUsdPerMwh: Array.from({ length: 8760 }, (_, h) => 40 + 10 * (h % 4)) };
    doc.scenarios = [{ ...doc.scenarios[0]!, probability: 1, powerPriceFactor: [2] }];
    const [b] = siteEnergyReport(doc, site.id)!.breakevens;
    expect(b!.usdPerMwh).toBeCloseTo((5.4 * 42) / 24 / 0.0729 / 1.1 / 2, 9);
    expect(b!.belowFraction).toBe(0.5);
  });

  it('speaks of what stands: a hall whose miners went (an applied AI plan) is a firm load, not a breakeven; a repower is an option; an empty hall is its keep option', () => {
    // The small sample's hall with its 8 miner racks gone: the two GB200 racks stand alone.
    const doc = sampleSmall();
    const site = doc.sites[0]!;
    const rackId = doc.halls[0]!.retrofitOptions[0]!.modelId!;
    doc.placements = doc.placements.filter((p) => p.modelId !== rackId);
    let report = siteEnergyReport(doc, site.id)!;
    expect(report.breakevens).toEqual([]);
    expect(report.firmHalls).toEqual([{ hall: 'Hall 1', what: '2 × GB200 NVL72 rack' }]);
    expect(report.miningBasis).toBeNull();
    expect(report.periods[0]!.miningUptimeFraction).toBeNull();

    // A repower to the same racks at PUE 1.05 is what the hall could do: 129.63 / 1.05 = $123.46, named as the option.
    const hall = doc.halls[0]!;
    hall.retrofitOptions.push({ ...hall.retrofitOptions[0]!, id: 'repower', kind: 'repower', name: 'Repower to S21 XP', pue: 1.05 });
    report = siteEnergyReport(doc, site.id)!;
    expect(report.breakevens).toEqual([{ hall: 'Hall 1', what: 'Repower to S21 XP', standing: false, usdPerMwh: expect.closeTo((5.4 * 42) / 24 / 0.0729 / 1.05, 9), belowFraction: 1 }]);
    expect(report.miningBasis).toBe('Shelf rack, 20 × Antminer S21 XP in Hall 1 (Repower to S21 XP)');

    // A second hall with nothing laid out stands for its keep option: 12 racks of its model at its own PUE, 1.2.
    const rack = doc.models.find((m) => m.id === rackId)!;
    const empty = { ...hall, id: 'h2', name: 'Hall 2', pue: 1.2 };
    empty.retrofitOptions = [keepMiningOption(empty, rack, 12)];
    doc.halls.push(empty);
    report = siteEnergyReport(doc, site.id)!;
    expect(report.breakevens[0]).toEqual({ hall: 'Hall 2', what: '12 × Shelf rack, 20 × Antminer S21 XP', standing: true, usdPerMwh: expect.closeTo((5.4 * 42) / 24 / 0.0729 / 1.2, 9), belowFraction: 1 });
    // Laid out with a CDU alone, it stands with nothing that earns.
    doc.placements.push({ ...doc.placements.find((p) => p.hallId === hall.id && p.modelId.startsWith('cdu'))!, id: 'h2-cdu', hallId: 'h2' });
    report = siteEnergyReport(doc, site.id)!;
    expect(report.firmHalls).toEqual([{ hall: 'Hall 1', what: '2 × GB200 NVL72 rack' }, { hall: 'Hall 2', what: null }]);
  });
});
