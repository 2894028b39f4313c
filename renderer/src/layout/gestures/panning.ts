import { pan, type Viewport } from '../viewport';
import { IDLE, type Gesture, type Point } from './gesture';

/** Middle button or Space held: the view follows the pointer; Escape puts the view back. */
export function panning(from: Point, startViewport: Viewport): Gesture {
  let last = from;
  const state: Gesture = {
    name: 'panning',
    move(ctx, at) {
      ctx.setViewport(pan(ctx.viewport, at.x - last.x, at.y - last.y));
      last = at;
      return state;
    },
    up: () => IDLE,
    cancel(ctx) {
      ctx.setViewport(startViewport);
      return IDLE;
    },
  };
  return state;
}
