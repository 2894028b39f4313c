import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../shared/commands/apply';
import type { Command } from '../../../shared/commands/schema';
import { describeChanges, describeContents } from '../../../shared/model/changes';
import { sampleSmall } from '../../../shared/samples';

const apply = (command: Command) => applyCommand(sampleSmall(), command).doc;

describe('describeChanges', () => {
  it('says there are none between equal versions', () => {
    expect(describeChanges(sampleSmall(), sampleSmall())).toBe('no changes');
  });

  it('counts changed, added and removed entities by table, and the fleet settings', () => {
    const before = sampleSmall();
    const [first, second] = before.placements;
    const site = before.sites[0]!;
    const after = applyCommand(before, {
      type: 'batch',
      label: 'a bit of everything',
      commands: [
        { type: 'move', moves: [{ id: first!.id, xM: first!.xM + 1, yM: first!.yM }, { id: second!.id, xM: second!.xM + 1, yM: second!.yM }] },
        // Back where the file has it: the second counts as unchanged.
        { type: 'move', moves: [{ id: second!.id, xM: second!.xM, yM: second!.yM }] },
        { type: 'update', table: 'sites', id: site.id, patch: { name: 'Renamed' } },
        { type: 'set-fleet', fleet: { name: 'Renamed fleet' } },
      ],
    }).doc;
    expect(describeChanges(before, after)).toBe('1 site changed, 1 placed object changed, fleet settings changed');
  });

  it('names additions and removals', () => {
    const before = sampleSmall();
    const copy = { ...before.placements[0]!, id: 'new-one' };
    const after = apply({ type: 'insert', entities: { table: 'placements', items: [copy] } });
    expect(describeChanges(before, after)).toBe('1 placed object added');
    const removedTwo = apply({ type: 'remove', table: 'placements', ids: [before.placements[0]!.id, before.placements[1]!.id] });
    expect(describeChanges(before, removedTwo)).toBe('2 placed objects removed');
  });
});

describe('describeContents', () => {
  it('counts what the fleet holds, leaving out the catalog and empty tables', () => {
    // The small sample: 1 site, 1 hall, 2 zones, 14 placements, 1 scenario, no plans, and the built-in catalog.
    expect(describeContents(sampleSmall())).toBe('1 site, 1 hall, 2 zones, 14 placed objects, 1 scenario');
    const empty = { ...sampleSmall(), sites: [], halls: [], zones: [], placements: [], scenarios: [], plans: [] };
    expect(describeContents(empty)).toBe('an empty fleet');
  });
});
