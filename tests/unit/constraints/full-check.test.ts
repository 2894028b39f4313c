/**
 * The one-pass full check (full-check.ts) against the live checker's build, which applies
 * the same rules placement by placement through its spatial index: identical results
 * (order, ids, numbers and messages), on clean fleets and on fleets shuffled into every
 * kind of violation. Also the allocation-free predicates the full check filters with
 * against the rules that build violations.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkFleet, LiveChecker } from '../../../shared/constraints';
import { makeItem } from '../../../shared/constraints/item';
import { modelViolates, objectViolations, placementViolates } from '../../../shared/constraints/object-rules';
import { pairViolates, pairViolations } from '../../../shared/constraints/pair-rules';
import { seededRandom } from '../../../shared/geometry/rows';
import { COOLING_METHODS, type FleetDoc, type Placement, type Rotation } from '../../../shared/model/schema';
import { generateFleet, sampleCampus, sampleSmall } from '../../../shared/samples';

const ROTATIONS: Rotation[] = [0, 90, 180, 270];

/** Moves, turns and pushes out a fraction of the placements, so every geometric rule fires somewhere. */
function shuffle(doc: FleetDoc, seed: number, fraction: number): FleetDoc {
  const random = seededRandom(seed);
  const placements = doc.placements.map((p): Placement => {
    if (random() > fraction) return p;
    const kind = random();
    if (kind < 0.4) return { ...p, xM: Math.round((p.xM + (random() - 0.5) * 3) * 10) / 10, yM: Math.round((p.yM + (random() - 0.5) * 3) * 10) / 10 };
    if (kind < 0.7) return { ...p, rotationDeg: ROTATIONS[Math.floor(random() * 4)]! };
    if (kind < 0.85) return { ...p, xM: p.xM - 1000 };
    return { ...p, xM: p.xM + (random() - 0.5) * 0.8, rotationDeg: ROTATIONS[Math.floor(random() * 4)]! };
  });
  return { ...doc, placements };
}

describe('full check', () => {
  const cases: [string, () => FleetDoc, boolean][] = [
    ['small sample', sampleSmall, false],
    ['campus sample', sampleCampus, false],
    ['generated fleet on two sites', () => generateFleet({ placements: 3_000, seed: 2, sites: 2 }), false],
    ['shuffled small sample', () => shuffle(sampleSmall(), 8, 0.6), true],
    ['shuffled campus sample', () => shuffle(sampleCampus(), 4, 0.3), true],
    ['shuffled generated fleet', () => shuffle(generateFleet({ placements: 5_000, seed: 9, sites: 2 }), 5, 0.2), true],
  ];
  it.each(cases)('equals the live checker on the %s', (_, build, shuffled) => {
    const doc = build();
    const full = checkFleet(doc);
    expect(full).toEqual(new LiveChecker(doc).result());
    if (shuffled) expect(new Set(full.violations.map((v) => v.rule)).size).toBeGreaterThanOrEqual(3);
  });

  it('skips placements whose model or hall is missing, as the live checker does', () => {
    const doc = sampleSmall();
    const broken = { ...doc, placements: [...doc.placements, { ...doc.placements[0]!, id: 'x-model', modelId: 'nope' }, { ...doc.placements[1]!, id: 'x-hall', hallId: 'nope' }] };
    expect(checkFleet(broken)).toEqual(new LiveChecker(broken).result());
  });

  it('follows feeds through a placement that is not a source, and reports feed loops', () => {
    const doc = sampleSmall();
    const rack = doc.placements.find((p) => !p.powerSourceId && doc.models.find((m) => m.id === p.modelId)!.kind !== 'pdu')!;
    const placements = doc.placements.map((p) => (p.powerSourceId === null && p.id !== rack.id ? { ...p, powerSourceId: rack.id } : p));
    const viaRack = { ...doc, placements };
    expect(checkFleet(viaRack)).toEqual(new LiveChecker(viaRack).result());
    const looped = { ...doc, placements: doc.placements.map((p) => (p.id === 'sm-pdu01-01' ? { ...p, powerSourceId: 'sm-bw1' } : p)) };
    expect(checkFleet(looped).violations.map((v) => v.rule)).toContain('power-cycle');
    expect(checkFleet(looped)).toEqual(new LiveChecker(looped).result());
  });
});

describe('rule predicates', () => {
  const doc = sampleSmall();
  const hall = doc.halls[0]!;
  const placement = fc.record({
    model: fc.constantFrom(...doc.models),
    x: fc.integer({ min: -20, max: 320 }),
    y: fc.integer({ min: -20, max: 170 }),
    r: fc.constantFrom(...ROTATIONS),
  });
  const itemOf = (id: string, { model, x, y, r }: { model: (typeof doc.models)[number]; x: number; y: number; r: Rotation }) =>
    makeItem({ ...doc.placements[0]!, id, modelId: model.id, xM: x / 10, yM: y / 10, rotationDeg: r }, model, null);

  it('pairViolates holds exactly when pairViolations reports something (property)', () => {
    fc.assert(
      fc.property(placement, placement, (pa, pb) => {
        const a = itemOf('a', pa);
        const b = itemOf('b', { ...pb, x: pa.x + (pb.x % 40) - 20, y: pa.y + (pb.y % 40) - 20 });
        expect(pairViolates(a, b)).toBe(pairViolations(a, b, hall.id, hall.siteId).length > 0);
        expect(pairViolates(b, a)).toBe(pairViolates(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('modelViolates or placementViolates holds exactly when objectViolations reports something (property)', () => {
    fc.assert(
      fc.property(placement, fc.integer({ min: 100, max: 3000 }), fc.constantFrom(...COOLING_METHODS), (pa, floorLimit, method) => {
        const h = { ...hall, floorLimitKgPerM2: floorLimit };
        const a = itemOf('a', pa);
        expect(modelViolates(a.m, h, doc.fleet, method) || placementViolates(a, h, method)).toBe(objectViolations(a, h, doc.fleet, method).length > 0);
      }),
      { numRuns: 1000 },
    );
  });
});
