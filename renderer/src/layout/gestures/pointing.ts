import { IDLE, type Gesture } from './gesture';
import { offsetAt, translating, type Grab } from './translating';

/**
 * Pressed on an object, not yet moved a grid step. A release is a click: on the one
 * object selected it picks what lies under it (`cycleTo`). A move becomes a drag.
 */
export function pointing(grab: Grab, cycleTo: string | null): Gesture {
  const state: Gesture = {
    name: 'pointing',
    move(ctx, at) {
      const { dxM, dyM } = offsetAt(ctx, grab, at);
      return dxM === 0 && dyM === 0 ? state : translating(ctx, grab, at);
    },
    up(ctx) {
      if (cycleTo) ctx.setSelection([cycleTo]);
      return IDLE;
    },
    cancel(ctx) {
      ctx.setSelection(grab.before);
      return IDLE;
    },
  };
  return state;
}
