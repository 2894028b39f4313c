import type { InsertCommand } from '../../../shared/commands/schema';
import type { FleetDoc, Placement } from '../../../shared/model/schema';

export const MODEL_DRAG_TYPE = 'application/x-fleet-model';

/** A fresh id no placement of the document uses. */
export function newPlacementId(doc: FleetDoc, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set(doc.placements.map((p) => p.id));
  for (;;) {
    const id = `p-${Math.random().toString(36).slice(2, 10)}`;
    if (!used.has(id) && !taken.has(id)) return id;
  }
}

/** The command that places one unit of a catalog model at a hall point. */
export function dropPlacement(doc: FleetDoc, hallId: string, modelId: string, xM: number, yM: number): InsertCommand | null {
  if (!doc.models.some((m) => m.id === modelId)) return null;
  const placement: Placement = {
    id: newPlacementId(doc),
    hallId,
    modelId,
    xM,
    yM,
    rotationDeg: 0,
    powerSourceId: null,
    label: '',
  };
  return { type: 'insert', entities: { table: 'placements', items: [placement] } };
}
