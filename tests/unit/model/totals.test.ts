import { describe, expect, it } from 'vitest';
import { computeTotals, formatHashrate, selectionTotals } from '../../../shared/model/totals';
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

describe('selection totals', () => {
  it('adds up kW, kVA (kW / PF), liquid and air heat, weight and count of the selected units', () => {
    // Two GB200 racks (132 kW, PF 0.98, 85 % to liquid, 1,360 kg) and one S21 XP shelf rack
    // (72.9 kW, PF 0.95, all to air, 420 kg): 336.9 kW; 2 × 134.6938776 + 76.7368421 = 346.1245973 kVA;
    // liquid 2 × 112.2 = 224.4 kW; air 2 × 19.8 + 72.9 = 112.5 kW; 2 × 1,360 + 420 = 3,140 kg.
    const doc = sampleSmall();
    const models = new Map(doc.models.map((m) => [m.id, m]));
    const picked = doc.placements.filter((p) => ['sm-gpu01-01', 'sm-gpu01-02', 'sm-m01-01'].includes(p.id));
    const t = selectionTotals(picked, models);
    expect(t.count).toBe(3);
    expect(t.powerKw).toBeCloseTo(336.9, 9);
    expect(t.apparentKva).toBeCloseTo(346.1245973, 6);
    expect(t.liquidHeatKw).toBeCloseTo(224.4, 9);
    expect(t.airHeatKw).toBeCloseTo(112.5, 9);
    expect(t.weightKg).toBe(3140);
  });
});
