import { describe, expect, it } from 'vitest';
import { align, besideOffset, copies, rowEnd, rowEndM, rowOf, standsClear, turnSelection } from '../../renderer/src/layout/arrange';
import { checkFleet } from '../../shared/constraints';
import type { Command } from '../../shared/commands/schema';
import { dropPlacement } from '../../renderer/src/layout/palette-drop';
import { applyCommand } from '../../shared/commands/apply';
import type { Placement } from '../../shared/model/schema';
import { sampleSmall } from '../../shared/samples';

const doc = sampleSmall();
const models = new Map(doc.models.map((m) => [m.id, m]));

describe('arranging equipment', () => {
  it('R turns a row as one piece: three racks at x = 0, 1, 2 m (y = 5) about (1, 5) stand at y = 4, 5, 6 (x = 1), facing east', () => {
    const rack = doc.placements.find((p) => p.id === 'sm-gpu01-01')!;
    const row = [0, 1, 2].map((x, i) => ({ ...rack, id: `r${i}`, xM: x, yM: 5, rotationDeg: 0 as const }));
    const cmd = turnSelection(row, 90);
    expect(cmd).toEqual({
      type: 'batch',
      label: 'rotate',
      commands: [
        { type: 'rotate', rotations: row.map((p) => ({ id: p.id, rotationDeg: 90 })) },
        { type: 'move', moves: [{ id: 'r0', xM: 1, yM: 4 }, { id: 'r1', xM: 1, yM: 5 }, { id: 'r2', xM: 1, yM: 6 }] },
      ],
    });
    // Anticlockwise from there brings them back; one unit only turns.
    const turned = row.map((p, i) => ({ ...p, xM: 1, yM: 4 + i, rotationDeg: 90 as const }));
    expect((turnSelection(turned, 270) as { commands: unknown[] }).commands[1]).toEqual({ type: 'move', moves: row.map((p) => ({ id: p.id, xM: p.xM, yM: 5 })) });
    expect(turnSelection([rack], 90)).toEqual({ type: 'rotate', rotations: [{ id: rack.id, rotationDeg: (rack.rotationDeg + 90) % 360 }] });
  });
  it('turns and pastes a selection of 200,000 units (a spread of that many arguments overflows the stack)', () => {
    const rack = doc.placements.find((p) => p.id === 'sm-gpu01-01')!;
    const many = Array.from({ length: 200_000 }, (_, i) => ({ ...rack, id: `m${i}`, xM: i % 500, yM: Math.floor(i / 500), rotationDeg: 0 as const }));
    const moves = (turnSelection(many, 90) as { commands: { type: string; moves?: { xM: number; yM: number }[] }[] }).commands[1]!.moves!;
    // Centres span x 0…499 and y 0…399: the turn is about (249.5, 199.5), so the first unit (0, 0) goes to (449, −50).
    expect(moves[0]).toMatchObject({ xM: 449, yM: -50 });
    // Their footprints span 499 m between centres plus one rack's 0.6 m width: a paste lands 499.6 m east.
    expect(models.get(rack.modelId)!.widthM).toBe(0.6);
    expect(besideOffset(many, doc, () => true)).toEqual({ dxM: 499.6, dyM: 0 });
  });
  it('copies of a pod are fed from the copy of its busway; a rack copied alone stays on the original; pasted into another hall, it is fed from nothing', () => {
    const pick = (...ids: string[]) => ids.map((id) => doc.placements.find((p) => p.id === id)!);
    const [busway, r1, r2] = copies(pick('sm-bw1', 'sm-gpu01-01', 'sm-gpu01-02'), doc, 'sm-h1', 2, 2);
    expect([r1!.powerSourceId, r2!.powerSourceId]).toEqual([busway!.id, busway!.id]);
    // The busway's own feed (a PDU left behind in the same hall) stays.
    expect(busway!.powerSourceId).toBe('sm-pdu01-01');
    expect(copies(pick('sm-gpu01-01'), doc, 'sm-h1', 2, 2)[0]!.powerSourceId).toBe('sm-bw1');
    expect(copies(pick('sm-gpu01-01'), doc, 'other-hall', 0, 0)[0]!.powerSourceId).toBeNull();
  });
  it('a row of 3 GB200 racks (0.6 m wide) 0.1 m apart steps 0.7 m along x', () => {
    const source = doc.placements.find((p) => p.id === 'sm-gpu01-01')!;
    const cmd = rowOf(doc, source, models.get(source.modelId)!, 3, 0.1);
    expect(cmd.entities.items.map((p) => (p as { xM: number }).xM)).toEqual([source.xM + 0.7, source.xM + 1.4, source.xM + 2.1].map((x) => Math.round(x * 1000) / 1000));
    expect(new Set(cmd.entities.items.map((p) => p.id)).size).toBe(3);
    // Labelled on from the source's "1.1", past the 1.2–1.8 the hall's racks already wear, instead of three more "1.1".
    expect(cmd.entities.items.map((p) => (p as Placement).label)).toEqual(['1.9', '1.10', '1.11']);
    // The last copy's east edge: 2.1 m on from the source's centre, and half a rack more.
    expect(rowEndM(source, models.get(source.modelId)!, 3, 0.1)).toBeCloseTo(source.xM + 2.1 + 0.3, 9);
  });
  it('a rack turned 90° makes its row along y: 2 copies 0.1 m apart step 0.7 m south, the last one\'s south edge 1.4 + 0.3 m on', () => {
    const source = { ...doc.placements.find((p) => p.id === 'sm-gpu01-01')!, rotationDeg: 90 as const };
    const model = models.get(source.modelId)!;
    const cmd = rowOf(doc, source, model, 2, 0.1);
    expect(cmd.entities.items.map((p) => [(p as Placement).xM, (p as Placement).yM])).toEqual([
      [source.xM, Math.round((source.yM + 0.7) * 1000) / 1000],
      [source.xM, Math.round((source.yM + 1.4) * 1000) / 1000],
    ]);
    expect(rowEndM(source, model, 2, 0.1)).toBeCloseTo(source.yM + 1.4 + 0.3, 9);
  });
  it("a row goes on from its last unit: the miners' row (shelf racks 2 m wide, 0.1 m apart) runs 1.1 … 1.8, so from 1.1 it is 1.8", () => {
    // The shelf racks' centres step 2.0 + 0.1 = 2.1 m along x, from x 2.5 to 2.5 + 7 × 2.1 = 17.2 m.
    const first = doc.placements.find((p) => p.id === 'sm-m01-01')!;
    const model = models.get(first.modelId)!;
    expect(rowEnd(doc, first, model, 0.1)).toMatchObject({ id: 'sm-m01-08', xM: 17.2 });
    // With another gap typed, the next place holds no unit: the row is the unit alone.
    expect(rowEnd(doc, first, model, 0.3)).toBe(first);
    // The GB200 pair touches (0 m apart): from the first rack, the second.
    const gpu = doc.placements.find((p) => p.id === 'sm-gpu01-01')!;
    expect(rowEnd(doc, gpu, models.get(gpu.modelId)!, 0).id).toBe('sm-gpu01-02');
  });
  it('new units are labelled by their kind, the first number free: R1, R2 for GPU racks, CDU 2 beside CDU 1', () => {
    const source = { ...doc.placements.find((p) => p.id === 'sm-gpu01-01')!, label: '' };
    const row = rowOf(doc, source, models.get(source.modelId)!, 2, 0.1);
    expect(row.entities.items.map((p) => (p as Placement).label)).toEqual(['R1', 'R2']);
    const dropped = dropPlacement(doc, 'sm-h1', 'nvl72-gb200', 5, 10)!;
    expect((dropped.entities.items[0] as Placement).label).toBe('R1');
    const next = applyCommand(doc, dropped).doc;
    expect((dropPlacement(next, 'sm-h1', 'nvl72-gb200', 6, 10)!.entities.items[0] as Placement).label).toBe('R2');
    const withCdu1 = { ...doc, placements: doc.placements.map((p) => (p.id === 'sm-cdu01-01' ? { ...p, label: 'CDU 1' } : p)) };
    expect((dropPlacement(withCdu1, 'sm-h1', 'cdu-1200', 6, 12)!.entities.items[0] as Placement).label).toBe('CDU 2');
  });
  it('aligns tops on the first selected: a 0.7 m deep rack and a 1.2 m deep CDU', () => {
    const rack = doc.placements.find((p) => p.id === 'sm-m01-01')!; // y 2.55, depth 0.7 → top 2.2
    const cdu = doc.placements.find((p) => p.id === 'sm-cdu01-01')!; // depth 1.2 → centre 2.2 + 0.6 = 2.8
    const cmd = align([rack, cdu], models, 'top')!;
    expect(cmd.moves[1]!.yM).toBeCloseTo(2.8, 9);
  });
  it('pastes one footprint east where that is clear: two racks side by side span two widths, so their copies stand just beside them', () => {
    const doc = sampleSmall();
    const model = doc.models.find((m) => m.id === 'nvl72-gb200')!;
    const a = { ...doc.placements[0]!, id: 'a', modelId: model.id, xM: 1.3, yM: 5, rotationDeg: 0 as const };
    const b = { ...a, id: 'b', xM: 1.3 + model.widthM };
    const anywhere = () => true;
    // Two racks side by side span twice the model's width.
    expect(besideOffset([a, b], doc, anywhere)).toEqual({ dxM: Math.round(2 * model.widthM * 1000) / 1000, dyM: 0 });
    // Turned a quarter, a rack's footprint along x is its depth.
    expect(besideOffset([{ ...a, rotationDeg: 90 }], doc, anywhere).dxM).toBeCloseTo(model.depthM, 9);
    expect(besideOffset([], doc, anywhere)).toEqual({ dxM: 0, dyM: 0 });
  });
  it('never pastes onto standing equipment or into its service space: the nearest clear place, as the checks judge it', () => {
    const doc = sampleSmall();
    const pick = (id: string) => doc.placements.find((p) => p.id === id)!;
    // What an insert adds to the full check: the store's preview answers the same, incrementally.
    const before = new Set(checkFleet(doc).violations.map((v) => v.id));
    const preview = (command: Command) => checkFleet(applyCommand(doc, command).doc).violations.filter((v) => !before.has(v.id));
    const clear = (source: Placement[]) => (o: { dxM: number; dyM: number }) => standsClear(preview, { type: 'insert', entities: { table: 'placements', items: copies(source, doc, 'sm-h1', o.dxM, o.dyM) } });
    const paste = (...ids: string[]) => besideOffset(ids.map(pick), doc, clear(ids.map(pick)));
    // GB200 racks 0.6 × 1.068 m facing along y: R1.1 at x 22–22.6, R1.2 beside it at 22.6–23.2.
    // East of R1.1 stands R1.2; one depth south is its service space; west of it,
    // x 21.4–22, is clear: the copy joins the row there.
    expect(paste('sm-gpu01-01')).toEqual({ dxM: -0.6, dyM: 0 });
    // East of R1.2 (x 23.2–23.8) only the overhead busway stands: a rack goes under it.
    expect(paste('sm-gpu01-02')).toEqual({ dxM: 0.6, dyM: 0 });
    // The row of miners, x 1.5–18.2, y 2.2–2.9, faces north: east runs past the 30 m wall; its
    // 1.5 m rear service space runs south to y 4.4, so one to three depths (0.7 m) south stand
    // in it (the third from y 4.3); four, y 5.0–5.7, are clear of it, but the copy faces north with
    // its fronts 5.0 − 2.9 = 2.1 m from the row's backs, in their exhaust (up to 3.6 m); six
    // depths leave 6.4 − 2.9 = 3.5 m; seven, y 7.1–7.8, leave 4.2 m.
    expect(paste(...doc.placements.filter((p) => p.id.startsWith('sm-m01-')).map((p) => p.id))).toEqual({ dxM: 0, dyM: 4.9 });
  });
});
