import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../shared/commands/apply';
import type { Command } from '../../../shared/commands/schema';
import { checkFleet, LiveChecker, type Violation } from '../../../shared/constraints';
import { distanceFromAxisM, spanAlongM, trayDistanceM } from '../../../shared/geometry/reach';
import { BUSWAY_RUN_MAX_M, CABLE_REACH_M, TAP_OFF_REACH_M } from '../../../shared/model/feed-reach';
import type { FleetDoc, Placement } from '../../../shared/model/schema';
import { sampleCampus, sampleSmall } from '../../../shared/samples';

/*
 * The small fleet, as laid out (centre x, y; width × depth in m):
 *  - Busway M1 at (2.7, 2.55), 2.4 × 0.3, facing north: its run lies along x on y = 2.55,
 *    the section from x 1.5 to 3.9. It feeds the shelf racks 1.1-1.8 (2 × 0.7), 1.1 at (2.5, 2.55).
 *  - Busway 1 at (23.2, 2.734): its run along x on y = 2.734, the section from x 22.0 to 24.4.
 *    It feeds the GB200 racks (0.6 × 1.068) at (22.3, 2.734) and (22.9, 2.734).
 *  - Floor PDU at (22.6, 7.65), 1.2 × 0.9: x 22.0 to 23.2, y 7.2 to 8.1. It feeds the CDU
 *    (0.6 × 1.2) at (25.3, 2.6).
 */
const MINER = 'sm-m01-01';
const GPU = 'sm-gpu01-02';
const CDU = 'sm-cdu01-01';

/** The small fleet with the placement `id` changed by `patch`, and its hall widened to `widthM`. */
function smallWith(id: string, patch: Partial<Placement>, widthM = 30): FleetDoc {
  const doc = sampleSmall();
  doc.halls[0]!.widthM = widthM;
  doc.placements = doc.placements.map((p) => (p.id === id ? { ...p, ...patch } : p));
  return doc;
}

/** The feed-reach violations of a document, the same from the full check and from a live checker built on it. */
function reach(doc: FleetDoc): Violation[] {
  const full = checkFleet(doc).violations.filter((v) => v.rule === 'feed-reach');
  expect(new LiveChecker(doc).result().violations.filter((v) => v.rule === 'feed-reach')).toEqual(full);
  return full;
}

describe('the geometry a feed is judged by', () => {
  const rect = { minX: 1, minY: 2, maxX: 3, maxY: 2.7 };

  it('distance across an axis: from the footprint edge facing it, 0 where the line crosses the footprint', () => {
    // Along x on y = 5: 5 − 2.7 = 2.3 south of the footprint; on y = 1: 2 − 1 = 1 north of it.
    expect(distanceFromAxisM(rect, true, 5)).toBeCloseTo(2.3, 12);
    expect(distanceFromAxisM(rect, true, 1)).toBe(1);
    expect(distanceFromAxisM(rect, true, 2.5)).toBe(0);
    // Along y on x = 4.5: 4.5 − 3 = 1.5 east of it.
    expect(distanceFromAxisM(rect, false, 4.5)).toBe(1.5);
  });

  it('the stretch of an axis covering two footprints: from the first start to the last end', () => {
    const section = { minX: 10, minY: 2.4, maxX: 12.4, maxY: 2.7 };
    // Along x: min(1, 10) = 1 to max(3, 12.4) = 12.4, 11.4 m; along y: 2 to 2.7, 0.7 m.
    expect(spanAlongM(rect, section, true)).toBeCloseTo(11.4, 12);
    expect(spanAlongM(rect, section, false)).toBeCloseTo(0.7, 12);
  });

  it('a cable between two footprints runs the gap in x plus the gap in y, 0 for footprints that touch', () => {
    const pdu = { minX: 7, minY: 6, maxX: 8.2, maxY: 6.9 };
    // x: 7 − 3 = 4; y: 6 − 2.7 = 3.3; 7.3 m in all.
    expect(trayDistanceM(rect, pdu)).toBeCloseTo(7.3, 12);
    expect(trayDistanceM(pdu, rect)).toBeCloseTo(7.3, 12);
    expect(trayDistanceM(rect, { minX: 3, minY: 0, maxX: 4, maxY: 1 })).toBeCloseTo(1, 12);
  });
});

