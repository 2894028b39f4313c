import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../shared/commands/apply';
import { whereChanged } from '../../../shared/commands/where-changed';
import type { Command } from '../../../shared/commands/schema';
import { removeHall } from '../../../shared/model/fleet-structure';
import { sampleCampus } from '../../../shared/samples';

const doc = sampleCampus();
const where = (command: Command) => {
  const applied = applyCommand(doc, command);
  return { ...whereChanged(doc, applied.changes), applied };
};

describe('where an edit landed', () => {
  it('a move names the hall, its site and the placements moved', () => {
    const [a, b] = doc.placements.filter((p) => p.hallId === 'wtx-b');
    expect(where({ type: 'move', moves: [{ id: a!.id, xM: 1, yM: 1 }, { id: b!.id, xM: 2, yM: 1 }] })).toMatchObject({ hallIds: ['wtx-b'], siteIds: ['wtx'], placementIds: [a!.id, b!.id] });
  });

  it('a removal is found in the document before it, and its undo brings the placements back', () => {
    const ids = doc.placements.filter((p) => p.hallId === 'cbh-c').map((p) => p.id);
    const removed = where({ type: 'remove', table: 'placements', ids });
    expect(removed).toMatchObject({ hallIds: ['cbh-c'], siteIds: ['cbh'], placementIds: [] });
    const undone = applyCommand(removed.applied.doc, removed.applied.inverse);
    expect(whereChanged(removed.applied.doc, undone.changes).placementIds.sort()).toEqual([...ids].sort());
  });

  it("a site's own settings name the site alone; the fleet's name nothing", () => {
    expect(where({ type: 'update', table: 'sites', id: 'okl', patch: { interconnectMw: 10 } })).toMatchObject({ hallIds: [], siteIds: ['okl'], placementIds: [] });
    expect(where({ type: 'set-fleet', fleet: { name: 'Renamed' } })).toMatchObject({ hallIds: [], siteIds: [], placementIds: [] });
  });

  it('deleting a hall names it and its site, though the document after holds neither the hall nor its equipment', () => {
    const hall = doc.halls.find((h) => h.id === 'okl-yard')!;
    const w = where(removeHall(doc, hall.id).command);
    expect(w.hallIds).toEqual(['okl-yard']);
    expect(w.siteIds).toEqual([hall.siteId]);
  });
});
