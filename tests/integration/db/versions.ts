import type { Command } from '../../../shared/commands/schema';
import type { FleetDoc } from '../../../shared/model/schema';
import { sampleSmall } from '../../../shared/samples';

/** Version i of the small sample: its name says i and the first rack stands i mm further east. */
export function versionCommand(i: number): Command {
  return {
    type: 'batch',
    label: `version ${i}`,
    commands: [
      { type: 'set-fleet', fleet: { name: `v${i}` } },
      { type: 'move', moves: [{ id: 'sm-m01-01', xM: 2.5 + i / 1000, yM: 2.55 }] },
    ],
  };
}

export function versionDoc(i: number): FleetDoc {
  const doc = sampleSmall();
  doc.fleet.name = `v${i}`;
  doc.placements = doc.placements.map((p) => (p.id === 'sm-m01-01' ? { ...p, xM: 2.5 + i / 1000 } : p));
  return doc;
}
