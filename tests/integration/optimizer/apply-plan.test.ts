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
    // Every limit the constraint engine checks holds as well as before: the GB200 racks of
    // Building B come with the CDUs their 52 × 132 kW × 0.85 = 5,834.4 kW of liquid heat
    // needs: two 2.3 MW CDUs beside the pod's three 1.2 MW ones, the largest held back for
    // N+1, leave 3 × 1,200 + 2,300 = 5,900 kW usable. The hall's zones become one.
    const before = new Set(checkFleet(doc).violations.map((v) => v.id));
    expect(checkFleet(applied.doc).violations.filter((v) => !before.has(v.id))).toEqual([]);
    expect(converted.map((h) => h.hallId)).toContain('wtx-b');
    expect(applied.doc.zones.filter((z) => z.hallId === 'wtx-b')).toHaveLength(1);
    expect(applied.doc.placements.filter((p) => p.hallId === 'wtx-b' && p.modelId === 'cdu-2300')).toHaveLength(2);

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

  it('lays racks in rows at most 15 m long in one block, feeds them, and takes away the busways that fed only what it removes', () => {
    // Building B (80 m × 40 m) holds 16 GB200 racks under four busways, and its skid stays.
    // The 52 racks stand as 4 rows of 13 (13 × 0.65 − 0.05 = 8.4 m a row), the block most like
    // the hall (apply-plan-layout.test.ts). Deliberately changed from five pods of one row
    // each along the north wall (issue 19's follow-up: rows across the depth, pods grouped).
    const doc = sampleCampus();
    const plan: Plan = { id: 'p', name: 'test plan', createdAt: 'now', objective: 'expected', status: 'optimal', npvUsd: 0, irrFraction: null, paybackPeriods: null, mipGapFraction: 0, halls: [{ hallId: 'wtx-b', optionId: 'wtx-b-ai', startPeriod: 0, units: 52, npvUsd: 0 }], periods: [], bindingLimits: [], conflicts: [] };
    const applied = applyPlanCommand(doc, plan);
    const after = applyCommand(doc, applied.command).doc;
    const racks = after.placements.filter((p) => p.hallId === 'wtx-b' && p.modelId === 'nvl72-gb200');
    expect(racks).toHaveLength(52);
    // All fed: every rack and CDU hangs from a new busway run.
    expect(applied.unfed).toEqual({ count: 0, kw: 0 });
    const rows = new Map<number, number[]>();
    for (const r of racks) rows.set(r.yM, [...(rows.get(r.yM) ?? []), r.xM]);
    expect([...rows.values()].map((xs) => xs.length)).toEqual([13, 13, 13, 13]);
    for (const xs of rows.values()) expect(Math.max(...xs) - Math.min(...xs) + 0.6).toBeCloseTo(8.4, 6);
    expect(new Set(racks.map((r) => r.label)).size).toBe(52);

    // The pod's four runs and the mining racks' runs go with what they fed.
    const old = doc.placements.filter((p) => p.hallId === 'wtx-b' && p.modelId === 'busway-1250').map((p) => p.id);
    expect(old.filter((id) => id.startsWith('b-bw'))).toHaveLength(4);
    const runs = new Set(after.placements.filter((p) => p.hallId === 'wtx-b' && p.modelId === 'busway-1250').map((p) => p.id));
    expect(old.some((id) => runs.has(id))).toBe(false);
    expect(racks.every((r) => runs.has(r.powerSourceId!))).toBe(true);
    expect(after.placements.some((p) => p.hallId === 'wtx-b' && p.modelId === 'pdu-skid3000')).toBe(true);
  });

  it('shares the racks out over two pods past a cross aisle; the CDUs go at the row ends', () => {
    // The small sample's hall is 30 m × 15 m: two pods of (28 + 1.2) / 2 − 1.2 = 13.4 m,
    // each 20 racks a row (the first one's first rack centred at 1 + 0.3 = 1.3 m, its last at
    // 1.3 + 19 × 0.65 = 13.65 m, the second's first at 1 + 14.6 + 0.3 = 15.9 m). 100 racks
    // are shared out 50 to a pod, past the PDU and CDU that stay. Their 100 × 132 × 0.85 =
    // 11,220 kW of liquid heat needs, beside the 1.2 MW CDU there, six 2.3 MW ones (N+1:
    // 1,200 + 5 × 2,300 = 12,700 kW usable), which stand at the ends of the rack rows.
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
    const doc = sampleSmall();
    const busway = doc.placements.find((p) => p.modelId === 'busway-800')!;
    const spare = { ...busway, id: 'spare-busway', label: 'Busway 2', yM: busway.yM + 3 };
    // The CDU, fed from the busway, moves to the end of the new row: a run over that row
    // feeds it, and the busway over its old place fed nothing else, so it goes.
    // Deliberately changed: before, the CDU stayed where it stood and kept the busway.
    const cdu = doc.placements.find((p) => p.modelId === 'cdu-1200')!;
    const withSpare = { ...doc, placements: [...doc.placements.map((p) => (p.id === cdu.id ? { ...p, powerSourceId: busway.id } : p)), spare] };
    const plan: Plan = { id: 'p', name: 'test plan', createdAt: 'now', objective: 'expected', status: 'optimal', npvUsd: 0, irrFraction: null, paybackPeriods: null, mipGapFraction: 0, halls: [{ hallId: 'sm-h1', optionId: 'sm-h1-ai', startPeriod: 0, units: 7, npvUsd: 0 }], periods: [], bindingLimits: [], conflicts: [] };
    const after = applyCommand(withSpare, applyPlanCommand(withSpare, plan).command).doc;
    expect(after.placements.map((p) => p.id)).toEqual(expect.arrayContaining([spare.id, cdu.id]));
    expect(after.placements.some((p) => p.id === busway.id)).toBe(false);
    const moved = after.placements.find((p) => p.id === cdu.id)!;
    expect(after.placements.find((p) => p.id === moved.powerSourceId)!.modelId).toBe('busway-1250');
    expect(checkFleet(after).violations.filter((v) => v.severity === 'error')).toEqual([]);
    // Without the CDU on it, the busway fed only racks, and goes with them.
    const alone = applyCommand(doc, applyPlanCommand(doc, plan).command).doc;
    expect(alone.placements.some((p) => p.id === busway.id)).toBe(false);
  });
});
