import { describe, expect, it } from 'vitest';
import { scenarioShares, siteSummaries } from '../../../shared/reports/site-summary';
import { sampleSmall } from '../../../shared/samples';

describe('site summary', () => {
  it('splits the small site into 583.2 kW of mining and 264 kW of AI at PUE 1.1', () => {
    // 8 × 72.9 kW of miner racks; 2 × 132 kW of GB200 racks; the CDU is not IT
    const [s] = siteSummaries(sampleSmall()).sites;
    expect(s!.miningMw).toBeCloseTo(0.5832, 9);
    expect(s!.aiMw).toBeCloseTo(0.264, 9);
    expect(s!.pue).toBeCloseTo(1.1, 9);
    expect(s!.gpus).toBe(144);
    // 8 racks × 5,400 TH/s
    expect(s!.hashrateThs).toBe(43_200);
    expect(s!.miningRevenueUsdPerPeriod).toBeGreaterThan(0);
    expect(s!.aiRevenueUsdPerPeriod).toBeGreaterThan(0);
  });

  it('sites come in the tree\'s order; a site running nothing has no PUE; the fleet sums its sites and weighs its PUE by IT', () => {
    const doc = sampleSmall();
    doc.sites.push({ ...doc.sites[0]!, id: 'empty', name: 'Site 10' }, { ...doc.sites[0]!, id: 'two', name: 'Site 2' });
    doc.sites[0]!.name = 'Site 1';
    // A second hall on Site 2 at PUE 1.3 with one 72.9 kW miner rack.
    doc.halls.push({ ...doc.halls[0]!, id: 'h2', siteId: 'two', pue: 1.3 });
    const rack = doc.placements.find((p) => p.id === 'sm-m01-01')!;
    doc.placements.push({ ...rack, id: 'two-rack', hallId: 'h2', powerSourceId: null });
    const { sites, fleet } = siteSummaries(doc);
    expect(sites.map((s) => s.name)).toEqual(['Site 1', 'Site 2', 'Site 10']);
    expect(sites[2]!.pue).toBeNull();
    // IT 847.2 + 72.9 = 920.1 kW; grid 847.2 × 1.1 + 72.9 × 1.3 = 931.92 + 94.77 = 1,026.69 kW; PUE 1.11585...
    expect(fleet.miningMw).toBeCloseTo(0.5832 + 0.0729, 9);
    expect(fleet.pue).toBeCloseTo(1026.69 / 920.1, 9);
    expect(fleet.gpus).toBe(144);
  });

  it('scenario probabilities that do not add up to 100 % weigh revenue scaled to 100 %, not 30 % of it', () => {
    const doc = sampleSmall();
    const whole = siteSummaries(doc).fleet;
    const partial = { ...doc, scenarios: doc.scenarios.map((s) => ({ ...s, probability: s.probability * 0.3 })) };
    expect(scenarioShares(partial).probabilityTotal).toBeCloseTo(0.3, 9);
    const scaled = siteSummaries(partial).fleet;
    expect(scaled.miningRevenueUsdPerPeriod).toBeCloseTo(whole.miningRevenueUsdPerPeriod, 6);
    expect(scaled.aiRevenueUsdPerPeriod).toBeCloseTo(whole.aiRevenueUsdPerPeriod, 6);
  });
});
