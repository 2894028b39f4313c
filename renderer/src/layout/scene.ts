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
export function hitTest(scene: Scene, xM: number, yM: number): SceneItem | null {
  const hits = scene.index.search({ minX: xM, minY: yM, maxX: xM, maxY: yM });
  if (hits.length === 0) return null;
  const overhead = hits.filter((h) => h.model.mounting === 'overhead');
  const pool = overhead.length ? overhead : hits;
  // Smallest first: a CDU standing in a zone beats the big container it sits beside.
  return pool.reduce((best, h) => (area(h.rect) < area(best.rect) ? h : best));
}

function area(r: Rect): number {
  return (r.maxX - r.minX) * (r.maxY - r.minY);
}
