import { describe, expect, it } from 'vitest';
import { canvasLabels, MAX_LABELLED_ITEMS, PX_PER_MM } from '../../renderer/src/layout/canvas-labels';
import { buildScene } from '../../renderer/src/layout/scene';
import { fitHallPlan } from '../../renderer/src/layout/viewport';
import { intersects, textBox } from '../../shared/print/labels';
import { sampleCampus } from '../../shared/samples';

const screen = { width: 1000, height: 600 };
const all = { x: 0, y: 0, w: screen.width, h: screen.height };

describe('canvas labels', () => {
  const doc = sampleCampus();
  const hall = doc.halls.find((h) => doc.placements.some((p) => p.hallId === h.id && p.modelId.startsWith('nvl72')))!;
  const scene = buildScene(doc, hall.id)!;

  it('names the equipment at working zoom (the whole hall in view), none over another label', () => {
    const labels = canvasLabels(scene.items, fitHallPlan(hall, screen), all, new Set());
    expect(labels.length).toBeGreaterThan(3);
    const boxes = labels.map((t) => textBox({ ...t, x: t.x / PX_PER_MM, y: t.y / PX_PER_MM, size: t.size / PX_PER_MM }));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(intersects(boxes[i]!, boxes[j]!), `${labels[i]!.text} over ${labels[j]!.text}`).toBe(false);
    // Never smaller than 10 px.
    expect(Math.min(...labels.map((t) => t.size))).toBeGreaterThanOrEqual(10 - 1e-9);
  });

  it('names a row of alike units once rather than each unit over its neighbours', () => {
    const labels = canvasLabels(scene.items, fitHallPlan(hall, screen), all, new Set());
    expect(labels.some((t) => /–|×/.test(t.text))).toBe(true);
    expect(labels.length).toBeLessThan(scene.items.length);
  });

  it('places none when too many units are on screen to read', () => {
    const crowd = Array.from({ length: MAX_LABELLED_ITEMS + 1 }, (_, i) => ({ ...scene.items[0]!, placement: { ...scene.items[0]!.placement, id: `p${i}` } }));
    expect(canvasLabels(crowd, fitHallPlan(hall, screen), all, new Set())).toEqual([]);
  });
});
