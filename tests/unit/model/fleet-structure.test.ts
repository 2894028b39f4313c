import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../shared/commands/apply';
import { addHall, addSite, removeHall, removeSite } from '../../../shared/model/fleet-structure';
import { checkIntegrity } from '../../../shared/model/integrity';
import { blankFleet, sampleSmall } from '../../../shared/samples';
import { buildModel } from '../../../shared/optimizer/model';

describe('adding and removing sites and halls', () => {
  it('a blank fleet gets a site and two halls side by side, each valid and ready to optimize', () => {
    let doc = blankFleet();
    const { command: siteCommand, site } = addSite(doc);
    doc = applyCommand(doc, siteCommand).doc;
    expect(site).toMatchObject({ id: 'site-1', name: 'Site 1' });
    const first = addHall(doc, site.id);
    doc = applyCommand(doc, first.command).doc;
    const second = addHall(doc, site.id);
    doc = applyCommand(doc, second.command).doc;
    expect([first.hall.name, second.hall.name]).toEqual(['Hall 1', 'Hall 2']);
    // 10 m from the site edge, then 10 m beyond the first hall's 40 m: x = 60 m.
    expect([first.hall.siteXM, second.hall.siteXM]).toEqual([10, 60]);
    expect(second.hall.retrofitOptions.map((o) => o.kind)).toEqual(['idle', 'retrofit-ai']);
    expect(checkIntegrity(doc)).toEqual([]);
    expect(buildModel(doc, 'expected').halls).toHaveLength(2);
  });

  it('a removed hall takes its equipment, zones and the plans that chose for it; undo brings back the same document', () => {
    const before = sampleSmall();
    before.plans = [{ id: 'p1', name: 'p', createdAt: '', status: 'optimal', objective: 'expected', npvUsd: 1, irrFraction: null, paybackPeriods: null, mipGapFraction: 0, halls: [{ hallId: 'sm-h1', optionId: before.halls[0]!.retrofitOptions[0]!.id, startPeriod: 0, units: 1 }], periods: [], bindingLimits: [], conflicts: [] }];
    const { command, label, description } = removeHall(before, 'sm-h1');
    expect(label).toBe('delete Hall 1');
    expect(description).toBe(`Hall 1 and its ${before.placements.length} placed objects, 2 zones, 1 optimizer plan`);
    const { doc: after, inverse } = applyCommand(before, command);
    expect([after.halls, after.placements, after.zones, after.plans]).toEqual([[], [], [], []]);
    expect(checkIntegrity(after)).toEqual([]);
    const restored = applyCommand(after, inverse).doc;
    expect(new Set(restored.placements.map((p) => p.id))).toEqual(new Set(before.placements.map((p) => p.id)));
    expect(restored.halls).toEqual(before.halls);
    expect(restored.plans).toEqual(before.plans);
  });

  it('a removed site takes its halls with it', () => {
    const before = sampleSmall();
    const { command, description } = removeSite(before, 'sm');
    expect(description).toBe(`Test site and its 1 hall, ${before.placements.length} placed objects, 2 zones`);
    const after = applyCommand(before, command).doc;
    expect([after.sites, after.halls, after.placements]).toEqual([[], [], []]);
    expect(checkIntegrity(after)).toEqual([]);
  });
});