describe('a unit within reach of the source that feeds it', () => {
  it('the figures', () => {
    expect(TAP_OFF_REACH_M).toBe(1.5);
    expect(BUSWAY_RUN_MAX_M).toBe(50);
    expect(CABLE_REACH_M.pdu).toBe(15);
  });

  it('every unit of the small fleet is within reach as laid out', () => {
    expect(reach(sampleSmall())).toEqual([]);
  });

  it('across a busway: a footprint 1.5 m off its axis is under the run, 1.51 m is not', () => {
    // Rack 1.1 (0.7 deep) at y = 4.4: its north edge at 4.4 − 0.35 = 4.05, 4.05 − 2.55 = 1.5 m off Busway M1's line.
    expect(reach(smallWith(MINER, { yM: 4.4 }))).toEqual([]);
    // At y = 4.41: 4.06 − 2.55 = 1.51 m.
    const [v, ...more] = reach(smallWith(MINER, { yM: 4.41 }));
    expect(more).toEqual([]);
    expect(v!.objectIds).toEqual([MINER, 'sm-mbw1']);
    expect(v!.limit).toBe(1.5);
    expect(v!.value).toBeCloseTo(1.51, 9);
    expect(v!.margin).toBeCloseTo(-0.01, 9);
    expect(v!.unit).toBe('m');
    expect(v!.severity).toBe('error');
    expect(v!.message).toBe('1.1 (Shelf rack, 20 × Antminer S21 XP) is not under the run of Busway M1 (Overhead busway 1250 A, 415 V (2.4 m run))');
    // North of the line alike: at y = 0.7 its south edge at 0.7 + 0.35 = 1.05, 2.55 − 1.05 = 1.5 m.
    expect(reach(smallWith(MINER, { yM: 0.7 }))).toEqual([]);
  });

  it('along a busway: a run of 50 m from its section reaches a rack, 50.1 m does not', () => {
    // In a hall 80 m wide, rack 1.1 (2 m wide) at x = 50.5 ends at 51.5: from the section's start at
    // 1.5 the run is 51.5 − 1.5 = 50 m.
    expect(reach(smallWith(MINER, { xM: 50.5 }, 80))).toEqual([]);
    // At x = 50.6 it ends at 51.6: 50.1 m.
    const [v, ...more] = reach(smallWith(MINER, { xM: 50.6 }, 80));
    expect(more).toEqual([]);
    expect(v!.limit).toBe(50);
    expect(v!.value).toBeCloseTo(50.1, 9);
    expect(v!.message).toBe('1.1 (Shelf rack, 20 × Antminer S21 XP) would need a longer run than one busway makes, from the start of Busway M1 (Overhead busway 1250 A, 415 V (2.4 m run))');
  });

  it('a run reaches either way from its section: west of Busway 1 alike', () => {
    // GB200 1.2 (0.6 wide) at x = 2: from its west edge at 1.7 to the section's east end at 24.4, 22.7 m.
    expect(reach(smallWith(GPU, { xM: 2 }))).toEqual([]);
  });

  it('from a floor PDU: a cable of 15 m reaches the CDU, 15.1 m does not', () => {
    // The CDU (0.6 × 1.2) at (11.5, 13.5): x 11.2 to 11.8, y 12.9 to 14.1. To the PDU (x 22.0 to 23.2,
    // y 7.2 to 8.1): 22.0 − 11.8 = 10.2 across x and 12.9 − 8.1 = 4.8 across y, 15 m.
    expect(reach(smallWith(CDU, { xM: 11.5, yM: 13.5 }))).toEqual([]);
    // At x = 11.4: 10.3 + 4.8 = 15.1 m.
    const [v, ...more] = reach(smallWith(CDU, { xM: 11.4, yM: 13.5 }));
    expect(more).toEqual([]);
    expect(v!.objectIds).toEqual([CDU, 'sm-pdu01-01']);
    expect(v!.limit).toBe(15);
    expect(v!.value).toBeCloseTo(15.1, 9);
    expect(v!.message).toBe('1.1 (In-row CDU 1.2 MW) is beyond a cable’s reach of 1.1 (Floor PDU 400 kVA)');
  });

  it('rack 1.2 of the small fleet moved to (28.5, 12.6), about 11 m from Busway 1, is an error', () => {
    // Its footprint (0.6 × 1.068): y 12.6 − 0.534 = 12.066 to 13.134, 12.066 − 2.734 = 9.332 m off the line.
    const violations = reach(smallWith(GPU, { xM: 28.5, yM: 12.6 }));
    expect(violations.map((v) => [v.id, v.value])).toEqual([[`feed-reach:${GPU}:sm-bw1`, expect.closeTo(9.332, 9)]]);
    expect(violations[0]!.message).toBe('1.2 (GB200 NVL72 rack) is not under the run of Busway 1 (Overhead busway 800 A, 415 V (2.4 m run))');
  });

  it('a B feed is judged as the A feed is', () => {
    // GB200 1.2 fed B from Busway M1 (section x 1.5 to 3.9, on y = 2.55, which crosses the rack) at
    // x = 52 in a hall 80 m wide: 52.3 − 1.5 = 50.8 m along it; from Busway 1 (A), 52.3 − 22 = 30.3 m.
    const violations = reach(smallWith(GPU, { xM: 52, powerSourceBId: 'sm-mbw1' }, 80));
    expect(violations.map((v) => [v.objectIds, v.value])).toEqual([[[GPU, 'sm-mbw1'], expect.closeTo(50.8, 9)]]);
  });

  it('a source feeding a source is not judged: the busway fed from the PDU, moved far from it', () => {
    // The PDU at (2, 13): x 1.4 to 2.6, y 12.55 to 13.45. The CDU it feeds (x 25.0 to 25.6, y 2.0 to 3.2)
    // is 22.4 + 9.35 = 31.75 m of cable from it, an error; Busway 1, fed from it too, is not judged.
    const far = reach(smallWith('sm-pdu01-01', { xM: 2, yM: 13 }));
    expect(far.map((v) => [v.objectIds, v.value])).toEqual([[[CDU, 'sm-pdu01-01'], expect.closeTo(31.75, 9)]]);
  });

  it('moving a busway away makes each unit it feeds an error, moving it back clears them, the live checker as the full check', () => {
    const start = sampleSmall();
    const live = new LiveChecker(start);
    const busway = start.placements.find((p) => p.id === 'sm-bw1')!;
    const rules = (doc: FleetDoc, edit: Command) => {
      const applied = applyCommand(doc, edit);
      const after = live.update(applied.doc, applied.changes);
      expect(after).toEqual(checkFleet(applied.doc));
      return { doc: applied.doc, reach: after.violations.filter((v) => v.rule === 'feed-reach') };
    };
    // To y = 10: the racks' south edges at 2.734 + 0.534 = 3.268, 10 − 3.268 = 6.732 m off the line.
    const away = rules(start, { type: 'move', moves: [{ id: busway.id, xM: busway.xM, yM: 10 }] });
    expect(away.reach.map((v) => [v.objectIds[0], v.value])).toEqual([
      ['sm-gpu01-01', expect.closeTo(6.732, 9)],
      ['sm-gpu01-02', expect.closeTo(6.732, 9)],
    ]);
    const back = rules(away.doc, { type: 'move', moves: [{ id: busway.id, xM: busway.xM, yM: busway.yM }] });
    expect(back.reach).toEqual([]);
    // Turned a quarter, its run lies along y on x = 23.2: rack 1.1 (x 22.0 to 22.6) stands 0.6 m off it, in reach.
    const turned = rules(back.doc, { type: 'rotate', rotations: [{ id: busway.id, rotationDeg: 90 }] });
    expect(turned.reach).toEqual([]);
  });
});

describe('a feed from another hall of the site', () => {
  it('is judged from where its source stands on the site: Building A’s far rack cabled from Building B’s skid is 124.7 m of cable, past its 100 m', () => {
    // Building A stands at (40, 40) m on the site, Building B at (200, 40): B's skid (x 70.8–73.2, y 4.2–5.4 in B) is
    // at x 230.8–233.2 seen from A. Rack A1.50 spans x 104.9–106.9, y 2.7–3.4: 230.8 − 106.9 = 123.9 m along and
    // 4.2 − 3.4 = 0.8 m across, 124.7 m of cable.
    const doc = sampleCampus();
    doc.placements = doc.placements.map((p) => (p.id === 'a01-50' ? { ...p, powerSourceId: 'b-skid01-01' } : p));
    const v = checkFleet(doc).violations.filter((x) => x.rule === 'feed-reach');
    expect(v.map((x) => x.objectIds)).toEqual([['a01-50', 'b-skid01-01']]);
    expect(v[0]!.value).toBeCloseTo(124.7, 9);
    expect(v[0]!.limit).toBe(CABLE_REACH_M.switchboard);
    expect(new LiveChecker(doc).result().violations.filter((x) => x.rule === 'feed-reach')).toEqual(v);
  });
});
