import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../shared/commands/apply';
import { addHall, addSite, removeHall, removePlacements, removeSite } from '../../../shared/model/fleet-structure';
import { checkIntegrity } from '../../../shared/model/integrity';
import { checkFleet } from '../../../shared/constraints';
import { blankFleet, sampleSmall } from '../../../shared/samples';
import { buildModel, keepingMissing } from '../../../shared/optimizer/model';

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
    // Keeping comes first: it keeps what the hall comes to hold, so miners laid out later earn in the search.
    expect(second.hall.retrofitOptions.map((o) => o.kind)).toEqual(['keep-mining', 'idle', 'retrofit-ai']);
    expect(checkIntegrity(doc)).toEqual([]);
    expect(buildModel(doc, 'expected').halls).toHaveLength(2);
  });

  it('a new hall keeps the miners laid out in it: ten shelf racks earn as it is, and the decision is judged against them', () => {
    let doc = blankFleet();
    const { command: siteCommand, site } = addSite(doc);
    doc = applyCommand(doc, siteCommand).doc;
    const { command, hall } = addHall(doc, site.id);
    doc = applyCommand(doc, command).doc;
    const rack = doc.models.find((m) => m.id === 'rack-s21xp')!;
    const racks = Array.from({ length: 10 }, (_, i) => ({ id: `r${i}`, hallId: hall.id, modelId: rack.id, xM: 2 + i * 1.1, yM: 5, rotationDeg: 0 as const, powerSourceId: null, powerSourceBId: null, label: `R${i}` }));
    doc = { ...doc, placements: racks };
    const keep = buildModel(doc, 'expected').halls[0]!.keep!;
    expect(keep.kept.map((k) => [k.model.id, k.units])).toEqual([['rack-s21xp', 10]]);
    expect(keepingMissing(doc)).toEqual([]);
    // Without a keep option the search cannot keep them, and the list before the search says so.
    const withoutKeep = { ...doc, halls: doc.halls.map((h) => ({ ...h, retrofitOptions: h.retrofitOptions.filter((o) => o.kind !== 'keep-mining') })) };
    expect(keepingMissing(withoutKeep)).toEqual([
      {
        hallId: hall.id,
        optionId: null,
        text: 'Hall 1: no option keeps the 10 units that earn there, so the search cannot keep them and the decision counts the hall idle as it is; add “Keep mining” under its Retrofit options',
      },
    ]);
    // An option keeps the units of its own model already standing: the small sample's two GB200 under its AI option.
    const small = sampleSmall();
    small.halls[0]!.retrofitOptions = small.halls[0]!.retrofitOptions.filter((o) => o.kind !== 'keep-mining');
    expect(keepingMissing(small).map((r) => r.text)).toEqual([expect.stringMatching(/^Hall 1: no option keeps the 8 units that earn there/)]);
  });

  it('a new hall goes in the first free place on its site, and past the edge only when the site is full', () => {
    let doc = sampleSmall();
    const outside = () => checkFleet(doc).violations.filter((v) => v.rule === 'hall-outside-site').map((v) => v.hallId);
    const places: [number, number][] = [];
    for (let i = 0; i < 3; i++) {
      const { command, hall } = addHall(doc, 'sm');
      doc = applyCommand(doc, command).doc;
      places.push([hall.siteXM, hall.siteYM]);
    }
    // The 100 × 50 m site holds Hall 1 (30 × 15 m at 10, 10). A 40 × 20 m hall 10 m clear of
    // it and of the edges fits east of it at x = 10 + 30 + 10 = 50 m (50 + 40 + 10 = 100 m);
    // no row fits south of them (35 + 20 + 10 = 65 > 50 m), so the site is then full.
    expect(places[0]).toEqual([50, 10]);
    expect(outside()).not.toContain(doc.halls[1]!.id);
    // The site is then full: the next halls go east, and the site rule says so.
    expect(outside().length).toBeGreaterThan(0);
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

describe('removing equipment', () => {
  it('a PDU deleted leaves what it fed (A or B) where it stands and unfed, named by the check; one undo restores it', () => {
    const doc = sampleSmall();
    // The GB200 corner's second rack takes PDU 1.1 as its B feed too: both of its references go.
    doc.placements = doc.placements.map((p) => (p.id === 'sm-gpu01-02' ? { ...p, powerSourceBId: 'sm-pdu01-01' } : p));
    const fed = doc.placements.filter((p) => p.powerSourceId === 'sm-pdu01-01' || p.powerSourceBId === 'sm-pdu01-01').map((p) => p.id);
    expect(fed.length).toBeGreaterThan(1);
    const { doc: after, inverse } = applyCommand(doc, removePlacements(doc, ['sm-pdu01-01']));
    expect(checkIntegrity(after)).toEqual([]);
    expect(after.placements.some((p) => p.id === 'sm-pdu01-01')).toBe(false);
    for (const id of fed) {
      const p = after.placements.find((q) => q.id === id)!;
      expect([p.powerSourceId, p.powerSourceBId]).not.toContain('sm-pdu01-01');
      expect({ ...p, powerSourceId: null, powerSourceBId: null }).toEqual({ ...doc.placements.find((q) => q.id === id)!, powerSourceId: null, powerSourceBId: null });
    }
    // The busway it fed is unfed power gear (not itself a load); the CDU it fed is unfed equipment.
    expect(checkFleet(after).violations.filter((v) => v.rule === 'unfed').flatMap((v) => v.objectIds)).toContain('sm-cdu01-01');
    const byId = (xs: typeof doc.placements) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(applyCommand(after, inverse).doc.placements)).toEqual(byId(doc.placements));
  });

});
