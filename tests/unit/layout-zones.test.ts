import { describe, expect, it } from 'vitest';
import { newZone, zoneProblem } from '../../renderer/src/layout/zones';
import { sampleSmall } from '../../shared/samples';

// The small sample's hall is 30 × 15 m: Mining covers x 0–19.5 m, AI corner x 20–30 m.
const doc = sampleSmall();
const mining = doc.zones.find((z) => z.id === 'sm-z-mine')!;
const ai = doc.zones.find((z) => z.id === 'sm-z-ai')!;

describe('cooling zones stay in their hall and never overlap', () => {
  it('a zone may touch another along an edge, not reach into it', () => {
    expect(zoneProblem(doc, { ...ai, xM: 19.5, widthM: 10.5 }, 'metric')).toBeNull();
    expect(zoneProblem(doc, { ...ai, xM: 19.4, widthM: 10.6 }, 'metric')).toBe('The zone would overlap Mining: equipment in both would count against both');
  });

  it('a zone must lie inside the hall and be at least 0.5 m (1.64 ft) each way', () => {
    expect(zoneProblem(doc, { ...ai, widthM: 10.1 }, 'metric')).toBe('The zone must lie inside the hall (30 m × 15 m)');
    expect(zoneProblem(doc, { ...mining, depthM: 0.4 }, 'us')).toBe('A zone must be at least 1.64 ft each way');
  });

  it('a drawn rectangle is clipped to the hall and named after the zones already there', () => {
    const free = { ...doc, zones: [ai] };
    const drawn = newZone(free, 'sm-h1', -5, 2, 12, 40);
    // It takes in the first five shelf racks (their centres at x 2.5–10.9 m, y 2.55 m): 5 × 72.9 = 364.5 kW of air cooling.
    expect(drawn).toEqual({ zone: { id: 'sm-h1-z2', hallId: 'sm-h1', name: 'Zone 2', xM: 0, yM: 2, widthM: 12, depthM: 13, airCoolingKw: expect.closeTo(364.5, 9), coolingMethod: null } });
    expect(newZone(doc, 'sm-h1', 1, 8, 10, 14)).toEqual({ error: 'The zone would overlap Mining: equipment in both would count against both' });
  });
});

describe('a new zone starts with the air cooling what it encloses needs, out of the plant the other zones leave', () => {
  // Without Mining, the 8 shelf racks (72.9 kW each, all to air) stand on no zone: 8 × 72.9 = 583.2 kW of air heat.
  // The hall's plant, 4 × 300 kW under N+1, gives 900 kW; the AI corner has taken 60: 840 kW are left.
  const withoutMining = { ...doc, zones: [ai] };
  const airOf = (d: typeof doc) => {
    const drawn = newZone(d, 'sm-h1', 0, 0, 19.5, 15);
    if ('error' in drawn) throw new Error(drawn.error);
    return drawn.zone.airCoolingKw;
  };
  it('drawn round the miners: their 583.2 kW, so drawing it breaks nothing', () => {
    expect(airOf(withoutMining)).toBeCloseTo(583.2, 9);
  });
  it('no more than the plant has left: with 200 kW units, 3 × 200 − 60 = 540 kW', () => {
    expect(airOf({ ...withoutMining, halls: [{ ...doc.halls[0]!, cooling: { ...doc.halls[0]!.cooling, unitCapacityKw: 200 } }] })).toBeCloseTo(540, 9);
  });
  it('CRAHs it encloses carry their part: a 150 kW CRAH among the miners leaves 583.2 + 8 (its fans) − 150 = 441.2 kW', () => {
    const crah = { ...doc.placements.find((p) => p.id === 'sm-m01-01')!, id: 'crah', modelId: 'crah-150', xM: 10, yM: 10 };
    expect(airOf({ ...withoutMining, placements: [...doc.placements, crah] })).toBeCloseTo(441.2, 9);
  });
});
