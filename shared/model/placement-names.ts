import type { EquipmentModel, FleetReading, Hall, Placement } from './schema';

/**
 * Names placements in messages as a user knows them, not by internal ids ("p-ilzxe0vr" means
 * nothing on screen): by label where no other placement has it; else with the model's name,
 * then the hall's, as far as needed to tell it from the rest; the id only where even those are
 * shared. Built for a message: the first name counts labels over every placement, once.
 */
export function placementNamer(doc: Pick<FleetReading, 'placements' | 'models' | 'halls'>): (p: Placement) => string {
  let known: Known | null = null;
  return (p) => {
    known ??= knownOf(doc);
    const { counts, models, halls } = known;
    const level = keysOf(p).findIndex((key, at) => key !== null && counts[at]!.get(key) === 1);
    const model = models.get(p.modelId)?.name ?? `model "${p.modelId}"`;
    const where = level === 1 ? model : `${model} in ${halls.get(p.hallId)?.name ?? `hall "${p.hallId}"`}`;
    const id = `id "${p.id}"`;
    if (!p.label) return level < 0 ? `a ${where} (${id})` : `the ${where}`;
    if (level === 0) return p.label;
    return `${p.label} (${where}${level < 0 ? `, ${id}` : ''})`;
  };
}

interface Known {
  /** How many placements share each key of keysOf, by its level. */
  counts: Map<string, number>[];
  models: Map<string, EquipmentModel>;
  halls: Map<string, Hall>;
}

function knownOf(doc: Pick<FleetReading, 'placements' | 'models' | 'halls'>): Known {
  const counts = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  for (const p of doc.placements) {
    keysOf(p).forEach((key, level) => {
      if (key !== null) counts[level]!.set(key, (counts[level]!.get(key) ?? 0) + 1);
    });
  }
  return { counts, models: new Map(doc.models.map((m) => [m.id, m])), halls: new Map(doc.halls.map((h) => [h.id, h])) };
}

/** What tells a placement apart, from least to most: its label (none for no label), then with its model, then its hall. */
const keysOf = (p: Placement): [string | null, string, string] => {
  const byModel = `${p.label}\u0000${p.modelId}`;
  return [p.label || null, byModel, `${byModel}\u0000${p.hallId}`];
};
