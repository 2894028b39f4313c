import { describe, expect, it } from 'vitest';
import { canvasLabels, MAX_LABELLED_ITEMS, PX_PER_MM, zoneNameBox } from '../../renderer/src/layout/canvas-labels';
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

  it('keeps equipment labels off the zones\' names (a pod\'s name was overprinted by its CDUs\' label)', () => {
    // A container standing in each zone's north-west corner, under the zone's name: its own
    // label, written inside it, would sit on the name.
    const v = fitHallPlan(hall, screen);
    const cornered = structuredClone(doc);
    const box = cornered.models.find((m) => m.kind === 'miner-container')!;
    for (const z of cornered.zones.filter((x) => x.hallId === hall.id)) {
      const at = { xM: z.xM + 4 / v.scale + box.widthM / 2, yM: z.yM + 2 / v.scale + box.depthM / 2 };
      cornered.placements.push({ ...cornered.placements.find((p) => p.hallId === hall.id)!, id: `corner-${z.id}`, label: 'C1', modelId: box.id, rotationDeg: 0, ...at });
    }
    const crowded = buildScene(cornered, hall.id)!;
    const names = crowded.zones.map((z) => zoneNameBox(z, v)).filter((b): b is NonNullable<typeof b> => b !== null);
    expect(names.length).toBe(crowded.zones.length);
    const mm = (b: { x: number; y: number; w: number; h: number }) => ({ x: b.x / PX_PER_MM, y: b.y / PX_PER_MM, w: b.w / PX_PER_MM, h: b.h / PX_PER_MM });
    const overNames = (zones: typeof crowded.zones) =>
      canvasLabels(crowded.items, v, all, new Set(), zones)
        .map((t) => textBox({ ...t, x: t.x / PX_PER_MM, y: t.y / PX_PER_MM, size: t.size / PX_PER_MM }))
        .filter((box) => names.some((name) => intersects(box, mm(name)))).length;
    // Placed blind to the names, a corner unit's label lands on one; told of them, none does.
    expect(overNames([])).toBeGreaterThan(0);
    expect(overNames(crowded.zones)).toBe(0);
    // Below the zoom where names are drawn they hold no room.
    expect(zoneNameBox(scene.zones[0]!, { ...v, scale: 4 })).toBeNull();
  });

  it('places none when too many units are on screen to read', () => {
    const crowd = Array.from({ length: MAX_LABELLED_ITEMS + 1 }, (_, i) => ({ ...scene.items[0]!, placement: { ...scene.items[0]!.placement, id: `p${i}` } }));
    expect(canvasLabels(crowd, fitHallPlan(hall, screen), all, new Set())).toEqual([]);
  });
});
