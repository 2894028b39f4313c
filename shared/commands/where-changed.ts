/**
 * Where on the fleet an edit landed: the halls and sites it touched, and the placements
 * it left standing, so undoing or redoing an edit made elsewhere can show it.
 */
import type { FleetDoc } from '../model/schema';
import type { Change } from './apply';

export interface WhereChanged {
  /** Halls whose own settings, zones or equipment changed, in the order first touched. */
  hallIds: string[];
  /** Sites whose own settings changed, and the sites of the halls touched. */
  siteIds: string[];
  /** Placements the edit added or moved (not those it removed). */
  placementIds: string[];
}

/** `before` and `after` are the document either side of the edit: a removal is found in the one, an insertion in the other. */
export function whereChanged(before: FleetDoc, after: FleetDoc, changes: readonly Change[]): WhereChanged {
  const hallIds = new Set<string>();
  const siteIds = new Set<string>();
  const placementIds: string[] = [];
  const hallOf = (table: 'placements' | 'zones', id: string): string | undefined =>
    (after[table] as { id: string; hallId: string }[]).find((x) => x.id === id)?.hallId ?? (before[table] as { id: string; hallId: string }[]).find((x) => x.id === id)?.hallId;
  for (const change of changes) {
    if (change.table === 'placements' || change.table === 'zones') {
      const hallId = hallOf(change.table, change.id);
      if (hallId) hallIds.add(hallId);
      if (change.table === 'placements' && change.op === 'upsert') placementIds.push(change.id);
    } else if (change.table === 'halls') hallIds.add(change.id);
    else if (change.table === 'sites') siteIds.add(change.id);
  }
  for (const hallId of hallIds) {
    const siteId = (after.halls.find((h) => h.id === hallId) ?? before.halls.find((h) => h.id === hallId))?.siteId;
    if (siteId) siteIds.add(siteId);
  }
  return { hallIds: [...hallIds], siteIds: [...siteIds], placementIds };
}
