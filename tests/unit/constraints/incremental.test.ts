import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyCommand } from '../../../shared/commands/apply';
import type { Command } from '../../../shared/commands/schema';
import { checkFleet, LiveChecker, type CheckResult } from '../../../shared/constraints';
import type { CoolingMethod, FleetDoc, Rotation } from '../../../shared/model/schema';
import { generateFleet, sampleCampus, sampleSmall } from '../../../shared/samples';

/** Comparable form: running sums may differ from a fresh sum in the last bits. */
function normal(r: CheckResult) {
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    violations: r.violations.map((v) => `${v.id} ${v.rule} ${round(v.value)} ${round(v.limit)} ${v.objectIds.join(',')}`).sort(),
    headroom: r.headroom.map((h) => `${h.kind}:${h.id} ${round(h.capacity)} ${round(h.load)}`).sort(),
  };
}

const start = sampleSmall();
const ids = start.placements.map((p) => p.id);
const hall = start.halls[0]!;

const command = fc.oneof(
  fc.record({ id: fc.constantFrom(...ids), x: fc.double({ min: -1, max: hall.widthM + 1, noNaN: true }), y: fc.double({ min: -1, max: hall.depthM + 1, noNaN: true }) }).map(
    ({ id, x, y }): Command => ({ type: 'move', moves: [{ id, xM: Math.round(x * 10) / 10, yM: Math.round(y * 10) / 10 }] }),
  ),
  fc.record({ id: fc.constantFrom(...ids), r: fc.constantFrom<Rotation>(0, 90, 180, 270) }).map(({ id, r }): Command => ({ type: 'rotate', rotations: [{ id, rotationDeg: r }] })),
  fc.constantFrom(...ids).map((id): Command => ({ type: 'remove', table: 'placements', ids: [id] })),
  fc.record({ id: fc.constantFrom(...ids), n: fc.integer({ min: 0, max: 1e6 }), x: fc.double({ min: 0, max: hall.widthM, noNaN: true }) }).map(
    ({ id, n, x }): Command => ({ type: 'insert', entities: { table: 'placements', items: [{ ...start.placements.find((p) => p.id === id)!, id: `new-${n}`, xM: Math.round(x * 10) / 10 }] } }),
  ),
  // Feeds, A and B, from sources of every class (and from a CDU, which is none); new units of
  // models that run under other cooling, or are sources of a larger class, or sit near a wall.
  fc.record({ id: fc.constantFrom(...ids, 'new-sw', 'new-tx'), src: fc.constantFrom<string | null>(null, 'sm-pdu01-01', 'sm-bw1', 'sm-mbw1', 'new-sw', 'new-tx', 'sm-cdu01-01'), b: fc.boolean() }).map(
    ({ id, src, b }): Command => ({ type: 'update', table: 'placements', id, patch: b ? { powerSourceBId: src } : { powerSourceId: src } }),
  ),
  fc.record({ id: fc.constantFrom('new-sw', 'new-tx', 'new-tank', 'new-gpu'), x: fc.double({ min: 0, max: hall.widthM, noNaN: true }), y: fc.double({ min: 0, max: hall.depthM, noNaN: true }) }).map(
    ({ id, x, y }): Command => {
      const modelId = { 'new-sw': 'pdu-skid3000', 'new-tx': 'xfmr-2500', 'new-tank': 'tank-imm48', 'new-gpu': 'nvl72-gb200' }[id]!;
      return { type: 'insert', entities: { table: 'placements', items: [{ ...start.placements[0]!, id, modelId, xM: Math.round(x * 10) / 10, yM: Math.round(y * 10) / 10, powerSourceId: null, powerSourceBId: null }] } };
    },
  ),
  // Redundancy in the power chain: racks that take A and B feeds, a PDU of modules with spares.
  fc.boolean().map((dualFeed): Command => ({ type: 'update', table: 'models', id: 'nvl72-gb200', patch: { dualFeed } })),
  fc.record({ moduleCount: fc.integer({ min: 1, max: 4 }), moduleRedundancy: fc.constantFrom<'N' | 'N+1' | '2N'>('N', 'N+1', '2N') }).map((patch): Command => ({ type: 'update', table: 'models', id: 'pdu-400', patch })),
  // The AI corner cooled by the hall's method or another: density limits and the heat its tanks send the plant follow.
  fc.constantFrom<CoolingMethod | null>(null, 'free-air', 'direct-to-chip', 'immersion').map((coolingMethod): Command => ({ type: 'update', table: 'zones', id: 'sm-z-ai', patch: { coolingMethod } })),
);

