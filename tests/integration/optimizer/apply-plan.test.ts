import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../shared/commands/apply';
import { checkFleet } from '../../../shared/constraints';
import { applyPlanCommand } from '../../../shared/optimizer/apply-plan';
import { runOptimizer } from '../../../shared/optimizer/run';
import { modelInputsHash } from '../../../shared/optimizer/model';
import type { Plan } from '../../../shared/model/schema';
import { sampleCampus, sampleSmall } from '../../../shared/samples';
import { loadHighs } from '../../../electron/backend/optimizer/highs-solver';

describe('apply plan', () => {
  it('lays out the chosen racks in every converted hall as one undoable edit that brings no new problem', async () => {
    const doc = sampleCampus();
    const solve = await loadHighs();
    const { plan } = runOptimizer(doc, { objective: 'expected', timeLimitS: 60, mipGap: 1e-4, planId: 'p1', now: 'now' }, solve);
    const converted = plan.halls.filter((h) => !h.optionId.endsWith('-keep'));
    expect(converted.length).toBeGreaterThan(0);

    // The plan knows the inputs it was made for; kept in the document, it also learns the layout it leaves.
    expect(plan.madeForInputs).toEqual([modelInputsHash(doc)]);
    const withPlan = { ...doc, plans: [plan] };
    const leaves = applyCommand(withPlan, applyPlanCommand(withPlan, plan).command).doc;
    expect(leaves.plans[0]!.madeForInputs).toEqual([modelInputsHash(doc), modelInputsHash(leaves)]);
    expect(modelInputsHash(leaves)).not.toBe(modelInputsHash(doc));
    // Applied again over its own layout, it leaves the same inputs, remembered once.
    const again = applyCommand(leaves, applyPlanCommand(leaves, plan).command).doc;
    expect(again.plans[0]!.madeForInputs).toEqual(leaves.plans[0]!.madeForInputs);

    const { command, shortfalls } = applyPlanCommand(doc, plan);
    const applied = applyCommand(doc, command);
    for (const h of converted) {
      const option = doc.halls.find((x) => x.id === h.hallId)!.retrofitOptions.find((o) => o.id === h.optionId)!;
      const placed = applied.doc.placements.filter((p) => p.hallId === h.hallId && p.modelId === option.modelId);
      const short = shortfalls.find((s) => s.startsWith(doc.halls.find((x) => x.id === h.hallId)!.name));
      if (!short) expect(placed.length).toBe(h.units);
      expect(applied.doc.halls.find((x) => x.id === h.hallId)!.currentUse).toBe(option.modelId ? (option.kind === 'retrofit-ai' ? 'ai' : 'mining') : 'idle');
    }
    // Every limit the constraint engine checks holds as well as before: the 16 GB200 racks
    // standing in Building B keep the pod's three 1.2 MW CDUs (16 × 132 kW × 0.85 = 1,795.2 kW
    // ≤ 2 × 1,200 with N+1), and the 36 it adds come with CDUs of their own for their
    // 36 × 112.2 = 4,039.2 kW: three 2.3 MW, one held back (2 × 2,300 = 4,600 kW usable).
    // Deliberately changed from two, which counted the standing pod's CDUs for the new racks.
    // The hall's zones become one.
    const before = new Set(checkFleet(doc).violations.map((v) => v.id));
    expect(checkFleet(applied.doc).violations.filter((v) => !before.has(v.id))).toEqual([]);
    expect(converted.map((h) => h.hallId)).toContain('wtx-b');
    expect(applied.doc.zones.filter((z) => z.hallId === 'wtx-b')).toHaveLength(1);
    expect(plan.halls.find((h) => h.hallId === 'wtx-b')!.units).toBe(52);
    expect(applied.doc.placements.filter((p) => p.hallId === 'wtx-b' && p.modelId === 'cdu-2300')).toHaveLength(3);

    // One undo step puts everything back.
    const undone = applyCommand(applied.doc, applied.inverse).doc;
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(undone.placements)).toEqual(byId(doc.placements));
    expect(undone.halls).toEqual(doc.halls);
  });

  it('keeps new racks clear of the power gear and CDUs that stay, and of their clearances', () => {
    // The small sample's AI corner keeps its floor PDU and CDU: 60 GB200 racks need more
    // than the 43 a 30 m row holds, so the second row must step around them.
    const doc = sampleSmall();
    const plan: Plan = { id: 'p', name: 'test plan', createdAt: 'now', objective: 'expected', status: 'optimal', npvUsd: 0, irrFraction: null, paybackPeriods: null, mipGapFraction: 0, halls: [{ hallId: 'sm-h1', optionId: 'sm-h1-ai', startPeriod: 0, units: 60, npvUsd: 0 }], periods: [], bindingLimits: [], conflicts: [] };
    const { command, shortfalls } = applyPlanCommand(doc, plan);
    const after = applyCommand(doc, command).doc;
    const racks = after.placements.filter((p) => p.modelId === 'nvl72-gb200');
    expect(shortfalls).toEqual([]);
    expect(racks).toHaveLength(60);
    const geometry = checkFleet(after).violations.filter((v) => ['overlap', 'clearance', 'outside-hall'].includes(v.rule));
    expect(geometry).toEqual([]);
    expect(after.placements.some((p) => p.id === 'sm-pdu01-01')).toBe(true);
  });

  it('lays the racks it adds in rows at most 15 m long in one block, feeds them, and takes away the busways that fed only what it removes', () => {
    // Building B (80 m × 40 m) holds 16 GB200 racks under four busways, and its skid stays.
    // Those 16 stand on; the 36 added stand as two rows of 18 (18 × 0.65 − 0.05 = 11.65 m a
    // row), the block most like the hall, in line with the standing rows (apply-plan-layout.test.ts).
    // Deliberately changed from four rows of 13 re-laying all 52, the 16 standing among them.
    const doc = sampleCampus();
    const plan: Plan = { id: 'p', name: 'test plan', createdAt: 'now', objective: 'expected', status: 'optimal', npvUsd: 0, irrFraction: null, paybackPeriods: null, mipGapFraction: 0, halls: [{ hallId: 'wtx-b', optionId: 'wtx-b-ai', startPeriod: 0, units: 52, npvUsd: 0 }], periods: [], bindingLimits: [], conflicts: [] };
    const applied = applyPlanCommand(doc, plan);
    const after = applyCommand(doc, applied.command).doc;
    const racks = after.placements.filter((p) => p.hallId === 'wtx-b' && p.modelId === 'nvl72-gb200');
    expect(racks).toHaveLength(52);
    const added = racks.filter((r) => !doc.placements.some((p) => p.id === r.id));
    expect(added).toHaveLength(36);
    // All fed: every rack and CDU hangs from a busway run.
    expect(applied.unfed).toEqual({ count: 0, kw: 0 });
    const rows = new Map<number, number[]>();
    for (const r of added) rows.set(r.yM, [...(rows.get(r.yM) ?? []), r.xM]);
    expect([...rows.values()].map((xs) => xs.length)).toEqual([18, 18]);
    for (const xs of rows.values()) expect(Math.max(...xs) - Math.min(...xs) + 0.6).toBeCloseTo(11.65, 6);
    expect(new Set(racks.map((r) => r.label)).size).toBe(52);

    // The mining racks' runs go with them; the pod's four runs stay, feeding the racks standing.
    const old = doc.placements.filter((p) => p.hallId === 'wtx-b' && p.modelId === 'busway-1250').map((p) => p.id);
    const runs = new Set(after.placements.filter((p) => p.hallId === 'wtx-b' && p.modelId === 'busway-1250').map((p) => p.id));
    expect(old.filter((id) => runs.has(id)).sort()).toEqual(['b-bw11', 'b-bw12', 'b-bw21', 'b-bw22']);
    expect(old.filter((id) => id.startsWith('bm-bw')).length).toBeGreaterThan(0);
    expect(racks.every((r) => runs.has(r.powerSourceId!))).toBe(true);
    expect(added.every((r) => !old.includes(r.powerSourceId!))).toBe(true);
    expect(after.placements.some((p) => p.hallId === 'wtx-b' && p.modelId === 'pdu-skid3000')).toBe(true);
  });

  it('shares the racks out over two pods past a cross aisle; the CDUs go at the row ends', () => {
    // The small sample's hall is 30 m × 15 m: two pods of (28 + 1.2) / 2 − 1.2 = 13.4 m,
    // each 20 racks a row (the first one's first rack centred at 1 + 0.3 = 1.3 m, its last at
    // 1.3 + 19 × 0.65 = 13.65 m, the second's first at 1 + 14.6 + 0.3 = 15.9 m). The 98 racks
    // added to the two standing are shared out over the pods, past the PDU and CDU that stay.
    // Their 98 × 132 × 0.85 = 10,995.6 kW of liquid heat needs CDUs of their own (the one there
    // serves the two standing): six 2.3 MW, one held back for N+1 (5 × 2,300 = 11,500 kW
    // usable), which stand at the ends of the rack rows.
    const doc = sampleSmall();
    const plan: Plan = { id: 'p', name: 'test plan', createdAt: 'now', objective: 'expected', status: 'optimal', npvUsd: 0, irrFraction: null, paybackPeriods: null, mipGapFraction: 0, halls: [{ hallId: 'sm-h1', optionId: 'sm-h1-ai', startPeriod: 0, units: 100, npvUsd: 0 }], periods: [], bindingLimits: [], conflicts: [] };
    const { command, shortfalls } = applyPlanCommand(doc, plan);
    const after = applyCommand(doc, command).doc;
    expect(shortfalls).toEqual([]);
    const racks = after.placements.filter((p) => p.modelId === 'nvl72-gb200');
    expect(racks).toHaveLength(100);
    const xs = [...new Set(racks.map((r) => r.xM))].sort((a, b) => a - b);
    expect([xs[0], xs[19], xs[20]]).toEqual([1.3, 13.65, 15.9]);
    const added = after.placements.filter((p) => !doc.placements.some((q) => q.id === p.id));
    const cdus = added.filter((p) => p.modelId === 'cdu-2300');
    expect(cdus.map((c) => c.label)).toEqual(['CDU 1', 'CDU 2', 'CDU 3', 'CDU 4', 'CDU 5', 'CDU 6']);
    // Every new label is its own, across both pods and the CDUs.
    expect(new Set(added.map((p) => p.label)).size).toBe(added.length);
    expect(racks.filter((r) => r.label.startsWith('P2-')).length).toBeGreaterThan(0);
    expect(checkFleet(after).violations.filter((v) => ['overlap', 'clearance', 'outside-hall', 'zone-liquid'].includes(v.rule))).toEqual([]);
  });

  it('keeps a busway that fed nothing; one that fed a CDU goes when the CDU moves to the new rows, which feed it', () => {
    // The small hall with its two GB200 racks taken out, their busway left: where no racks of
    // the plan stand, the hall's CDU moves to the new rows. Deliberately changed: on the sample
    // itself the two racks stand, and their CDU and busway stay with them (below).
    const sample = sampleSmall();
    const doc = { ...sample, placements: sample.placements.filter((p) => p.modelId !== 'nvl72-gb200') };
    const busway = doc.placements.find((p) => p.modelId === 'busway-800')!;
    const spare = { ...busway, id: 'spare-busway', label: 'Busway 2', yM: busway.yM + 3 };
    // The CDU, fed from the busway, moves to the end of the new row: a run over that row
    // feeds it, and the busway over its old place fed nothing else, so it goes.
    const cdu = doc.placements.find((p) => p.modelId === 'cdu-1200')!;
    const withSpare = { ...doc, placements: [...doc.placements.map((p) => (p.id === cdu.id ? { ...p, powerSourceId: busway.id } : p)), spare] };
    const plan: Plan = { id: 'p', name: 'test plan', createdAt: 'now', objective: 'expected', status: 'optimal', npvUsd: 0, irrFraction: null, paybackPeriods: null, mipGapFraction: 0, halls: [{ hallId: 'sm-h1', optionId: 'sm-h1-ai', startPeriod: 0, units: 7, npvUsd: 0 }], periods: [], bindingLimits: [], conflicts: [] };
    const after = applyCommand(withSpare, applyPlanCommand(withSpare, plan).command).doc;
    expect(after.placements.map((p) => p.id)).toEqual(expect.arrayContaining([spare.id, cdu.id]));
    expect(after.placements.some((p) => p.id === busway.id)).toBe(false);
    const moved = after.placements.find((p) => p.id === cdu.id)!;
    expect([moved.xM, moved.yM]).not.toEqual([cdu.xM, cdu.yM]);
    expect(after.placements.find((p) => p.id === moved.powerSourceId)!.modelId).toBe('busway-1250');
    expect(checkFleet(after).violations.filter((v) => v.severity === 'error')).toEqual([]);
    // On the sample, the busway feeds the two racks standing: they stay, and so do it and the CDU, where they stood.
    const kept = applyCommand(sample, applyPlanCommand(sample, plan).command).doc;
    for (const id of [busway.id, cdu.id, 'sm-gpu01-01', 'sm-gpu01-02']) expect(kept.placements.find((p) => p.id === id)).toEqual(sample.placements.find((p) => p.id === id));
  });
});
