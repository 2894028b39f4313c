/**
 * Where Apply plan stands things, as a data-center engineer would check it: the racks as a
 * block of rows across the hall's depth, hot aisle between backs, grouped in the middle of
 * the floor; the CDUs and CRAHs by the rows they serve, kept ones moved there; and
 * everything that needs power fed afterwards.
 */
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../shared/commands/apply';
import { checkFleet } from '../../shared/constraints';
import { footprint } from '../../shared/geometry/footprint';
import { cduHeatKw, usableCoolingKw } from '../../shared/model/cooling';
import { needsFeed } from '../../shared/model/load';
import type { EquipmentModel, FleetDoc, Placement, Plan } from '../../shared/model/schema';
import { applyPlanCommand } from '../../shared/optimizer/apply-plan';
import { hallOptions } from '../../shared/optimizer/model';
import { sampleByName } from '../../shared/samples';
import { seededRandom } from '../../shared/geometry/rows';
import { withoutStanding } from '../support/standing-units';

const planOf = (hallId: string, optionId: string, units: number): Plan => ({ id: 'p', name: 'test plan', createdAt: 'now', objective: 'expected', status: 'optimal', npvUsd: 0, irrFraction: null, paybackPeriods: null, mipGapFraction: 0, halls: [{ hallId, optionId, startPeriod: 0, units, npvUsd: 0 }], periods: [], bindingLimits: [], conflicts: [] });

function apply(doc: FleetDoc, hallId: string, optionId: string, units: number) {
  const applied = applyPlanCommand(doc, planOf(hallId, optionId, units));
  const after = applyCommand(doc, applied.command).doc;
  const models = new Map(after.models.map((m) => [m.id, m]));
  const inHall = after.placements.filter((p) => p.hallId === hallId);
  const of = (kind: EquipmentModel['kind']) => inHall.filter((p) => models.get(p.modelId)!.kind === kind);
  return { after, applied, models, inHall, of };
}

/** A rack's row: its y and facing, and its pod ("P2-1.3" is pod 2's first row; "1.3" the only pod's). */
const rowOf = (r: Placement): string => `${r.yM}:${r.rotationDeg}:${r.label.includes('-') ? r.label.split('-')[0] : ''}`;

/**
 * The rows a hall's CDUs serve, as their secondary loops would be piped: each row (racks at
 * one y and facing) draws its liquid heat from the CDUs nearest to it that still have
 * capacity, the row with the nearest CDU first. Returns, per CDU, the farthest row it
 * serves (centre of the CDU to the nearest rack of the row), and the heat no CDU carried.
 */
function loops(racks: Placement[], model: EquipmentModel, cdus: Placement[], models: Map<string, EquipmentModel>): { reachM: Map<string, number>; unservedKw: number } {
  const rows = new Map<string, Placement[]>();
  for (const r of racks) rows.set(rowOf(r), [...(rows.get(rowOf(r)) ?? []), r]);
  const distance = (c: Placement, row: Placement[]) => Math.min(...row.map((r) => Math.hypot(r.xM - c.xM, r.yM - c.yM)));
  const left = new Map(cdus.map((c) => [c.id, models.get(c.modelId)!.coolingCapacityKw]));
  const reachM = new Map(cdus.map((c) => [c.id, 0]));
  const nearest = (row: Placement[]) => Math.min(...cdus.map((c) => distance(c, row)));
  let unservedKw = 0;
  for (const row of [...rows.values()].sort((a, b) => nearest(a) - nearest(b))) {
    let heatKw = row.length * cduHeatKw(model);
    for (const c of [...cdus].sort((a, b) => distance(a, row) - distance(b, row))) {
      if (heatKw <= 1e-9) break;
      const take = Math.min(heatKw, left.get(c.id)!);
      if (take <= 0) continue;
      left.set(c.id, left.get(c.id)! - take);
      heatKw -= take;
      reachM.set(c.id, Math.max(reachM.get(c.id)!, distance(c, row)));
    }
    unservedKw += heatKw;
  }
  return { reachM, unservedKw };
}

/**
 * How far a CDU's loop may reach: a GB200 row (0.6 m racks 0.05 m apart) ends, then a CDU
 * place or two (0.05 m gap, 1.2 m wide), so the second place's centre stands
 * 0.3 + 0.05 + 1.2 + 0.05 + 0.6 = 2.2 m along the row from its last rack; it serves its own
 * row and the rows either side, the farther across a cold aisle: 1.068 m rack depth +
 * 2 × 1.2 m fronts + 0.2 m margin = 3.668 m between row centres. √(2.2² + 3.668²) = 4.277 m.
 */
