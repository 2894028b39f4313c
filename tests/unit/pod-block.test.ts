/**
 * The block of pods Apply plan lays racks out in, against hand calculations: a made-up rack
 * 2.1 m wide (2.15 m apart with the 0.05 m gap, so 7 make a row of exactly
 * 7 × 2.15 − 0.05 = 15 m, the longest a row may run) and 1 m deep with 1 m of service space
 * front and back, in a hall 40 m wide and 10 m deep.
 */
import { describe, expect, it } from 'vitest';
import { builtInModel } from '../../shared/catalog';
import type { EquipmentModel } from '../../shared/model/schema';
import { layPodBlock, type PodBlockRequest } from '../../shared/optimizer/pod-block';

const base = builtInModel('nvl72-gb200');
const rack: EquipmentModel = { ...base, id: 'r', widthM: 2.1, depthM: 1, clearanceFrontM: 1, clearanceBackM: 1 };
const cdu: EquipmentModel = { ...builtInModel('cdu-2300'), widthM: 1, depthM: 1, clearanceFrontM: 1, clearanceBackM: 1 };
const hall = { id: 'h', widthM: 40, depthM: 10 };

function block(count: number, more: Partial<PodBlockRequest> = {}) {
  return layPodBlock({ hall, model: rack, count, idPrefix: 'x-', obstacles: [], east: [], west: [], fits: () => true, accepts: () => true, ...more })!;
}

