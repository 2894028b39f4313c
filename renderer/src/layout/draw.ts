/**
 * Canvas drawing of a hall: grid, hall outline, zones, equipment, selection and
 * offenders. Only what is on screen is drawn (culling through the spatial index), and
 * detail drops with zoom: labels and front marks only when they would be legible, and
 * labels never over one another (canvas-labels.ts).
 */
import { frontDirection } from '../../../shared/geometry/footprint';
import { canvasLabels, drawLabels, zoneNameBox } from './canvas-labels';
import { KIND_COLORS } from './palette-colors';
import type { Scene, SceneItem } from './scene';
import { niceStep, toScreen, visibleWorld, type Size, type Viewport } from './viewport';

export interface DrawStyle {
  background: string;
  floor: string;
  grid: string;
  outline: string;
  text: string;
  selection: string;
  offender: string;
  /** A unit breaking only a warning's rule (a row facing another's exhaust): the Problems panel's --warning. */
  warning: string;
  zone: string;
  zoneHighlight: string;
}

export const LIGHT: DrawStyle = {
  background: '#e9ecef',
  floor: '#ffffff',
  grid: 'rgba(0,0,0,0.07)',
  outline: '#343a40',
  text: '#212529',
  selection: '#0d6efd',
  offender: '#dc3545',
  warning: '#b7791f',
  zone: 'rgba(13,110,253,0.06)',
  zoneHighlight: 'rgba(13,110,253,0.18)',
};

export const DARK: DrawStyle = {
  background: '#15181c',
  floor: '#22262b',
  grid: 'rgba(255,255,255,0.07)',
  outline: '#ced4da',
  text: '#e9ecef',
  selection: '#4dabf7',
  offender: '#ff6b6b',
  warning: '#f0b429',
  zone: 'rgba(77,171,247,0.08)',
  zoneHighlight: 'rgba(77,171,247,0.22)',
};

export interface DrawOptions {
  selection: ReadonlySet<string>;
  /** What each offending object breaks at worst. */
  offenders: ReadonlyMap<string, 'error' | 'warning'>;
  gridStepM: number;
  /** Zones a clicked problem names: drawn with a solid, heavier outline. */
  highlightedZones: ReadonlySet<string>;
}

const offenderColor = (style: DrawStyle, severity: 'error' | 'warning'): string => (severity === 'error' ? style.offender : style.warning);

/** Draws the hall and returns how many equipment items were drawn. */
export function drawHall(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  v: Viewport,
  size: Size,
  style: DrawStyle,
  opts: DrawOptions,
): number {
  const { hall } = scene;
  ctx.fillStyle = style.background;
  ctx.fillRect(0, 0, size.width, size.height);

  const a = toScreen(v, 0, 0);
  const w = hall.widthM * v.scale;
  const h = hall.depthM * v.scale;
  ctx.fillStyle = style.floor;
  ctx.fillRect(a.x, a.y, w, h);
  drawGrid(ctx, scene, v, style, opts.gridStepM);

  for (const zone of scene.zones) {
    const z = toScreen(v, zone.xM, zone.yM);
    const highlighted = opts.highlightedZones.has(zone.id);
    ctx.fillStyle = highlighted ? style.zoneHighlight : style.zone;
    ctx.fillRect(z.x, z.y, zone.widthM * v.scale, zone.depthM * v.scale);
    // A zone over a limit is outlined like an offending unit; dashed unless a clicked problem names it.
    ctx.setLineDash(highlighted ? [] : [6, 4]);
    ctx.strokeStyle = opts.offenders.has(zone.id) ? offenderColor(style, opts.offenders.get(zone.id)!) : style.selection;
    ctx.lineWidth = highlighted ? 3 : opts.offenders.has(zone.id) ? 2 : 1;
    ctx.strokeRect(z.x, z.y, zone.widthM * v.scale, zone.depthM * v.scale);
    ctx.setLineDash([]);
    const nameBox = zoneNameBox(zone, v);
    if (nameBox) {
      ctx.fillStyle = style.selection;
      ctx.font = '11px system-ui, sans-serif';
      ctx.fillText(zone.name, nameBox.x, nameBox.y + 11);
    }
  }

  ctx.strokeStyle = style.outline;
  ctx.lineWidth = 2;
  ctx.strokeRect(a.x, a.y, w, h);

  const visible = scene.index.search(visibleWorld(v, size));
  // Floor first, then overhead gear (busways) on top, as seen from above.
  visible.sort((p, q) => Number(p.model.mounting === 'overhead') - Number(q.model.mounting === 'overhead'));
  for (const item of visible) drawItem(ctx, item, v, style, opts, 0, 0);
  const shown = { x: Math.max(0, a.x), y: Math.max(0, a.y), w: Math.min(size.width, a.x + w) - Math.max(0, a.x), h: Math.min(size.height, a.y + h) - Math.max(0, a.y) };
  const labels = canvasLabels(visible, v, shown, opts.selection, scene.zones);
  drawLabels(ctx, labels, style.text, style.floor);
  ctx.canvas.dataset.labelCount = String(labels.length);
  return visible.length;
}

