import { snap } from '../../../../shared/geometry/footprint';
import { toWorld } from '../viewport';
import { IDLE, movesBy, type Gesture, type GestureContext, type Point } from './gesture';

export interface Grab {
  /** The object held: its centre snaps, the rest of the selection moves by as much. */
  anchorId: string;
  startXM: number;
  startYM: number;
  /** The selection before the press, put back on cancel. */
  before: ReadonlySet<string>;
}

/** The snapped offset of the held object from where it stood. */
export function offsetAt(ctx: GestureContext, grab: Grab, at: Point): { dxM: number; dyM: number } {
  const w = toWorld(ctx.viewport, at.x, at.y);
  const anchor = ctx.scene.byId.get(grab.anchorId)!.placement;
  return {
    dxM: snap(anchor.xM + (w.xM - grab.startXM), ctx.snapStepM) - anchor.xM,
    dyM: snap(anchor.yM + (w.yM - grab.startYM), ctx.snapStepM) - anchor.yM,
  };
}

export interface Translating extends Gesture {
  readonly dxM: number;
  readonly dyM: number;
  /** Whether dropping here would break a limit (asked once per position). */
  readonly breaks: boolean;
}

/** The selection dragged: drawn on the overlay only; the drop is one move command, Escape drops nothing. */
export function translating(ctx: GestureContext, grab: Grab, at: Point): Translating {
  const { dxM, dyM } = offsetAt(ctx, grab, at);
  const breaks = ctx.breaksLimit({ type: 'move', moves: movesBy(ctx.scene, ctx.selection, dxM, dyM) });
  return {
    name: 'translating',
    dxM,
    dyM,
    breaks,
    move(next, to) {
      const offset = offsetAt(next, grab, to);
      return offset.dxM === dxM && offset.dyM === dyM ? this : translating(next, grab, to);
    },
    up(next) {
      const moves = movesBy(next.scene, next.selection, dxM, dyM);
      if (moves.length && (dxM !== 0 || dyM !== 0)) next.apply({ type: 'move', moves }, moves.length === 1 ? 'move' : `move ${moves.length} objects`);
      return IDLE;
    },
    cancel(next) {
      next.setSelection(grab.before);
      return IDLE;
    },
  };
}