describe('pod block', () => {
  it('7 racks: one row of exactly 15 m, centred (the shape most like the hall)', () => {
    // Shapes and how much of the hall (38 m between the 1 m wall margins, 10 m deep) they take:
    // 1 row of 7: 15 m × 3 m (1 + 1 + 1) → max(15 / 38, 3 / 10) = 0.395;
    // 2 pods of one row of 4: 2 × 8.55 + 1.2 = 18.3 m → 0.482; 2 rows of 4: 6.2 m deep → 0.62.
    // Centred: 1 + (38 − 15) / 2 = 12.5 m from the west wall, (10 − 3) / 2 = 3.5 m from the north.
    const { racks } = block(7);
    expect(racks.map((p) => p.xM)).toEqual([13.55, 15.7, 17.85, 20, 22.15, 24.3, 26.45]);
    expect(new Set(racks.map((p) => p.yM))).toEqual(new Set([3.5 + 1 + 0.5]));
  });

  it('8 racks: a row of 8 would run 17.15 m, so two pods of one row of 4 with a 1.2 m cross aisle', () => {
    // 18.3 m wide, centred from 1 + (38 − 18.3) / 2 = 10.85 m; the second pod from 10.85 + 8.55 + 1.2 = 20.6 m.
    const { racks } = block(8);
    expect(racks.map((p) => p.xM)).toEqual([11.9, 14.05, 16.2, 18.35, 21.65, 23.8, 25.95, 28.1]);
    expect(racks.map((p) => p.label)).toEqual(['P1-1.1', 'P1-1.2', 'P1-1.3', 'P1-1.4', 'P2-1.1', 'P2-1.2', 'P2-1.3', 'P2-1.4']);
  });

  it('7 racks and a CDU: the block grows by its place (0.05 + 1 m) and stays centred; the CDU stands at the row end, facing as the row', () => {
    // 16.05 m wide: from 1 + (38 − 16.05) / 2 = 11.975 m; the last rack at 11.975 + 1.05 + 6 × 2.15 = 25.925 m,
    // its east edge 26.975 m, the CDU's centre 0.05 + 0.5 m on.
    const { racks, east } = block(7, { east: [cdu] });
    expect(racks[6]!.xM).toBeCloseTo(25.925, 9);
    expect(east).toEqual([{ xM: 27.525, yM: 5, rotationDeg: 0 }]);
  });

  it('26 racks and 5 CDUs: two pods of two rows, backs to backs, rows evenly filled; one CDU a row end, the fifth where capacity per rack is least', () => {
    // Rows come singly or in pairs, and two pairs (3 + 0.2 + 3 + 0.2 + 3 + 0.2 + 3 = 12.6 m) are deeper than the hall.
    // At most 7 racks a row (15 m): 2 pods × 2 rows of 7 with ceil(5 / 4) = 2 CDU places a row end:
    // 2 × (15 + 2 × 1.05) + 1.2 = 35.4 m wide, 6.2 m deep → 35.4 / 38 = 0.932. 3 pods × 2 rows of 5 with one
    // place: 3 × (10.7 + 1.05) + 2.4 = 37.65 m → 0.991. 4 pods of one row of 7: 72 m, too wide.
    // Centred: 1 + (38 − 35.4) / 2 = 2.3 m west, (10 − 6.2) / 2 = 1.9 m north; rows at 1.9 + 1 + 0.5 = 3.4 m
    // (facing north) and 3.4 + 0.5 + 1 + 0.2 + 1 + 0.5 = 6.6 m (facing south: backs share the aisle).
    const { racks, east } = block(26, { east: [cdu, cdu, cdu, cdu, cdu] });
    const rows = new Map<string, number>();
    for (const r of racks) rows.set(`${r.label.split('-')[0]} ${r.yM} ${r.rotationDeg}°`, (rows.get(`${r.label.split('-')[0]} ${r.yM} ${r.rotationDeg}°`) ?? 0) + 1);
    expect([...rows]).toEqual([['P1 3.4 0°', 7], ['P1 6.6 180°', 6], ['P2 3.4 0°', 7], ['P2 6.6 180°', 6]]);
    // Row ends: pod 1's rows end at 2.3 + 15 = 17.3 and 2.3 + 6 × 2.15 − 0.05 = 15.15 m, pod 2's (from
    // 2.3 + 17.1 + 1.2 = 20.6 m) at 35.6 and 33.45 m; a CDU's centre 0.55 m on, a second one 1.05 m further.
    // One row of each pair first, then the other rows; the fifth goes to a row of 7 (2,300 / 7 < 2,300 / 6), the first.
    expect(east).toEqual([
      { xM: 17.85, yM: 3.4, rotationDeg: 0 },
      { xM: 36.15, yM: 3.4, rotationDeg: 0 },
      { xM: 15.7, yM: 6.6, rotationDeg: 180 },
      { xM: 34, yM: 6.6, rotationDeg: 180 },
      { xM: 18.9, yM: 3.4, rotationDeg: 0 },
    ]);
  });

  it('7 racks and 3 CDUs: not three CDUs at the end of one row of 7 (the third 0.05 + 2 × 1.05 + 0.5 = 2.65 m past it), but two pods of one row, two and one a row end', () => {
    // One row of 7 would take 15 + 3 × 1.05 = 18.15 m (0.478 of the hall) but three places at its end; two pods of
    // 4 and 3 with ceil(3 / 2) = 2 places: 2 × (8.55 + 2.1) + 1.2 = 22.5 m → 0.592 (two rows of 4: 6.2 m deep → 0.62),
    // from 1 + (38 − 22.5) / 2 = 8.75 m.
    // Pod 1's row ends at 8.75 + 4 × 2.15 − 0.05 = 17.3 m; pod 2's (from 8.75 + 10.65 + 1.2 = 20.6 m) at 27 m.
    // The first CDU to pod 1, the second to pod 2 (covering nothing yet), the third to pod 1 (2,300 / 4 < 2,300 / 3).
    const { racks, east } = block(7, { east: [cdu, cdu, cdu] });
    expect(racks.map((p) => p.label)).toEqual(['P1-1.1', 'P1-1.2', 'P1-1.3', 'P1-1.4', 'P2-1.1', 'P2-1.2', 'P2-1.3']);
    expect(east).toEqual([
      { xM: 17.85, yM: 5, rotationDeg: 0 },
      { xM: 27.55, yM: 5, rotationDeg: 0 },
      { xM: 18.9, yM: 5, rotationDeg: 0 },
    ]);
  });

  it('gives up (null) when what stays covers every place a block could stand', () => {
    expect(layPodBlock({ hall, model: rack, count: 7, idPrefix: 'x-', obstacles: [{ minX: 0, minY: 0, maxX: 40, maxY: 10 }], east: [], west: [], fits: () => true, accepts: () => true })).toBeNull();
  });
});