export function drawItem(
  ctx: CanvasRenderingContext2D,
  item: SceneItem,
  v: Viewport,
  style: DrawStyle,
  opts: Pick<DrawOptions, 'selection' | 'offenders'>,
  dxM: number,
  dyM: number,
  fillOverride?: string,
): void {
  const { rect, model, placement } = item;
  const p = toScreen(v, rect.minX + dxM, rect.minY + dyM);
  const w = (rect.maxX - rect.minX) * v.scale;
  const h = (rect.maxY - rect.minY) * v.scale;
  ctx.globalAlpha = model.mounting === 'overhead' ? 0.55 : 1;
  ctx.fillStyle = fillOverride ?? KIND_COLORS[model.kind];
  ctx.fillRect(p.x, p.y, Math.max(w, 1), Math.max(h, 1));
  ctx.globalAlpha = 1;
  const selected = opts.selection.has(placement.id);
  const offending = opts.offenders.get(placement.id);
  if (w > 3 && h > 3) {
    ctx.lineWidth = offending ? 2 : 0.75;
    ctx.strokeStyle = offending ? offenderColor(style, offending) : 'rgba(0,0,0,0.45)';
    ctx.strokeRect(p.x, p.y, w, h);
    if (selected) {
      // A ring just outside the unit, so the selection reads even on an offender or a dark fill.
      ctx.lineWidth = 2;
      ctx.strokeStyle = style.selection;
      ctx.strokeRect(p.x - 2.5, p.y - 2.5, w + 5, h + 5);
    }
  } else if (selected || offending) {
    ctx.fillStyle = offending ? offenderColor(style, offending) : style.selection;
    ctx.fillRect(p.x - 1, p.y - 1, Math.max(w, 1) + 2, Math.max(h, 1) + 2);
  }
  if (w > 10 && h > 10) {
    // A bar along the front edge shows which way the equipment faces (cold aisle side).
    const f = frontDirection(placement.rotationDeg);
    ctx.fillStyle = 'rgba(255,255,255,0.85)';
    const t = Math.max(2, Math.min(w, h) * 0.12);
    if (f.dy === -1) ctx.fillRect(p.x, p.y, w, t);
    else if (f.dy === 1) ctx.fillRect(p.x, p.y + h - t, w, t);
    else if (f.dx === 1) ctx.fillRect(p.x + w - t, p.y, t, h);
    else ctx.fillRect(p.x, p.y, t, h);
  }
}

function drawGrid(ctx: CanvasRenderingContext2D, scene: Scene, v: Viewport, style: DrawStyle, gridStepM: number): void {
  // Never draw a grid finer than 8 px: it would be noise, and costly at low zoom.
  const step = gridStepM * v.scale >= 8 ? gridStepM : niceStep(v.scale, 8);
  const { widthM, depthM } = scene.hall;
  ctx.strokeStyle = style.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let x = 0; x <= widthM + 1e-9; x += step) {
    const s = toScreen(v, x, 0);
    ctx.moveTo(Math.round(s.x) + 0.5, s.y);
    ctx.lineTo(Math.round(s.x) + 0.5, s.y + depthM * v.scale);
  }
  for (let y = 0; y <= depthM + 1e-9; y += step) {
    const s = toScreen(v, 0, y);
    ctx.moveTo(s.x, Math.round(s.y) + 0.5);
    ctx.lineTo(s.x + widthM * v.scale, Math.round(s.y) + 0.5);
  }
  ctx.stroke();
}