describe('live checker', () => {
  it('after every edit, the incremental result equals a full check (property)', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 25 }), (commands) => {
        let doc: FleetDoc = start;
        const live = new LiveChecker(doc);
        for (const c of commands) {
          let applied;
          try {
            applied = applyCommand(doc, c);
          } catch {
            continue; // an edit that does not fit the document (removed id, duplicate id) changes nothing
          }
          doc = applied.doc;
          expect(normal(live.update(doc, applied.changes))).toEqual(normal(checkFleet(doc)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a hall edit re-evaluates everything that depends on it', () => {
    const live = new LiveChecker(start);
    const applied = applyCommand(start, { type: 'update', table: 'halls', id: hall.id, patch: { feedKw: 100 } });
    const r = live.update(applied.doc, applied.changes);
    expect(r.violations.map((v) => v.rule)).toContain('hall-power');
    expect(normal(r)).toEqual(normal(checkFleet(applied.doc)));
  });

  it('reports headroom per source, zone, hall and site', () => {
    const kinds = new Set(checkFleet(start).headroom.map((h) => h.kind));
    expect([...kinds].sort()).toEqual(['facility-water', 'hall-cooling', 'hall-power', 'power-source', 'site-interconnect', 'site-transformer', 'zone-air', 'zone-liquid']);
    // Busway: 2 × 132 kW / 0.98 = 269.387755 kVA on 0.8 × 575 = 460 kVA leaves 190.612245 kVA.
    const busway = checkFleet(start).headroom.find((h) => h.id === 'sm-bw1')!;
    expect(busway.headroom).toBeCloseTo(460 - 264 / 0.98, 9);
    expect(busway.unit).toBe('kVA');
  });
});

describe('drop preview', () => {
  it('names the violations a move would add, and leaves the checker as it was', () => {
    const live = new LiveChecker(start);
    const before = normal(live.result());
    const rack = start.placements.find((p) => p.id === 'sm-m01-01')!;
    const neighbour = start.placements.find((p) => p.id === 'sm-m01-02')!;
    const onto = { ...rack, xM: neighbour.xM };
    const added = live.preview(start, [{ table: 'placements', id: rack.id, op: 'upsert', entity: onto }], [{ table: 'placements', id: rack.id, op: 'upsert', entity: rack }]);
    expect(added.map((v) => v.rule)).toContain('overlap');
    expect(normal(live.result())).toEqual(before);
    // Free floor 6 m south breaks nothing where it stands, but leaves it 8.2 − 2.55 = 5.65 m off its busway's line.
    const free = { ...rack, yM: rack.yM + 6 };
    expect(live.preview(start, [{ table: 'placements', id: rack.id, op: 'upsert', entity: free }], [{ table: 'placements', id: rack.id, op: 'upsert', entity: rack }]).map((v) => v.rule)).toEqual(['feed-reach']);
  });

  it('names what moving a hall on its site would add (checked from the moved document), and leaves the checker as it was', () => {
    const campus = sampleCampus();
    const live = new LiveChecker(campus);
    const before = normal(live.result());
    const [a, b] = campus.halls.filter((h) => h.siteId === 'wtx');
    const moved = { ...b!, siteXM: a!.siteXM + 10 };
    const after = { ...campus, halls: campus.halls.map((h) => (h.id === b!.id ? moved : h)) };
    const added = live.preview(campus, [{ table: 'halls', id: b!.id, op: 'upsert', entity: moved }], [{ table: 'halls', id: b!.id, op: 'upsert', entity: b! }], after);
    expect(added.map((v) => v.rule)).toContain('halls-overlap');
    expect(normal(live.result())).toEqual(before);
  });

  it('the full check, hall by hall, equals one checker over the whole fleet: campus, a generated fleet, broken limits everywhere, and a source feeding another hall', () => {
    const whole = (doc: FleetDoc) => normal(new LiveChecker(doc).result());
    const campus = sampleCampus();
    expect(normal(checkFleet(campus))).toEqual(whole(campus));
    const generated = generateFleet({ placements: 3000, seed: 3 });
    expect(normal(checkFleet(generated))).toEqual(whole(generated));

    // Every family broken: feeds, cooling, sites, zones, overlaps and clearances, floor.
    const broken = structuredClone(campus);
    for (const h of broken.halls) Object.assign(h, { feedKw: h.feedKw / 3, floorLimitKgPerM2: 200, cooling: { ...h.cooling, unitCount: 1 } });
    for (const s of broken.sites) Object.assign(s, { interconnectMw: 1, transformerCapacityMw: 1 });
    for (const z of broken.zones) z.airCoolingKw = 0;
    broken.placements = broken.placements.map((p, i) => (i % 7 === 0 ? { ...p, xM: p.xM + 0.5, rotationDeg: 180 as const } : p));
    const brokenResult = checkFleet(broken);
    expect(new Set(brokenResult.violations.map((v) => v.rule)).size).toBeGreaterThan(6);
    expect(normal(brokenResult)).toEqual(whole(broken));

    // A rack fed from a PDU in another hall: only the whole fleet sees that PDU's load.
    const source = campus.placements.find((p) => campus.models.find((m) => m.id === p.modelId)?.kind === 'pdu' || campus.models.find((m) => m.id === p.modelId)?.kind === 'busway')!;
    const elsewhere = campus.placements.find((p) => p.hallId !== source.hallId)!;
    const crossFed = { ...campus, placements: campus.placements.map((p) => (p.id === elsewhere.id ? { ...p, powerSourceId: source.id } : p)) };
    expect(normal(checkFleet(crossFed))).toEqual(whole(crossFed));
    expect(checkFleet(crossFed).headroom.find((h) => h.id === source.id)!.load).toBeGreaterThan(checkFleet(campus).headroom.find((h) => h.id === source.id)!.load);
  });
});
