/**
 * Where on the fleet an edit landed: the halls and sites it touched, and the placements
 * it left standing, so undoing or redoing an edit made elsewhere can show it.
 */
import type { FleetDoc, Hall, Placement, Zone } from '../model/schema';
import type { Change } from './apply';

export interface WhereChanged {
  /** Halls whose own settings, zones or equipment changed. */
  hallIds: string[];
  /** Sites whose own settings changed, and the sites of the halls touched. */
  siteIds: string[];
  /** Placements the edit added or changed (not those it removed). */
  placementIds: string[];
}

/**
 * `before` is the document the edit was made on: a removed placement or zone is found
 * there, once, through one index; what the edit stored comes with its change.
 */
export function whereChanged(before: FleetDoc, changes: readonly Change[]): WhereChanged {
  const hallIds = new Set<string>();
  const siteIds = new Set<string>();
  const placementIds: string[] = [];
  let removedFrom: Map<string, string> | null = null;
  const hallOfRemoved = (id: string): string | undefined => {
    removedFrom ??= new Map([...before.placements, ...before.zones].map((x) => [x.id, x.hallId]));
    return removedFrom.get(id);
  };
  for (const change of changes) {
    if (change.table === 'placements' || change.table === 'zones') {
      const hallId = change.op === 'upsert' ? (change.entity as Placement | Zone).hallId : hallOfRemoved(change.id);
      if (hallId) hallIds.add(hallId);
      if (change.table === 'placements' && change.op === 'upsert') placementIds.push(change.id);
    } else if (change.table === 'halls') hallIds.add(change.id);
    else if (change.table === 'sites') siteIds.add(change.id);
  }
  const halls = new Map(before.halls.map((h) => [h.id, h]));
  for (const change of changes) if (change.table === 'halls' && change.op === 'upsert') halls.set(change.id, change.entity as Hall);
  for (const hallId of hallIds) {
    const siteId = halls.get(hallId)?.siteId;
    if (siteId) siteIds.add(siteId);
  }
  return { hallIds: [...hallIds], siteIds: [...siteIds], placementIds };
}
