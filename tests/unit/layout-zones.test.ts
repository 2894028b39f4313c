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
    // It takes the plant the AI corner leaves: 3 × 300 (N+1 of 4) − 60 = 840 kW of air cooling.
    expect(drawn).toEqual({ zone: { id: 'sm-h1-z2', hallId: 'sm-h1', name: 'Zone 2', xM: 0, yM: 2, widthM: 12, depthM: 13, airCoolingKw: 840, coolingMethod: null } });
    expect(newZone(doc, 'sm-h1', 1, 8, 10, 14)).toEqual({ error: 'The zone would overlap Mining: equipment in both would count against both' });
  });
});

describe('a new zone starts with the air cooling the plant its hall\'s other zones leave', () => {
  // The hall's plant, 4 × 300 kW under N+1, gives 900 kW; the AI corner has taken 60.
  const withoutMining = { ...doc, zones: [ai] };
  const airOf = (d: typeof doc) => {
    const drawn = newZone(d, 'sm-h1', 0, 0, 19.5, 15);
    if ('error' in drawn) throw new Error(drawn.error);
    return drawn.zone.airCoolingKw;
  };
  it('drawn round the miners (8 × 72.9 = 583.2 kW of air heat): 900 − 60 = 840 kW, room for the CDUs and CRAHs that may go in beside them', () => {
    expect(airOf(withoutMining)).toBe(840);
  });
  it('with 200 kW units, 3 × 200 − 60 = 540 kW; with the plant all taken, none', () => {
    const hall200 = { ...doc.halls[0]!, cooling: { ...doc.halls[0]!.cooling, unitCapacityKw: 200 } };
    expect(airOf({ ...withoutMining, halls: [hall200] })).toBe(540);
    expect(airOf({ ...withoutMining, zones: [{ ...ai, airCoolingKw: 900 }] })).toBe(0);
  });
});
