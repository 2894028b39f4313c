/**
 * What one hall view draws and hit-tests: its placements with their models and
 * footprints, indexed in a spatial grid. Rebuilt when the document changes, never
 * per frame.
 */
import { footprint, type Rect } from '../../../shared/geometry/footprint';
import { SpatialIndex } from '../../../shared/geometry/spatial-index';
import type { EquipmentModel, FleetDoc, Hall, Placement, Zone } from '../../../shared/model/schema';

export interface SceneItem {
  placement: Placement;
  model: EquipmentModel;
  rect: Rect;
}

export interface Scene {
  hall: Hall;
  zones: Zone[];
  items: SceneItem[];
  byId: Map<string, SceneItem>;
  index: SpatialIndex<SceneItem>;
}

const CELL_M = 4;

export function buildScene(doc: FleetDoc, hallId: string): Scene | null {
  const hall = doc.halls.find((h) => h.id === hallId);
  if (!hall) return null;
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const index = new SpatialIndex<SceneItem>(CELL_M);
  const items: SceneItem[] = [];
  const byId = new Map<string, SceneItem>();
  for (const placement of doc.placements) {
    if (placement.hallId !== hallId) continue;
    const model = models.get(placement.modelId);
    if (!model) continue;
    const item = { placement, model, rect: footprint(placement, model) };
    items.push(item);
    byId.set(placement.id, item);
    index.insert(item, item.rect);
  }
  return { hall, zones: doc.zones.filter((z) => z.hallId === hallId), items, byId, index };
}

/** The topmost item under a hall point: floor items win over overhead ones only if nothing overhead is there. */
/**
 * Everything under a point, in the order clicks reach it: equipment on the floor before
 * what hangs overhead (a busway runs over a whole row of racks, and the racks are what
 * is picked most), and smallest first (a CDU standing in a zone beats the big container
 * beside it). Clicking again on the one selected cycles down this list.
 */
export function hitsAt(scene: Scene, xM: number, yM: number): SceneItem[] {
  const overhead = (h: SceneItem) => (h.model.mounting === 'overhead' ? 1 : 0);
  return scene.index.search({ minX: xM, minY: yM, maxX: xM, maxY: yM }).sort((a, b) => overhead(a) - overhead(b) || area(a.rect) - area(b.rect));
}

export function hitTest(scene: Scene, xM: number, yM: number): SceneItem | null {
  return hitsAt(scene, xM, yM)[0] ?? null;
}

function area(r: Rect): number {
  return (r.maxX - r.minX) * (r.maxY - r.minY);
}
