import { describe, expect, it } from 'vitest';
import { siteSummaries } from '../../../shared/reports/site-summary';
import { sampleSmall } from '../../../shared/samples';

describe('site summary', () => {
  it('splits the small site into 583.2 kW of mining and 264 kW of AI at PUE 1.1', () => {
    // 8 × 72.9 kW of miner racks; 2 × 132 kW of GB200 racks; the CDU is not IT
    const [s] = siteSummaries(sampleSmall());
    expect(s!.miningMw).toBeCloseTo(0.5832, 9);
    expect(s!.aiMw).toBeCloseTo(0.264, 9);
    expect(s!.pue).toBeCloseTo(1.1, 9);
    expect(s!.gpus).toBe(144);
    // 8 racks × 5,400 TH/s
    expect(s!.hashrateThs).toBe(43_200);
    expect(s!.miningRevenueUsdPerPeriod).toBeGreaterThan(0);
    expect(s!.aiRevenueUsdPerPeriod).toBeGreaterThan(0);
  });
});