const CDU_REACH_M = Math.hypot(2.2, 3.668);

const PLANS = [
  ['campus', 'wtx-b', 'wtx-b-ai', 52],
  ['small', 'sm-h1', 'sm-h1-ai', 7],
  ['large', 'gh1', 'gh1-ai', 136],
  ['portfolio', 's0h1', 's0h1-ai4', 43],
] as const;

describe('apply plan stands cooling gear by the rows it serves', () => {
  it.each(PLANS)(`%s %s: every CDU, kept or new, serves rows within ${CDU_REACH_M.toFixed(3)} m of it, and the rows' liquid heat is all served`, (sample, hallId, optionId, units) => {
    const doc = sampleByName(sample);
    const { after, models, of } = apply(doc, hallId, optionId, units);
    const model = models.get(doc.halls.find((h) => h.id === hallId)!.retrofitOptions.find((o) => o.id === optionId)!.modelId!)!;
    const racks = of('gpu-rack').filter((p) => p.modelId === model.id);
    expect(racks).toHaveLength(units);
    const cdus = of('cdu');
    const { reachM, unservedKw } = loops(racks, model, cdus, models);
    expect(unservedKw).toBe(0);
    for (const [id, m] of reachM) expect({ id, m: m <= CDU_REACH_M }).toEqual({ id, m: true });
    // A CDU that serves no row (a spare for redundancy) still stands by the rows: within reach of a rack.
    for (const c of cdus) expect({ id: c.id, near: Math.min(...racks.map((r) => Math.hypot(r.xM - c.xM, r.yM - c.yM))) <= CDU_REACH_M }).toEqual({ id: c.id, near: true });
    expect(checkFleet(after).violations.filter((v) => v.severity === 'error')).toEqual([]);
  });

  it.each(PLANS)("%s %s: the plant it leaves is rated in whole kW a unit, rounded up so it carries at least the option's usable cooling", (sample, hallId, optionId, units) => {
    const doc = sampleByName(sample);
    const option = doc.halls.find((h) => h.id === hallId)!.retrofitOptions.find((o) => o.id === optionId)!;
    const hall = apply(doc, hallId, optionId, units).after.halls.find((h) => h.id === hallId)!;
    expect(Number.isInteger(hall.cooling.unitCapacityKw)).toBe(true);
    expect(Number.isInteger(hall.facilityWater.unitCapacityKw)).toBe(true);
    expect(usableCoolingKw(hall)).toBeGreaterThanOrEqual(option.usableCoolingKw);
  });

  it("with Building B's pod taken out, moves the hall's three kept CDUs and two CRAHs from 10-15 m away to the new rows' ends: CDUs east, CRAHs west, there still within the skid's feeders' reach and fed from it", () => {
    // Deliberately changed: on the sample itself the racks standing stay, and their CDUs and CRAHs with them.
    const doc = withoutStanding(sampleByName('campus'), 'wtx-b', 'nvl72-gb200');
    const { after, inHall, of } = apply(doc, 'wtx-b', 'wtx-b-ai', 52);
    const racks = of('gpu-rack');
    const kept = ['b-cdu01-01', 'b-cdu01-02', 'b-cdu01-03', 'b-crah01-01', 'b-crah01-02'].map((id) => inHall.find((p) => p.id === id)!);
    const rowYs = new Set(racks.map((r) => r.yM));
    const westRacksM = Math.min(...racks.map((r) => r.xM - 0.3));
    const eastRacksM = Math.max(...racks.map((r) => r.xM + 0.3));
    // The nearest, CDU 3 (x 44.925-45.525, y 17.566-18.766), is 70.8 − 45.525 = 25.275 m west and
    // 17.566 − 5.4 = 12.166 m south of the skid (x 70.8-73.2, y 4.2-5.4): 37.441 m of cable, within a
    // skid's 100 m, as are the others: each keeps its feed from it, and no error stands.
    for (const p of kept) {
      expect(rowYs.has(p.yM)).toBe(true);
      expect(p.powerSourceId).toBe(doc.placements.find((q) => q.id === p.id)!.powerSourceId);
    }
    expect(checkFleet(after).violations.filter((v) => v.severity === 'error')).toEqual([]);
    // The two new 2.3 MW CDUs take the ends of rows 1 and 3 (one row of each back-to-back pair);
    // the 1.2 MW ones rows 2 and 4, and the third the row its capacity covers least, row 2:
    // from the racks' east edge, 0.05 + 0.3 (half of the 0.6 m CDU) = 0.35 m to the first
    // place's centre, 0.35 + 0.3 + 0.05 + 0.3 = 1.0 m to the second's.
    expect(kept.slice(0, 3).map((c) => Math.round((c.xM - eastRacksM) * 1000) / 1000)).toEqual([0.35, 0.35, 1.0]);
    expect(kept.slice(0, 3).map((c) => c.yM)).toEqual([18.166, 25.102, 18.166]);
    // CRAHs (2.5 m wide) at the west ends: 0.05 + 1.25 = 1.3 m west of the racks' edge.
    for (const c of kept.slice(3)) expect(westRacksM - c.xM).toBeCloseTo(1.3, 6);
    // Before, they stood at x 56.3-60.25 m, y 11.5-15.4 m, beside nothing.
    const before = doc.placements.find((p) => p.id === 'b-crah01-02')!;
    expect(Math.min(...racks.map((r) => Math.hypot(r.xM - before.xM, r.yM - before.yM)))).toBeGreaterThan(CDU_REACH_M);
  });
});

