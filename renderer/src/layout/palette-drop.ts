import type { InsertCommand } from '../../../shared/commands/schema';
import { newUnitLabel } from '../../../shared/model/copy-names';
import { LABEL_MAX_LENGTH, type FleetDoc, type Placement } from '../../../shared/model/schema';

export const MODEL_DRAG_TYPE = 'application/x-fleet-model';

/** A fresh id no placement of the document uses. */
export function newPlacementId(doc: FleetDoc, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set(doc.placements.map((p) => p.id));
  for (;;) {
    const id = `p-${Math.random().toString(36).slice(2, 10)}`;
    if (!used.has(id) && !taken.has(id)) return id;
  }
}

/** The labels the equipment of a hall wears, for new ones to keep clear of. */
export const hallLabels = (doc: FleetDoc, hallId: string): Set<string> => new Set(doc.placements.filter((p) => p.hallId === hallId).map((p) => p.label));

/** The command that places one unit of a catalog model at a hall point, labelled by its kind ("R3"). */
export function dropPlacement(doc: FleetDoc, hallId: string, modelId: string, xM: number, yM: number): InsertCommand | null {
  const model = doc.models.find((m) => m.id === modelId);
  if (!model) return null;
  const placement: Placement = {
    id: newPlacementId(doc),
    hallId,
    modelId,
    xM,
    yM,
    rotationDeg: 0,
    powerSourceId: null,
    powerSourceBId: null,
    label: newUnitLabel(model.kind, hallLabels(doc, hallId), LABEL_MAX_LENGTH),
  };
  return { type: 'insert', entities: { table: 'placements', items: [placement] } };
}
