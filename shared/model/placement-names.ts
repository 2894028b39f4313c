import type { EquipmentModel, FleetReading, Hall, Placement } from './schema';

/** Names asked of one namer past which counting every label once beats a walk per name. */
const WALKS_BEFORE_COUNTING = 8;

/**
 * Names placements in messages as a user knows them, not by internal ids ("p-ilzxe0vr" means
 * nothing on screen): by label where no other placement has it; else with the model's name,
 * then the hall's, as far as needed to tell it from the rest; the id only where even those are
 * shared. Built for a message: the first few names walk the placements for their own label (an
 * edit's check names one or two among 500,000), later ones count every label once.
 */
export function placementNamer(doc: Pick<FleetReading, 'placements' | 'models' | 'halls'>): (p: Placement) => string {
  let known: Known | null = null;
  let asked = 0;
  let models: Map<string, EquipmentModel> | null = null;
  let halls: Map<string, Hall> | null = null;
  return (p) => {
    models ??= new Map(doc.models.map((m) => [m.id, m]));
    halls ??= new Map(doc.halls.map((h) => [h.id, h]));
    // A file being read walks its placements from the disk: counted once, never walked per name.
    const walkable = Array.isArray(doc.placements) && ++asked <= WALKS_BEFORE_COUNTING;
    const shared = walkable ? sharing(doc.placements as readonly Placement[], p) : (known ??= knownOf(doc)).sharing(p);
    const level = shared.findIndex((n, at) => (at > 0 || p.label !== '') && n === 1);
    const model = models.get(p.modelId)?.name ?? `model "${p.modelId}"`;
    const where = level === 1 ? model : `${model} in ${halls.get(p.hallId)?.name ?? `hall "${p.hallId}"`}`;
    const id = `id "${p.id}"`;
    if (!p.label) return level < 0 ? `a ${where} (${id})` : `the ${where}`;
    if (level === 0) return p.label;
    return `${p.label} (${where}${level < 0 ? `, ${id}` : ''})`;
  };
}

/** How many placements share `p`'s label; its label and model; its label, model and hall. */
function sharing(placements: readonly Placement[], p: Placement): [number, number, number] {
  const counts: [number, number, number] = [0, 0, 0];
  for (const q of placements) {
    if (q.label !== p.label) continue;
    counts[0]++;
    if (q.modelId !== p.modelId) continue;
    counts[1]++;
    if (q.hallId === p.hallId) counts[2]++;
  }
  return counts;
}

interface Known {
  sharing: (p: Placement) => [number, number, number];
}

function knownOf(doc: Pick<FleetReading, 'placements'>): Known {
  const counts = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  for (const p of doc.placements) {
    keysOf(p).forEach((key, level) => counts[level]!.set(key, (counts[level]!.get(key) ?? 0) + 1));
  }
  return { sharing: (p) => keysOf(p).map((key, level) => counts[level]!.get(key) ?? 0) as [number, number, number] };
}

/** What tells a placement apart, from least to most: its label, then with its model, then its hall. */
const keysOf = (p: Placement): [string, string, string] => {
  const byModel = `${p.label}\u0000${p.modelId}`;
  return [p.label, byModel, `${byModel}\u0000${p.hallId}`];
};
