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
    expect(drawn).toEqual({ zone: { id: 'sm-h1-z2', hallId: 'sm-h1', name: 'Zone 2', xM: 0, yM: 2, widthM: 12, depthM: 13, airCoolingKw: 0, coolingMethod: null } });
    expect(newZone(doc, 'sm-h1', 1, 8, 10, 14)).toEqual({ error: 'The zone would overlap Mining: equipment in both would count against both' });
  });
});
