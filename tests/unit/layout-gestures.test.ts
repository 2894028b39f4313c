import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/commands/schema';
import { sampleSmall } from '../../shared/samples';
import { buildScene } from '../../renderer/src/layout/scene';
import { IDLE, type GestureContext } from '../../renderer/src/layout/gestures/gesture';
import { press } from '../../renderer/src/layout/gestures/idle';
import type { Translating } from '../../renderer/src/layout/gestures/translating';
import type { Viewport } from '../../renderer/src/layout/viewport';

// The gestures driven without a canvas: 10 px per metre, origin at the top left, so a
// point (x, y) px is (x/10, y/10) m on the floor.
function editor(selection: string[] = [], snapStepM = 0) {
  const doc = sampleSmall();
  const hallId = doc.halls[0]!.id;
  const scene = buildScene(doc, hallId)!;
  const log = { applied: [] as { command: Command; label: string }[], said: [] as string[], zoneDrawn: 0 };
  const ctx: GestureContext = {
    doc,
    scene,
    viewport: { scale: 10, offsetX: 0, offsetY: 0 },
    selection: new Set(selection),
    snapStepM,
    setViewport: (v: Viewport) => (ctx.viewport = v),
    setSelection: (ids) => (ctx.selection = new Set(ids)),
    apply: (command, label) => log.applied.push({ command, label }),
    breaksLimit: () => false,
    say: (_kind, text) => log.said.push(text),
    zoneDrawn: () => log.zoneDrawn++,
  };
  return { ctx, log, scene };
}

/** A floor point with nothing on it, and the pixel at an item's centre. */
function centreOf(scene: ReturnType<typeof buildScene>, id: string) {
  const r = scene!.byId.get(id)!.rect;
  return { x: ((r.minX + r.maxX) / 2) * 10, y: ((r.minY + r.maxY) / 2) * 10 };
}