describe('apply plan lays rows across the depth, grouped in the middle of the hall', () => {
  it("campus, Building B's pod taken out: 52 GB200 in the 80 m × 40 m hall stand as four rows of 13, backs to backs over two hot aisles, the block centred in the depth", () => {
    // Rows of 0.6 m racks 0.05 m apart, at most 15 m: one pod of 4 rows of 13 is 2.55 m of
    // CRAH places + 13 × 0.65 − 0.05 = 8.4 m of racks + 2 × 1.25 m of CDU places = 13.45 m
    // wide and 1.2 + 1.068 + (1.0 + 0.2 + 1.0) + 1.068 + (1.2 + 0.2 + 1.2) + 1.068 + 2.2 + 1.068
    // + 1.2 = 13.672 m deep: max(13.45 / 78, 13.672 / 40) = 0.342 of the hall. Two pods of
    // two rows (28.1 m × 6.736 m, max(0.360, 0.168) = 0.360) are less like the hall; 2 rows of
    // 26 would run 16.85 m. Centred: (40 − 13.672) / 2 = 13.164 m clear north and south.
    // Deliberately changed: on the sample itself its 16 racks stand and the block joins them.
    const { of } = apply(withoutStanding(sampleByName('campus'), 'wtx-b', 'nvl72-gb200'), 'wtx-b', 'wtx-b-ai', 52);
    const racks = of('gpu-rack');
    const rows = [...new Set(racks.map((r) => `${r.yM}:${r.rotationDeg}`))].sort((a, b) => parseFloat(a) - parseFloat(b));
    expect(rows).toEqual(['14.898:0', '18.166:180', '21.834:0', '25.102:180']);
    // 13.164 + 1.2 + 0.534 = 14.898; + 0.534 + 2.2 + 0.534 = 18.166; + 0.534 + 2.6 + 0.534 = 21.834; + 3.268 = 25.102.
    for (const y of [14.898, 18.166, 21.834, 25.102]) expect(racks.filter((r) => r.yM === y)).toHaveLength(13);
  });

  it('small, its two GB200 taken out: 7 GB200 in the 30 m × 15 m hall stand as one row in the middle of the depth, not against the north wall', () => {
    // One row: 1.2 m front + 1.068 m + 1.0 m back = 3.268 m; (15 − 3.268) / 2 = 5.866 m clear
    // north, so the racks stand at 5.866 + 1.2 + 0.534 = 7.6 m. Before: at 1 + 1.2 + 0.534 = 2.734 m.
    // Deliberately changed: on the sample itself its two racks stand and the row joins them.
    const { of } = apply(withoutStanding(sampleByName('small'), 'sm-h1', 'nvl72-gb200'), 'sm-h1', 'sm-h1-ai', 7);
    expect([...new Set(of('gpu-rack').map((r) => r.yM))]).toEqual([7.6]);
  });

  it("every AI option of every portfolio hall, at a third of its most racks: the racks' rows are centred in the hall's depth (within the 0.2 m a lone row's front and back clearances differ by) and in rows of at most 15 m", () => {
    const doc = sampleByName('portfolio');
    const models = new Map(doc.models.map((m) => [m.id, m]));
    let tried = 0;
    for (const hall of doc.halls) {
      for (const o of hallOptions(hall, models, doc.fleet, []).filter((x) => !x.excluded && x.option.kind === 'retrofit-ai' && x.maxUnits >= 3)) {
        const units = Math.floor(o.maxUnits / 3);
        const model = o.model!;
        const racks = apply(doc, hall.id, o.option.id, units).of(model.kind).filter((p) => p.modelId === model.id);
        expect(racks).toHaveLength(units);
        const rects = racks.map((p) => footprint(p, model));
        const north = Math.min(...rects.map((r) => r.minY));
        const south = Math.max(...rects.map((r) => r.maxY));
        expect({ hall: hall.id, option: o.option.id, off: Math.abs((north + south) / 2 - hall.depthM / 2) <= 0.2 }).toEqual({ hall: hall.id, option: o.option.id, off: true });
        const byRow = new Map<string, number[]>();
        for (const r of racks) byRow.set(rowOf(r), [...(byRow.get(rowOf(r)) ?? []), r.xM]);
        for (const xs of byRow.values()) expect(Math.max(...xs) - Math.min(...xs) + model.widthM).toBeLessThanOrEqual(15 + 1e-9);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(100);
  });
});

describe('apply plan keeps its block clear of what stays', () => {
  it('small, its two GB200 taken out: with the floor PDU moved to the middle of the hall, the row of 7 steps north of it, still whole, its CDU at its end and a spare beyond, with no error', () => {
    // Deliberately changed: on the sample itself its two racks stand, and their CDU with them.
    const doc = withoutStanding(sampleByName('small'), 'sm-h1', 'nvl72-gb200');
    const moved = { ...doc, placements: doc.placements.map((p) => (p.id === 'sm-pdu01-01' ? { ...p, xM: 15, yM: 7.5 } : p)) };
    const { after, models, of } = apply(moved, 'sm-h1', 'sm-h1-ai', 7);
    const racks = of('gpu-rack');
    expect(racks).toHaveLength(7);
    expect(new Set(racks.map((r) => r.yM)).size).toBe(1);
    const pdu = footprint(of('pdu')[0]!, models.get('pdu-400')!);
    // North of the PDU: the row's south clearance (1.0 m behind 0.534 m of half depth) ends before it.
    expect(racks[0]!.yM + 0.534 + 1.0).toBeLessThanOrEqual(pdu.minY);
    // The kept 1.2 MW CDU carries the row's 7 × 112.2 = 785.4 kW; a 2.3 MW one joins it as the
    // hall's N+1 spare. Both stand in the row's line at its end, the nearer one 0.05 m off its last rack.
    const cdus = of('cdu');
    expect(cdus.map((p) => p.modelId).sort()).toEqual(['cdu-1200', 'cdu-2300']);
    for (const c of cdus) expect(c.yM).toBe(racks[0]!.yM);
    const gap = (c: (typeof cdus)[number]) => Math.min(...racks.map((r) => Math.abs(r.xM - c.xM) - 0.3 - models.get(c.modelId)!.widthM / 2));
    expect(Math.min(...cdus.map(gap))).toBeCloseTo(0.05, 6);
    const cdu = cdus.find((p) => p.modelId === 'cdu-1200')!;
    // Moved to the row's end, within its cables' reach of the PDU (15 m), it stays fed from it.
    expect(cdu.powerSourceId).toBe('sm-pdu01-01');
    expect(checkFleet(after).violations.filter((v) => v.severity === 'error')).toEqual([]);
  });
});

describe('apply plan with gear that does not fit a plain block', () => {
  it('campus: with the 2.3 MW CDU given 4 m of service space front and back, the 52 racks and every CDU still stand with no error', () => {
    const doc = sampleByName('campus');
    const wide = { ...doc, models: doc.models.map((m) => (m.id === 'cdu-2300' ? { ...m, clearanceFrontM: 4, clearanceBackM: 4 } : m)) };
    const { after, applied, of } = apply(wide, 'wtx-b', 'wtx-b-ai', 52);
    expect(applied.shortfalls).toEqual([]);
    expect(of('gpu-rack')).toHaveLength(52);
    // The 36 racks added to the 16 standing send 36 × 132 × 0.85 = 4,039.2 kW to CDUs of their
    // own: three 2.3 MW, one held back for N+1 (2 × 2,300 = 4,600 kW; two would leave 2,300).
    // Deliberately changed from two, which counted the standing pod's 1.2 MW CDUs for the new racks.
    expect(of('cdu').filter((p) => p.modelId === 'cdu-2300')).toHaveLength(3);
    expect(checkFleet(after).violations.filter((v) => v.severity === 'error')).toEqual([]);
  });

  it("campus, Building B's pod taken out: skids every 6 m across the hall leave no room for a block; the rows go round them and the kept CDUs and CRAHs still move to the rows' ends, all fed, with no error", () => {
    // Deliberately changed: on the sample itself the racks standing stay, and their CDUs and CRAHs with them.
    const doc = withoutStanding(sampleByName('campus'), 'wtx-b', 'nvl72-gb200');
    const skid = doc.placements.find((p) => p.id === 'b-skid01-01')!;
    const skids: Placement[] = [];
    for (let x = 6; x < 80; x += 6) for (let y = 6; y < 40; y += 6) skids.push({ ...skid, id: `skid-${x}-${y}`, label: `S ${x}/${y}`, xM: x, yM: y });
    // The kept gear hung from the skid that the grid replaces: unfed until Apply plan feeds it.
    const crowded = { ...doc, placements: [...doc.placements.filter((p) => p.id !== skid.id).map((p) => (p.powerSourceId === skid.id ? { ...p, powerSourceId: null } : p)), ...skids] };
    const { after, applied, models, inHall, of } = apply(crowded, 'wtx-b', 'wtx-b-ai', 52);
    const racks = of('gpu-rack');
    expect(applied.shortfalls).toContain(`Building B (AI retrofit, phase 1): ${racks.length} of 52 GB200 NVL72 rack fit the floor`);
    for (const c of [...of('cdu'), ...of('crah')]) expect({ id: c.id, near: Math.min(...racks.map((r) => Math.hypot(r.xM - c.xM, r.yM - c.yM))) <= CDU_REACH_M }).toEqual({ id: c.id, near: true });
    expect(inHall.filter((p) => needsFeed(models.get(p.modelId)!) && !p.powerSourceId && !p.powerSourceBId).map((p) => p.id)).toEqual([]);
    expect(checkFleet(after).violations.filter((v) => v.severity === 'error')).toEqual([]);
  });

  it('small: 200 GB200 racks in a 30 m × 15 m hall say how many fit, and those stand with no geometry error', () => {
    const { after, applied, of } = apply(sampleByName('small'), 'sm-h1', 'sm-h1-ai', 200);
    const placed = of('gpu-rack').length;
    expect(placed).toBeLessThan(200);
    expect(applied.shortfalls).toContain(`Hall 1: ${placed} of 200 GB200 NVL72 rack fit the floor`);
    expect(checkFleet(after).violations.filter((v) => ['overlap', 'clearance', 'outside-hall', 'wall-clearance'].includes(v.rule))).toEqual([]);
  });
});

describe('apply plan feeds everything that needs power', () => {
  it("campus retrofit: the kept CDUs and CRAHs, unfed in the user's hall, end fed from a busway run that carries them; 0 errors", () => {
    const doc = sampleByName('campus');
    const gear = new Set(['b-cdu01-01', 'b-cdu01-02', 'b-cdu01-03', 'b-crah01-01', 'b-crah01-02']);
    const unfedDoc = { ...doc, placements: doc.placements.map((p) => (gear.has(p.id) ? { ...p, powerSourceId: null } : p)) };
    const { after, applied, models, inHall } = apply(unfedDoc, 'wtx-b', 'wtx-b-ai', 52);
    expect(applied.unfed).toEqual({ count: 0, kw: 0 });
    expect(inHall.filter((p) => needsFeed(models.get(p.modelId)!) && !p.powerSourceId && !p.powerSourceBId).map((p) => p.id)).toEqual([]);
    for (const id of gear) {
      const source = after.placements.find((p) => p.id === inHall.find((q) => q.id === id)!.powerSourceId)!;
      expect(models.get(source.modelId)!.kind).toBe('busway');
    }
    expect(checkFleet(after).violations.filter((v) => v.severity === 'error')).toEqual([]);
  });

  it('a free-air repower leaves a fan wall in the wall where it stands, and feeds it when it stood unfed', () => {
    // Hall C (60 m × 24 m) repowered to S21 XP: a 3.0 m × 0.6 m fan wall module against the
    // south wall (its 1.5 m front clearance into the hall, its 1.0 m back clearance to the wall), unfed.
    const doc = sampleByName('campus');
    const fan: Placement = { id: 'fan-1', hallId: 'cbh-c', modelId: 'fanwall-500', xM: 30, yM: 24 - 1.0 - 0.3, rotationDeg: 0, powerSourceId: null, powerSourceBId: null, label: 'FW 1' };
    const withFan = { ...doc, placements: [...doc.placements, fan] };
    const { after, models, inHall } = apply(withFan, 'cbh-c', 'cbh-c-repower', 100);
    const kept = inHall.find((p) => p.id === 'fan-1')!;
    expect([kept.xM, kept.yM]).toEqual([fan.xM, fan.yM]);
    expect(models.get(after.placements.find((p) => p.id === kept.powerSourceId)!.modelId)!.kind).toBe('busway');
    expect(checkFleet(after).violations.filter((v) => v.severity === 'error' && v.objectIds?.includes('fan-1'))).toEqual([]);
  });
});

describe('apply plan on random halls with random kept gear', () => {
  it('60 seeded halls (12-102 m × 8-58 m, up to 7 kept CDUs, CRAHs, skids and PDUs anywhere, 1-52 GB200): never a geometry error or an unfed unit; where everything fits, no error at all and every CDU and CRAH by the racks', () => {
    const random = seededRandom(1);
    const ids = ['cdu-1200', 'crah-150', 'pdu-skid3000', 'cdu-2300', 'pdu-400'];
    let fitted = 0;
    for (let t = 0; t < 60; t++) {
      const doc = sampleByName('campus');
      const hall = { ...doc.halls.find((h) => h.id === 'wtx-b')!, widthM: Math.round(12 + random() * 90), depthM: Math.round(8 + random() * 50) };
      const models = new Map(doc.models.map((m) => [m.id, m]));
      const kept: Placement[] = Array.from({ length: Math.floor(random() * 8) }, (_, i) => {
        const m = models.get(ids[Math.floor(random() * ids.length)]!)!;
        const xM = Math.round((m.widthM + random() * (hall.widthM - 2 * m.widthM)) * 10) / 10;
        const yM = Math.round((3 + random() * (hall.depthM - 6)) * 10) / 10;
        return { id: `k${i}`, hallId: hall.id, modelId: m.id, xM, yM, rotationDeg: random() < 0.5 ? 0 : 180, powerSourceId: null, powerSourceBId: null, label: `K${i}` };
      });
      const random_ = { ...doc, halls: doc.halls.map((h) => (h.id === hall.id ? hall : h)), placements: [...doc.placements.filter((p) => p.hallId !== hall.id), ...kept] };
      const before = new Set(checkFleet(random_).violations.map((v) => v.id));
      // At most the 52 the option's feed carries (52 × 132 kW + CDU pumps within 9,300 kW).
      const units = 1 + Math.floor(random() * 52);
      const { after, applied, inHall, of } = apply(random_, hall.id, 'wtx-b-ai', units);
      const fresh = checkFleet(after).violations.filter((v) => v.severity === 'error' && !before.has(v.id));
      const name = `${t}: ${hall.widthM} m × ${hall.depthM} m, ${kept.length} kept, ${units} racks`;
      expect({ name, geometry: fresh.filter((v) => ['overlap', 'clearance', 'outside-hall', 'wall-clearance'].includes(v.rule)).map((v) => v.id) }).toEqual({ name, geometry: [] });
      expect({ name, unfed: inHall.filter((p) => needsFeed(models.get(p.modelId)!) && !p.powerSourceId && !p.powerSourceBId).map((p) => p.id) }).toEqual({ name, unfed: [] });
      if (applied.shortfalls.length) continue;
      fitted++;
      expect({ name, errors: fresh.map((v) => v.id) }).toEqual({ name, errors: [] });
      const racks = of('gpu-rack');
      const far = [...of('cdu'), ...of('crah')].filter((c) => Math.min(...racks.map((r) => Math.hypot(r.xM - c.xM, r.yM - c.yM))) > CDU_REACH_M);
      expect({ name, far: far.map((c) => c.id) }).toEqual({ name, far: [] });
    }
    // Most halls hold their racks: the last checks ran on them.
    expect(fitted).toBeGreaterThan(40);
  });
});
