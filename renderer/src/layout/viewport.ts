/**
 * World (hall metres) ↔ screen (CSS pixels) transform. Kept pure so zoom, pan and
 * fit can be unit-tested and so drawing and hit-testing agree by construction.
 */
import { displayUnit, type UnitSystem } from '../../../shared/units';

export interface Viewport {
  /** CSS pixels per metre. */
  scale: number;
  /** Screen position of the world origin. */
  offsetX: number;
  offsetY: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 2000;

export function toScreen(v: Viewport, xM: number, yM: number): { x: number; y: number } {
  return { x: v.offsetX + xM * v.scale, y: v.offsetY + yM * v.scale };
}

export function toWorld(v: Viewport, x: number, y: number): { xM: number; yM: number } {
  return { xM: (x - v.offsetX) / v.scale, yM: (y - v.offsetY) / v.scale };
}

/** The viewport showing a widthM × depthM area (from the origin) whole and centred, with a margin in pixels. */
export function fitViewport(area: { widthM: number; depthM: number }, screen: Size, marginPx = 32): Viewport {
  return fitRect({ minX: 0, minY: 0, maxX: area.widthM, maxY: area.depthM }, screen, marginPx);
}

/** Height of the band the floating tools (grid, Draw zone, Fit, zoom) take at the top of the hall plan. */
export const TOOLS_BAND_PX = 44;

/** The hall plan's fit: the whole hall, centred below the floating tools, which would hide a tall hall's top edge. */
export function fitHallPlan(area: { widthM: number; depthM: number }, screen: Size): Viewport {
  const v = fitViewport(area, { width: screen.width, height: Math.max(1, screen.height - TOOLS_BAND_PX) });
  return { ...v, offsetY: v.offsetY + TOOLS_BAND_PX };
}

/** The viewport showing a world rectangle whole and centred. */
export function fitRect(r: { minX: number; minY: number; maxX: number; maxY: number }, screen: Size, marginPx = 32): Viewport {
  const usableW = Math.max(1, screen.width - 2 * marginPx);
  const usableH = Math.max(1, screen.height - 2 * marginPx);
  const w = Math.max(r.maxX - r.minX, 1e-3);
  const h = Math.max(r.maxY - r.minY, 1e-3);
  const scale = clampScale(Math.min(usableW / w, usableH / h));
  return {
    scale,
    offsetX: (screen.width - w * scale) / 2 - r.minX * scale,
    offsetY: (screen.height - h * scale) / 2 - r.minY * scale,
  };
}

/**
 * Zooms by `factor` keeping the world point under (x, y) where it is on screen, no
 * further out than `minScale` (a hall should not shrink to a dot and be lost).
 */
export function zoomAt(v: Viewport, x: number, y: number, factor: number, minScale = MIN_SCALE): Viewport {
  const scale = Math.max(clampScale(v.scale * factor), Math.min(minScale, v.scale));
  const world = toWorld(v, x, y);
  return { scale, offsetX: x - world.xM * scale, offsetY: y - world.yM * scale };
}

export function pan(v: Viewport, dx: number, dy: number): Viewport {
  return { ...v, offsetX: v.offsetX + dx, offsetY: v.offsetY + dy };
}

/** The world rectangle visible on screen, for culling. */
export function visibleWorld(v: Viewport, screen: Size): { minX: number; minY: number; maxX: number; maxY: number } {
  const a = toWorld(v, 0, 0);
  const b = toWorld(v, screen.width, screen.height);
  return { minX: a.xM, minY: a.yM, maxX: b.xM, maxY: b.yM };
}

function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** A "nice" grid or scale-bar step (1, 2 or 5 × 10^n metres) at least `minPx` wide on screen. */
export function niceStep(scale: number, minPx: number): number {
  const raw = minPx / scale;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/**
 * niceStep in the user's length unit, returned in metres: rulers and scale bars step 1-2-5
 * feet for US users (20 ft, not 6.096 m shown as "20.0 ft" next to "32.8 ft").
 */
export function niceLengthStepM(scale: number, minPx: number, units: UnitSystem): number {
  const metresPerUnit = displayUnit(units, 'length').toStored(1);
  return niceStep(scale * metresPerUnit, minPx) * metresPerUnit;
}


/** One wheel notch zooms by this much, in or out. */
export const WHEEL_NOTCH_ZOOM = 1.2;
/** What browsers report for one notch: 100 px (deltaMode 0), or 3 lines (deltaMode 1). */
const NOTCH = [100, 3, 1] as const;

/**
 * The zoom factor of a wheel event: 1.2× per notch, in proportion for the finer steps of
 * touchpads, and never more than two notches for one event (a flung wheel).
 */
export function wheelZoomFactor(deltaY: number, deltaMode = 0): number {
  const notches = Math.max(-2, Math.min(2, deltaY / (NOTCH[deltaMode] ?? NOTCH[0])));
  return WHEEL_NOTCH_ZOOM ** -notches;
}