describe('hall editor gestures', () => {
  it('a press on an object selects it; a drag of 2 m is one move command of exactly 2 m', () => {
    const { ctx, log, scene } = editor();
    const item = scene.items.find((i) => i.model.mounting !== 'overhead')!;
    const at = centreOf(scene, item.placement.id);
    let g = press(ctx, { at, button: 0, additive: false, spaceDown: false, drawZone: false });
    expect(g.name).toBe('pointing');
    expect([...ctx.selection]).toEqual([item.placement.id]);
    g = g.move(ctx, { x: at.x + 20, y: at.y });
    expect(g.name).toBe('translating');
    expect((g as Translating).dxM).toBeCloseTo(2, 9);
    expect(g.up(ctx, { x: at.x + 20, y: at.y })).toBe(IDLE);
    expect(log.applied).toHaveLength(1);
    expect(log.applied[0]!.label).toBe('move');
    expect(log.applied[0]!.command).toEqual({ type: 'move', moves: [{ id: item.placement.id, xM: Math.round((item.placement.xM + 2) * 1000) / 1000, yM: item.placement.yM }] });
  });

  it('snaps the held object: with a 0.5 m grid a 1.26 m drag moves it to the next 0.5 m', () => {
    const { ctx, scene } = editor([], 0.5);
    const item = scene.items.find((i) => i.model.mounting !== 'overhead')!;
    const at = centreOf(scene, item.placement.id);
    const g = press(ctx, { at, button: 0, additive: false, spaceDown: false, drawZone: false }).move(ctx, { x: at.x + 12.6, y: at.y }) as Translating;
    const snapped = Math.round((item.placement.xM + 1.26) / 0.5) * 0.5;
    expect(g.dxM).toBeCloseTo(snapped - item.placement.xM, 9);
  });

  it('Escape during a drag drops nothing and puts the selection back as it was', () => {
    const { ctx, log, scene } = editor(['nothing-else']);
    const item = scene.items.find((i) => i.model.mounting !== 'overhead')!;
    const at = centreOf(scene, item.placement.id);
    const g = press(ctx, { at, button: 0, additive: false, spaceDown: false, drawZone: false }).move(ctx, { x: at.x + 30, y: at.y + 30 });
    expect(g.cancel(ctx)).toBe(IDLE);
    expect(log.applied).toEqual([]);
    expect([...ctx.selection]).toEqual(['nothing-else']);
  });

  it('a click without a move changes nothing but the selection', () => {
    const { ctx, log, scene } = editor();
    const id = scene.items[0]!.placement.id;
    const at = centreOf(scene, id);
    press(ctx, { at, button: 0, additive: false, spaceDown: false, drawZone: false }).up(ctx, at);
    expect(log.applied).toEqual([]);
  });

  it('Shift or Ctrl toggles an object in the selection without starting a drag', () => {
    const { ctx, scene } = editor(['a']);
    const id = scene.items[0]!.placement.id;
    const at = centreOf(scene, id);
    expect(press(ctx, { at, button: 0, additive: true, spaceDown: false, drawZone: false })).toBe(IDLE);
    expect([...ctx.selection].sort()).toEqual(['a', id].sort());
    press(ctx, { at, button: 0, additive: true, spaceDown: false, drawZone: false });
    expect([...ctx.selection]).toEqual(['a']);
  });

  it('a box over the whole hall selects every object wholly inside it; a tiny one clears the selection', () => {
    const { ctx, scene } = editor(['x']);
    const far = { x: -5, y: -5 };
    let g = press(ctx, { at: far, button: 0, additive: false, spaceDown: false, drawZone: false });
    expect(g.name).toBe('brushing');
    g = g.move(ctx, { x: scene.hall.widthM * 10 + 5, y: scene.hall.depthM * 10 + 5 });
    g.up(ctx, far);
    expect([...ctx.selection].sort()).toEqual(scene.items.map((i) => i.placement.id).sort());
    press(ctx, { at: far, button: 0, additive: false, spaceDown: false, drawZone: false }).up(ctx, far);
    expect(ctx.selection.size).toBe(0);
  });

  it('a box drawn in zone mode inserts one snapped zone (10.1 × 7.9 m on a 1 m grid is 10 × 8 m); over another zone it says why; Escape draws none', () => {
    const { ctx, log } = editor([], 1);
    const draw = () => press(ctx, { at: { x: 0, y: 0 }, button: 0, additive: false, spaceDown: false, drawZone: true }).move(ctx, { x: 101, y: 79 });
    expect(draw().name).toBe('drawingZone');
    draw().cancel(ctx);
    expect(log.applied).toEqual([]);
    // The sample hall's own zone covers this floor.
    draw().up(ctx, { x: 101, y: 79 });
    expect(log.said).toEqual([expect.stringMatching(/^The zone would overlap Mining.*Draw it again/)]);
    expect(log.applied).toEqual([]);
    ctx.doc = { ...ctx.doc, zones: [] };
    draw().up(ctx, { x: 101, y: 79 });
    expect(log.applied).toHaveLength(1);
    expect(log.applied[0]!.command).toMatchObject({ type: 'insert', entities: { table: 'zones', items: [{ xM: 0, yM: 0, widthM: 10, depthM: 8 }] } });
    expect(log.zoneDrawn).toBe(1);
  });

  it('Space or the middle button pans; Escape puts the view back', () => {
    const { ctx } = editor();
    const g = press(ctx, { at: { x: 100, y: 100 }, button: 1, additive: false, spaceDown: false, drawZone: false });
    expect(g.name).toBe('panning');
    g.move(ctx, { x: 130, y: 90 });
    expect(ctx.viewport).toEqual({ scale: 10, offsetX: 30, offsetY: -10 });
    g.cancel(ctx);
    expect(ctx.viewport).toEqual({ scale: 10, offsetX: 0, offsetY: 0 });
  });
});
