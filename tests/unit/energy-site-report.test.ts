import { describe, expect, it } from 'vitest';
import { siteEnergyReport } from '../../shared/energy/site-report';
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
    expect(report.breakevens).toEqual([{ hall: 'Hall 1', option: expect.stringMatching(/^Keep mining/), usdPerMwh: expect.closeTo((5.4 * 42) / 24 / 0.0729 / 1.1, 9) }]);
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
});
