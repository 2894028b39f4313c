import { describe, expect, it } from 'vitest';
import { computeTotals, formatHashrate } from '../../../shared/model/totals';
import { sampleSmall } from '../../../shared/samples';

describe('fleet totals', () => {
  it('sums IT power, hashrate and GPUs over placements, leaving out facility gear', () => {
    const doc = sampleSmall();
    const models = new Map(doc.models.map((m) => [m.id, m]));
    // Hand tally: walk the placements, IT kinds only, straight from the catalog figures.
    let kw = 0;
    let ths = 0;
    let gpus = 0;
    for (const p of doc.placements) {
      const m = models.get(p.modelId)!;
      if (['asic-miner', 'miner-rack', 'miner-container', 'immersion-tank', 'gpu-server', 'gpu-rack'].includes(m.kind)) kw += m.powerKw;
      ths += m.hashrateThs;
      gpus += m.gpuCount;
    }
    const t = computeTotals(doc);
    expect(t.itMw).toBeCloseTo(kw / 1000, 9);
    expect(t.hashrateThs).toBe(ths);
    expect(t.gpuCount).toBe(gpus);
    expect(t.placements).toBe(doc.placements.length);
  });

  it('filters by hall and by site', () => {
    const doc = sampleSmall();
    const hall = doc.halls[0]!;
    const byHall = computeTotals(doc, { hallId: hall.id });
    expect(byHall.placements).toBe(doc.placements.filter((p) => p.hallId === hall.id).length);
    const bySite = computeTotals(doc, { siteId: hall.siteId });
    expect(bySite.placements).toBeGreaterThanOrEqual(byHall.placements);
  });

  it('writes hashrate in the unit a miner reads: 25,920 TH/s = 25.9 PH/s; 3.2e6 TH/s = 3.20 EH/s', () => {
    expect(formatHashrate(25_920)).toBe('25.9 PH/s');
    expect(formatHashrate(3_200_000)).toBe('3.20 EH/s');
    expect(formatHashrate(270)).toBe('270 TH/s');
  });
});
