/** Halls with and without units standing, for the Apply plan tests. */
import type { FleetDoc } from '../../shared/model/schema';

/**
 * The document with a hall's units of one model taken out, and the busway runs that fed only
 * them: the hall as it stood before any such unit was installed, so Apply plan lays every unit
 * of a plan out anew (it keeps units standing where they are).
 */
export function withoutStanding(doc: FleetDoc, hallId: string, modelId: string): FleetDoc {
  const units = new Set(doc.placements.filter((p) => p.hallId === hallId && p.modelId === modelId).map((p) => p.id));
  const busways = new Set(doc.models.filter((m) => m.kind === 'busway').map((m) => m.id));
  const fed = (id: string) => doc.placements.filter((p) => p.powerSourceId === id || p.powerSourceBId === id);
  const runs = new Set(doc.placements.filter((b) => b.hallId === hallId && busways.has(b.modelId) && fed(b.id).length > 0 && fed(b.id).every((p) => units.has(p.id))).map((b) => b.id));
  return { ...doc, placements: doc.placements.filter((p) => !units.has(p.id) && !runs.has(p.id)) };
}
