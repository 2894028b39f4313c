import { snap } from '../../../../shared/geometry/footprint';
import { toWorld } from '../viewport';
import { newZone } from '../zones';
import { IDLE, type DraggedRect, type Gesture, type GestureContext, type Point } from './gesture';

/** Smaller than this, in pixels, a box is a click on empty floor: it clears the selection. */
const CLICK_PX = 3;

export interface Boxing extends Gesture {
  readonly rect: DraggedRect;
}

function corners(ctx: GestureContext, r: DraggedRect) {
  return { a: toWorld(ctx.viewport, Math.min(r.x0, r.x1), Math.min(r.y0, r.y1)), b: toWorld(ctx.viewport, Math.max(r.x0, r.x1), Math.max(r.y0, r.y1)) };
}

/**
 * Dragged leftwards, a box selects what it touches (a crossing box, as CAD tools do): a unit
 * half in it is easy to miss with a box that takes only what lies wholly inside.
 */
export const crossing = (rect: DraggedRect): boolean => rect.x1 < rect.x0;

/**
 * A box dragged on empty floor selects what lies wholly inside it, or, dragged leftwards,
 * what it touches (added to the selection with Shift or Ctrl).
 */
export function brushing(rect: DraggedRect, additive: boolean): Boxing {
  return {
    name: 'brushing',
    rect,
    move: (_ctx, at: Point) => brushing({ ...rect, x1: at.x, y1: at.y }, additive),
    up(ctx) {
      const { a, b } = corners(ctx, rect);
      const click = Math.abs(rect.x1 - rect.x0) < CLICK_PX && Math.abs(rect.y1 - rect.y0) < CLICK_PX;
      const inside = click
        ? []
        : ctx.scene.index
            .search({ minX: a.xM, minY: a.yM, maxX: b.xM, maxY: b.yM })
            .filter((i) => crossing(rect) || (i.rect.minX >= a.xM && i.rect.maxX <= b.xM && i.rect.minY >= a.yM && i.rect.maxY <= b.yM))
            .map((i) => i.placement.id);
      ctx.setSelection(additive ? new Set([...ctx.selection, ...inside]) : inside);
      return IDLE;
    },
    cancel: () => IDLE,
  };
}

/** A cooling zone drawn on free floor, snapped; a zone that cannot stand there says why and drawing goes on. */
export function drawingZone(rect: DraggedRect): Boxing {
  return {
    name: 'drawingZone',
    rect,
    move: (_ctx, at: Point) => drawingZone({ ...rect, x1: at.x, y1: at.y }),
    up(ctx) {
      const { a, b } = corners(ctx, rect);
      const s = ctx.snapStepM;
      const drawn = newZone(ctx.doc, ctx.scene.hall.id, snap(a.xM, s), snap(a.yM, s), snap(b.xM, s), snap(b.yM, s));
      if ('zone' in drawn) {
        ctx.apply({ type: 'insert', entities: { table: 'zones', items: [drawn.zone] } }, 'draw zone');
        ctx.zoneDrawn();
      } else {
        ctx.say('error', `${drawn.error}. Draw it again, or click Draw zone to stop.`);
      }
      return IDLE;
    },
    cancel: () => IDLE,
  };
}
