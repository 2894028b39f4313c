/**
 * The hall editor's pointer gestures as small states. A press starts one (idle.ts);
 * each takes pointer moves, a release that finishes it, and a cancel (Escape) that
 * puts back what was there; each returns the state that follows. They see the editor
 * only through this context, so tests drive them without a canvas.
 */
import type { Command } from '../../../../shared/commands/schema';
import type { FleetDoc } from '../../../../shared/model/schema';
import type { Scene } from '../scene';
import type { Viewport } from '../viewport';

/** A point on the overlay, in CSS pixels. */
export interface Point {
  x: number;
  y: number;
}

export interface GestureContext {
  doc: FleetDoc;
  scene: Scene;
  viewport: Viewport;
  selection: ReadonlySet<string>;
  /** The snapping step, 0 with snapping off. */
  snapStepM: number;
  setViewport(viewport: Viewport): void;
  setSelection(ids: Iterable<string>): void;
  apply(command: Command, label: string): void;
  /** Whether a command would break a limit, for the drag preview. */
  breaksLimit(command: Command): boolean;
  say(kind: 'error' | 'info', text: string): void;
  /** The zone is drawn: leave drawing mode. */
  zoneDrawn(): void;
}

export interface Gesture {
  readonly name: 'idle' | 'pointing' | 'translating' | 'brushing' | 'drawingZone' | 'panning';
  move(ctx: GestureContext, at: Point): Gesture;
  up(ctx: GestureContext, at: Point): Gesture;
  cancel(ctx: GestureContext): Gesture;
}

/** Where nothing is under way: moves and releases do nothing. */
export const IDLE: Gesture = {
  name: 'idle',
  move: () => IDLE,
  up: () => IDLE,
  cancel: () => IDLE,
};

/** A rectangle dragged on the overlay, for the box selection and a zone being drawn. */
export interface DraggedRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Millimetre precision: keeps stored coordinates free of floating-point dust. */
export function roundM(m: number): number {
  return Math.round(m * 1000) / 1000;
}

/** The selection moved by (dx, dy) metres, as one command's moves. */
export function movesBy(scene: Scene, selection: ReadonlySet<string>, dxM: number, dyM: number) {
  return [...selection]
    .map((id) => scene.byId.get(id)?.placement)
    .filter((p): p is NonNullable<typeof p> => p !== undefined)
    .map((p) => ({ id: p.id, xM: roundM(p.xM + dxM), yM: roundM(p.yM + dyM) }));
}
