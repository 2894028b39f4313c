/**
 * Equipment labels on the hall canvas, placed by the print's label placer
 * (shared/print/labels.ts) so the screen and the paper agree: each label inside its
 * unit where it fits, a row of alike units named once ("BM1.1–20") beside the row, and
 * a label that would cover another label or another unit dropped rather than drawn on
 * top. The placer works in millimetres of paper; on screen one such millimetre is
 * PX_PER_MM pixels, which makes its smallest label 10 px.
 */
import { isItEquipment } from '../../../shared/model/load';
import { LABEL_MIN_MM, placeLabels, type LabelTarget, type RectMm, type TextMm } from '../../../shared/print/labels';
import type { Zone } from '../../../shared/model/schema';
import type { SceneItem } from './scene';
import { toScreen, type Viewport } from './viewport';

export const PX_PER_MM = 10 / LABEL_MIN_MM;
/** Above this many units on screen no label is legible anyway, and placing them would cost frames. */
export const MAX_LABELLED_ITEMS = 1200;

/** Selected units first, then the gear a builder looks for (CDUs, PDUs, busways), then IT; larger before smaller. */
function priority(item: SceneItem, selection: ReadonlySet<string>): number {
  return (selection.has(item.placement.id) ? 0 : 2) + (isItEquipment(item.model.kind) ? 1 : 0);
}

function screenRect(item: SceneItem, v: Viewport): RectMm {
  const a = toScreen(v, item.rect.minX, item.rect.minY);
  return { x: a.x / PX_PER_MM, y: a.y / PX_PER_MM, w: ((item.rect.maxX - item.rect.minX) * v.scale) / PX_PER_MM, h: ((item.rect.maxY - item.rect.minY) * v.scale) / PX_PER_MM };
}

/** Below this zoom (px per m) zone names are not drawn. */
const ZONE_NAME_MIN_SCALE = 4;
/** Zone names are 11 px type; this is wider than the average character, so the box covers the name. */
const ZONE_NAME_PX_PER_CHAR = 6.5;

/** Where a zone's name is drawn, in screen px (inside its north-west corner), or null at a zoom where it is not. */
export function zoneNameBox(zone: Pick<Zone, 'xM' | 'yM' | 'name'>, v: Viewport): { x: number; y: number; w: number; h: number } | null {
  if (v.scale <= ZONE_NAME_MIN_SCALE) return null;
  const corner = toScreen(v, zone.xM, zone.yM);
  return { x: corner.x + 4, y: corner.y + 2, w: zone.name.length * ZONE_NAME_PX_PER_CHAR, h: 14 };
}

/**
 * The labels to draw, in screen pixels, for the items on screen inside `area` (the visible
 * part of the hall, in px), clear of the zones' names.
 */
export function canvasLabels(items: readonly SceneItem[], v: Viewport, area: { x: number; y: number; w: number; h: number }, selection: ReadonlySet<string>, zones: readonly Zone[] = []): TextMm[] {
  if (items.length > MAX_LABELLED_ITEMS) return [];
  const area2 = (i: SceneItem) => (i.rect.maxX - i.rect.minX) * (i.rect.maxY - i.rect.minY);
  const ordered = [...items].sort((a, b) => priority(a, selection) - priority(b, selection) || area2(b) - area2(a));
  const targets: LabelTarget[] = ordered.map((item) => ({
    id: item.placement.id,
    label: item.placement.label || item.model.name,
    rowKey: `${item.model.id}|${item.placement.rotationDeg}`,
    rect: screenRect(item, v),
  }));
  const outline = { x: area.x / PX_PER_MM, y: area.y / PX_PER_MM, w: area.w / PX_PER_MM, h: area.h / PX_PER_MM };
  const zoneNames = zones.flatMap((z) => {
    const box = zoneNameBox(z, v);
    return box ? [{ x: box.x / PX_PER_MM, y: box.y / PX_PER_MM, w: box.w / PX_PER_MM, h: box.h / PX_PER_MM }] : [];
  });
  return placeLabels(targets, outline, zoneNames).map((t) => ({ ...t, x: t.x * PX_PER_MM, y: t.y * PX_PER_MM, size: t.size * PX_PER_MM }));
}

/** Draws placed labels with a halo, so they read over any fill. */
export function drawLabels(ctx: CanvasRenderingContext2D, labels: readonly TextMm[], color: string, halo: string): void {
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  for (const t of labels) {
    ctx.save();
    ctx.translate(t.x, t.y);
    if (t.rotate === -90) ctx.rotate(-Math.PI / 2);
    ctx.font = `${t.size.toFixed(1)}px system-ui, sans-serif`;
    ctx.lineWidth = 3;
    ctx.strokeStyle = halo;
    ctx.strokeText(t.text, 0, 0);
    ctx.fillStyle = color;
    ctx.fillText(t.text, 0, 0);
    ctx.restore();
  }
  ctx.textAlign = 'start';
  ctx.textBaseline = 'alphabetic';
}
