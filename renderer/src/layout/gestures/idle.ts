import { hitsAt } from '../scene';
import { toWorld } from '../viewport';
import { brushing, drawingZone } from './brushing';
import { IDLE, type Gesture, type GestureContext, type Point } from './gesture';
import { panning } from './panning';
import { pointing } from './pointing';

export interface Press {
  at: Point;
  button: number;
  /** Shift, Ctrl or ⌘: add to the selection or take away from it, as in every other editor. */
  additive: boolean;
  spaceDown: boolean;
  drawZone: boolean;
}

/** Which gesture a press starts. */
export function press(ctx: GestureContext, p: Press): Gesture {
  if (p.button === 1 || p.spaceDown) return panning(p.at, ctx.viewport);
  if (p.button !== 0) return IDLE;
  const rect = { x0: p.at.x, y0: p.at.y, x1: p.at.x, y1: p.at.y };
  if (p.drawZone) return drawingZone(rect);
  const w = toWorld(ctx.viewport, p.at.x, p.at.y);
  const hits = hitsAt(ctx.scene, w.xM, w.yM);
  if (!hits.length) return brushing(rect, p.additive);
  // Pressing on what is selected keeps it, so a drag moves the whole selection.
  const held = hits.findIndex((h) => ctx.selection.has(h.placement.id));
  const id = hits[Math.max(held, 0)]!.placement.id;
  if (p.additive) {
    const next = new Set(ctx.selection);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    ctx.setSelection(next);
    return IDLE;
  }
  const before = ctx.selection;
  if (held < 0) ctx.setSelection([id]);
  const cycleTo = held >= 0 && ctx.selection.size === 1 && hits.length > 1 ? hits[(held + 1) % hits.length]!.placement.id : null;
  return pointing({ anchorId: id, startXM: w.xM, startYM: w.yM, before }, cycleTo);
}
